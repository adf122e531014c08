import {
  CODE,
  FRESHNESS_MAX,
  FRESHNESS_MIN,
  METHOD_MAX,
  NOTES_MAX,
  REASON_MAX,
  UNITS,
  WEIGHT_MAX,
} from '../../../shared/zones/constants.ts';
import { parseNumber } from './numbers.ts';
import { isPeriod } from './periods.ts';
import { thresholdsAgree } from './status.ts';
import type {
  CriterionDefinition,
  Direction,
  FrameworkDefinition,
  IndicatorDefinition,
  LocalizedText,
  ObservationInput,
  ObservationSource,
  Unit,
  VerificationDecision,
} from './types.ts';

/**
 * What the zones forms hold, how it becomes a request, and the checks made before sending (so a slip is reported
 * at once, in the person's language). The server checks everything again. A check gives the catalogue key of its
 * message; field names are the API's (`value`, `definition.criteria.0.indicators.1.red`), so local and server
 * problems land on the same field.
 */
export type Checks<Field extends string = string> = Partial<Record<Field, string>>;
export const hasProblems = (checks: Checks) => Object.values(checks).some(Boolean);

const REQUIRED = 'zones.check.required';

// Observations

export interface ObservationForm {
  pcode: string;
  indicator: string;
  period: string;
  /** As typed: digits in any script, a decimal point or comma. */
  value: string;
  source: ObservationSource | '';
  method: string;
  evidenceNotes: string;
}

export const emptyObservationForm = (period: string): ObservationForm => ({
  pcode: '',
  indicator: '',
  period,
  value: '',
  source: '',
  method: '',
  evidenceNotes: '',
});

/** Whether `value` is one the unit admits (a whole number for counts and yes/no). */
export function valueProblem(unit: Unit | undefined, value: string): string | undefined {
  if (!value.trim()) return REQUIRED;
  const number = parseNumber(value);
  if (number === undefined) return 'zones.check.number';
  if (!unit) return undefined;
  const range = UNITS[unit];
  if (number < range.min || number > range.max) return 'zones.check.valueRange';
  if (range.integer && !Number.isInteger(number)) return 'zones.check.wholeNumber';
  return undefined;
}

export function checkObservation(form: ObservationForm, unit: Unit | undefined): Checks<keyof ObservationForm> {
  return {
    pcode: form.pcode ? undefined : REQUIRED,
    indicator: form.indicator ? undefined : REQUIRED,
    period: !form.period ? REQUIRED : isPeriod(form.period) ? undefined : 'zones.check.period',
    value: valueProblem(unit, form.value),
    source: form.source ? undefined : REQUIRED,
    method: !form.method.trim() ? REQUIRED : form.method.trim().length > METHOD_MAX ? 'zones.check.tooLong' : undefined,
    evidenceNotes: form.evidenceNotes.trim().length > NOTES_MAX ? 'zones.check.tooLong' : undefined,
  };
}

export function observationRequest(form: ObservationForm): ObservationInput {
  const notes = form.evidenceNotes.trim();
  return {
    pcode: form.pcode,
    indicator: form.indicator,
    period: form.period,
    value: parseNumber(form.value) ?? Number.NaN,
    source: form.source as ObservationSource,
    method: form.method.trim(),
    ...(notes ? { evidenceNotes: notes } : {}),
  };
}

// Verification

/** A verifier's decision as the form holds it: none until the verifier chooses one (nothing is preselected). */
export interface VerificationForm {
  decision: VerificationDecision | '';
  reason: string;
}

export function checkVerification(form: VerificationForm): Checks<'decision' | 'reason'> {
  const reason = form.reason.trim();
  if (!form.decision) {
    return {
      decision: 'zones.verify.chooseDecision',
      reason: reason.length > REASON_MAX ? 'zones.check.tooLong' : undefined,
    };
  }
  if (form.decision === 'confirm') return { reason: reason.length > REASON_MAX ? 'zones.check.tooLong' : undefined };
  return {
    reason: !reason ? 'zones.check.reasonRequired' : reason.length > REASON_MAX ? 'zones.check.tooLong' : undefined,
  };
}

/** The request for a decision, or undefined while none is chosen. */
export function verificationRequest(
  form: VerificationForm,
): { decision: VerificationDecision; reason?: string } | undefined {
  if (!form.decision) return undefined;
  const reason = form.reason.trim();
  return { decision: form.decision, ...(reason ? { reason } : {}) };
}

export function checkEvidence(notes: string): Checks<'evidenceNotes'> {
  const text = notes.trim();
  return { evidenceNotes: !text ? REQUIRED : text.length > NOTES_MAX ? 'zones.check.tooLong' : undefined };
}

// Publication

export function checkCorrection(reason: string): Checks<'reason'> {
  const text = reason.trim();
  return {
    reason: !text ? 'zones.check.reasonRequired' : text.length > REASON_MAX ? 'zones.check.tooLong' : undefined,
  };
}

/** A first publication names only its period; a correction names the publication it replaces and why. */
export function publicationRequest(
  period: string,
  correction?: { replaces: string; reason: string },
  options: { monthNotEnded?: boolean } = {},
) {
  // Publishing a month still running is confirmed explicitly; the server refuses it otherwise.
  const confirm = options.monthNotEnded ? { confirmMonthNotEnded: true as const } : {};
  return correction
    ? { period, replaces: correction.replaces, reason: correction.reason.trim(), ...confirm }
    : { period, ...confirm };
}

// Criteria framework drafts

/** An indicator as the draft form holds it: numbers as typed, so a slip stays on screen to be corrected. */
export interface IndicatorForm {
  /** Identifies the row while its code is being typed (React key). */
  key: string;
  /** Added in this draft: every field can be set. Indicators taken over keep their code, name, unit, direction. */
  added: boolean;
  code: string;
  name: LocalizedText;
  unit: Unit | '';
  direction: Direction | '';
  green: string;
  red: string;
  weight: string;
  hard: boolean;
  freshnessMonths: string;
}

export interface DraftForm {
  title: LocalizedText;
  criteria: (Omit<CriterionDefinition, 'indicators'> & { indicators: IndicatorForm[] })[];
}

export const indicatorFormOf = (indicator: IndicatorDefinition): IndicatorForm => ({
  key: indicator.code,
  added: false,
  code: indicator.code,
  name: { ...indicator.name },
  unit: indicator.unit,
  direction: indicator.direction,
  green: String(indicator.green),
  red: String(indicator.red),
  weight: String(indicator.weight),
  hard: indicator.hard,
  freshnessMonths: String(indicator.freshnessMonths),
});

let addedRows = 0;

export function emptyIndicatorForm(): IndicatorForm {
  addedRows += 1;
  return {
    key: `added-${addedRows}`,
    added: true,
    code: '',
    name: { en: '' },
    unit: '',
    direction: '',
    green: '',
    red: '',
    weight: '1',
    hard: false,
    freshnessMonths: '3',
  };
}

export const draftFormOf = (definition: FrameworkDefinition): DraftForm => ({
  title: { ...definition.title },
  criteria: definition.criteria.map((criterion) => ({
    code: criterion.code,
    kind: criterion.kind,
    name: { ...criterion.name },
    indicators: criterion.indicators.map(indicatorFormOf),
  })),
});

/** Names without the languages left empty; English stays (the check asks for it). */
const namesOf = (name: LocalizedText): LocalizedText =>
  Object.fromEntries(
    Object.entries(name)
      .map(([language, text]) => [language, text.trim()] as const)
      .filter(([language, text]) => text || language === 'en'),
  ) as LocalizedText;

const numberOf = (text: string) => parseNumber(text) ?? Number.NaN;

export const indicatorRequest = (form: IndicatorForm): IndicatorDefinition => ({
  code: form.code.trim(),
  name: namesOf(form.name),
  unit: form.unit as Unit,
  direction: form.direction as Direction,
  green: numberOf(form.green),
  red: numberOf(form.red),
  weight: numberOf(form.weight),
  hard: form.hard,
  freshnessMonths: numberOf(form.freshnessMonths),
});

export const draftRequest = (form: DraftForm): { definition: FrameworkDefinition } => ({
  definition: {
    title: namesOf(form.title),
    criteria: form.criteria.map((criterion) => ({
      code: criterion.code,
      kind: criterion.kind,
      name: namesOf(criterion.name),
      indicators: criterion.indicators.map(indicatorRequest),
    })),
  },
});

/** The API's name for one field of an indicator of the draft. */
export const indicatorField = (criterion: number, indicator: number, field: keyof IndicatorForm | 'name.en') =>
  `definition.criteria.${criterion}.indicators.${indicator}.${field}`;

function thresholdProblem(form: IndicatorForm, text: string): string | undefined {
  if (!text.trim()) return REQUIRED;
  const number = parseNumber(text);
  if (number === undefined) return 'zones.check.number';
  if (form.unit === 'yes_no' && number !== 0 && number !== 1) return 'zones.check.yesNo';
  if (form.unit && (number < UNITS[form.unit].min || number > UNITS[form.unit].max)) return 'zones.check.valueRange';
  return undefined;
}

/** One indicator's problems, keyed by field name inside the indicator (`red`, `name.en`). */
export function checkIndicator(form: IndicatorForm): Checks {
  const weight = parseNumber(form.weight);
  const freshness = parseNumber(form.freshnessMonths);
  const checks: Checks = {
    code: !form.code.trim() ? REQUIRED : CODE.test(form.code.trim()) ? undefined : 'zones.check.code',
    'name.en': form.name.en?.trim() ? undefined : 'zones.check.englishName',
    unit: form.unit ? undefined : REQUIRED,
    direction: form.direction ? undefined : REQUIRED,
    green: thresholdProblem(form, form.green),
    red: thresholdProblem(form, form.red),
    weight: !form.weight.trim()
      ? REQUIRED
      : weight === undefined || weight <= 0 || weight > WEIGHT_MAX
        ? 'zones.check.weight'
        : undefined,
    freshnessMonths: !form.freshnessMonths.trim()
      ? REQUIRED
      : freshness === undefined ||
          !Number.isInteger(freshness) ||
          freshness < FRESHNESS_MIN ||
          freshness > FRESHNESS_MAX
        ? 'zones.check.freshness'
        : undefined,
  };
  const green = parseNumber(form.green);
  const red = parseNumber(form.red);
  if (!checks.green && !checks.red && form.direction && green !== undefined && red !== undefined) {
    if (!thresholdsAgree({ direction: form.direction, green, red })) {
      checks.red = form.direction === 'higher_is_better' ? 'zones.check.redAboveGreen' : 'zones.check.redBelowGreen';
    }
  }
  return checks;
}

/** Every problem of the draft, by the API's field names; indicator codes must be unique across the framework. */
export function checkDraft(form: DraftForm): Checks {
  const checks: Checks = {};
  const seen = new Set<string>();
  form.criteria.forEach((criterion, c) => {
    if (criterion.indicators.length === 0) checks[`definition.criteria.${c}.indicators`] = 'zones.check.oneIndicator';
    criterion.indicators.forEach((indicator, i) => {
      for (const [field, problem] of Object.entries(checkIndicator(indicator))) {
        if (problem) checks[`definition.criteria.${c}.indicators.${i}.${field}`] = problem;
      }
      const code = indicator.code.trim();
      if (code && seen.has(code)) checks[indicatorField(c, i, 'code')] = 'zones.check.duplicateCode';
      seen.add(code);
    });
  });
  return checks;
}

/** JSON with keys in one order, whatever order the server's storage gave them back in. */
const canonical = (value: unknown): string =>
  Array.isArray(value)
    ? `[${value.map(canonical).join(',')}]`
    : value !== null && typeof value === 'object'
      ? `{${Object.keys(value)
          .sort()
          .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
          .join(',')}}`
      : JSON.stringify(value);

/** Whether the form says something other than the saved definition (publishing publishes what is saved). */
export const draftDiffers = (form: DraftForm, saved: FrameworkDefinition) =>
  canonical(draftRequest(form).definition) !== canonical(saved);
