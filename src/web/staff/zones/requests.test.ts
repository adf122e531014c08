import { describe, expect, it } from 'vitest';
import {
  AddEvidenceRequest,
  ObservationInput,
  PublishPeriodRequest,
  SaveFrameworkDraftRequest,
  VerifyObservationRequest,
} from '../../../shared/zones/schemas.ts';
import {
  checkCorrection,
  checkDraft,
  checkEvidence,
  checkIndicator,
  checkObservation,
  checkVerification,
  draftDiffers,
  draftFormOf,
  draftRequest,
  emptyIndicatorForm,
  emptyObservationForm,
  hasProblems,
  type IndicatorForm,
  indicatorField,
  observationRequest,
  publicationRequest,
  verificationRequest,
} from './requests.ts';
import type { FrameworkDefinition } from './types.ts';

const PUBLICATION = '0190f3a0-0000-7000-8000-000000000001';

describe('observation form', () => {
  const filled = {
    ...emptyObservationForm('2025-04'),
    pcode: 'QM0101',
    indicator: 'water_access',
    value: '٤٥٫٥',
    source: 'monitoring_visit' as const,
    method: '  Visit to three water points ',
    evidenceNotes: '   ',
  };

  it('starts on the period given (the current month)', () => {
    expect(emptyObservationForm('2025-04').period).toBe('2025-04');
  });

  it('becomes a request the API accepts: number read in any script, text trimmed, empty notes left out', () => {
    const request = observationRequest(filled);
    expect(request).toEqual({
      pcode: 'QM0101',
      indicator: 'water_access',
      period: '2025-04',
      value: 45.5,
      source: 'monitoring_visit',
      method: 'Visit to three water points',
    });
    expect(ObservationInput.safeParse(request).success).toBe(true);
    expect(observationRequest({ ...filled, evidenceNotes: ' Photos 3 to 7 ' }).evidenceNotes).toBe('Photos 3 to 7');
  });

  it('asks for every required field', () => {
    const checks = checkObservation(emptyObservationForm(''), undefined);
    expect(checks).toMatchObject({
      pcode: 'zones.check.required',
      indicator: 'zones.check.required',
      period: 'zones.check.required',
      value: 'zones.check.required',
      source: 'zones.check.required',
      method: 'zones.check.required',
    });
  });

  it('keeps the value inside its unit’s range, whole where the unit counts', () => {
    expect(checkObservation({ ...filled, value: '101' }, 'percent').value).toBe('zones.check.valueRange');
    expect(checkObservation({ ...filled, value: '0.5' }, 'score_1_5').value).toBe('zones.check.valueRange');
    expect(checkObservation({ ...filled, value: '2.5' }, 'count').value).toBe('zones.check.wholeNumber');
    expect(checkObservation({ ...filled, value: 'lots' }, 'count').value).toBe('zones.check.number');
    expect(hasProblems(checkObservation(filled, 'percent'))).toBe(false);
  });
});

describe('verification', () => {
  it('confirms without a reason, and asks for one to reject or ask for evidence', () => {
    expect(hasProblems(checkVerification({ decision: 'confirm', reason: '' }))).toBe(false);
    expect(checkVerification({ decision: 'reject', reason: '  ' }).reason).toBe('zones.check.reasonRequired');
    expect(checkVerification({ decision: 'request_evidence', reason: '' }).reason).toBe('zones.check.reasonRequired');
  });

  it('refuses the form until a decision is chosen, and sends nothing for it', () => {
    const undecided = checkVerification({ decision: '', reason: 'Looks right' });
    expect(undecided.decision).toBe('zones.verify.chooseDecision');
    expect(hasProblems(undecided)).toBe(true);
    expect(verificationRequest({ decision: '', reason: 'Looks right' })).toBeUndefined();
    expect(checkVerification({ decision: 'confirm', reason: '' }).decision).toBeUndefined();
  });

  it('sends the reason trimmed, or none', () => {
    const confirm = verificationRequest({ decision: 'confirm', reason: ' ' });
    expect(confirm).toEqual({ decision: 'confirm' });
    expect(VerifyObservationRequest.safeParse(confirm).success).toBe(true);
    const reject = verificationRequest({ decision: 'reject', reason: ' Source not independent ' });
    expect(reject).toEqual({ decision: 'reject', reason: 'Source not independent' });
    expect(VerifyObservationRequest.safeParse(reject).success).toBe(true);
  });

  it('asks for evidence notes when answering a request for evidence', () => {
    expect(checkEvidence(' ').evidenceNotes).toBe('zones.check.required');
    expect(AddEvidenceRequest.safeParse({ evidenceNotes: 'Signed visit report' }).success).toBe(true);
  });
});

describe('publication', () => {
  it('publishes a period, or corrects one naming the publication replaced and why', () => {
    expect(publicationRequest('2025-04')).toEqual({ period: '2025-04' });
    const correction = publicationRequest('2025-04', { replaces: PUBLICATION, reason: ' Late verification ' });
    expect(correction).toEqual({ period: '2025-04', replaces: PUBLICATION, reason: 'Late verification' });
    expect(PublishPeriodRequest.safeParse(correction).success).toBe(true);
    expect(checkCorrection('').reason).toBe('zones.check.reasonRequired');
  });

  it('confirms explicitly that a month still running is published', () => {
    const early = publicationRequest('2025-04', undefined, { monthNotEnded: true });
    expect(early).toEqual({ period: '2025-04', confirmMonthNotEnded: true });
    expect(PublishPeriodRequest.safeParse(early).success).toBe(true);
    const earlyCorrection = publicationRequest(
      '2025-04',
      { replaces: PUBLICATION, reason: 'Late values' },
      { monthNotEnded: true },
    );
    expect(earlyCorrection).toMatchObject({ replaces: PUBLICATION, confirmMonthNotEnded: true });
    expect(publicationRequest('2025-04', undefined, { monthNotEnded: false })).toEqual({ period: '2025-04' });
  });
});

describe('framework draft', () => {
  const definition: FrameworkDefinition = {
    title: { en: 'Return conditions', fr: 'Conditions de retour' },
    criteria: [
      {
        code: 'safety',
        kind: 'criterion',
        name: { en: 'Safety and security' },
        indicators: [
          {
            code: 'security_incidents',
            name: { en: 'Security incidents', ar: 'حوادث أمنية' },
            unit: 'rate_per_10000',
            direction: 'lower_is_better',
            green: 1,
            red: 5,
            weight: 2,
            hard: true,
            freshnessMonths: 3,
          },
          {
            code: 'mine_free',
            name: { en: 'Land cleared of mines' },
            unit: 'percent',
            direction: 'higher_is_better',
            green: 95,
            red: 80,
            weight: 1,
            hard: false,
            freshnessMonths: 12,
          },
        ],
      },
    ],
  };

  it('goes to the form and back unchanged, in a request the API accepts', () => {
    const form = draftFormOf(definition);
    expect(draftRequest(form)).toEqual({ definition });
    expect(SaveFrameworkDraftRequest.safeParse(draftRequest(form)).success).toBe(true);
    expect(draftDiffers(form, definition)).toBe(false);
  });

  it('notices a change whatever order the saved definition’s keys came back in', () => {
    const reordered = JSON.parse(JSON.stringify(definition, Object.keys(definition).reverse())) as FrameworkDefinition;
    const form = draftFormOf(definition);
    expect(draftDiffers(form, { ...reordered, criteria: definition.criteria, title: definition.title })).toBe(false);
    form.criteria[0]!.indicators[0]!.red = '6';
    expect(draftDiffers(form, definition)).toBe(true);
    expect(draftRequest(form).definition.criteria[0]!.indicators[0]!.red).toBe(6);
  });

  it('reports contradictory thresholds on the red threshold, by the API’s field name', () => {
    const form = draftFormOf(definition);
    form.criteria[0]!.indicators[1]!.red = '99';
    expect(checkDraft(form)).toEqual({ [indicatorField(0, 1, 'red')]: 'zones.check.redAboveGreen' });
    expect(indicatorField(0, 1, 'red')).toBe('definition.criteria.0.indicators.1.red');
    form.criteria[0]!.indicators[1]!.red = '80';
    form.criteria[0]!.indicators[0]!.red = '0.5';
    expect(checkDraft(form)).toEqual({ [indicatorField(0, 0, 'red')]: 'zones.check.redBelowGreen' });
  });

  it('checks a new indicator field by field', () => {
    const fresh: IndicatorForm = emptyIndicatorForm();
    expect(checkIndicator(fresh)).toMatchObject({
      code: 'zones.check.required',
      'name.en': 'zones.check.englishName',
      unit: 'zones.check.required',
      direction: 'zones.check.required',
      green: 'zones.check.required',
      red: 'zones.check.required',
    });
    const filled: IndicatorForm = {
      ...fresh,
      code: 'Water',
      name: { en: 'Water', ar: ' ' },
      unit: 'percent',
      direction: 'higher_is_better',
      green: '80',
      red: '120',
      weight: '0',
      freshnessMonths: '40',
    };
    expect(checkIndicator(filled)).toMatchObject({
      code: 'zones.check.code',
      red: 'zones.check.valueRange',
      weight: 'zones.check.weight',
      freshnessMonths: 'zones.check.freshness',
    });
  });

  it('refuses an indicator code used twice and a criterion left without indicators', () => {
    const form = draftFormOf(definition);
    form.criteria[0]!.indicators[1]!.code = 'security_incidents';
    expect(checkDraft(form)[indicatorField(0, 1, 'code')]).toBe('zones.check.duplicateCode');
    form.criteria[0]!.indicators = [];
    expect(checkDraft(form)).toEqual({ 'definition.criteria.0.indicators': 'zones.check.oneIndicator' });
  });

  it('leaves out names left empty, but keeps English', () => {
    const form = draftFormOf(definition);
    form.criteria[0]!.indicators[0]!.name = { en: 'Security incidents', ar: ' ', fr: 'Incidents' };
    expect(draftRequest(form).definition.criteria[0]!.indicators[0]!.name).toEqual({
      en: 'Security incidents',
      fr: 'Incidents',
    });
  });
});
