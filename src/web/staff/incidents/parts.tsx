import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountabilityStatus, IncidentVerification } from '../../../shared/gateway/constants.ts';
import type { IncidentSummary } from '../../../shared/gateway/schemas.ts';
import { isApiError } from '../../api/problem.ts';
import { fieldError } from '../../components/forms.tsx';
import { StatusBadge, type Tone } from '../components/StatusBadge.tsx';

/** The field problems the incident routes name by code, said in the reader's language (others: the kit's). */
const INCIDENT_FIELD_CODES = new Set([
  'future_date',
  'place_required',
  'place_without_state',
  'unknown_zone',
  'unknown_transit_point',
  'unknown_corridor',
  'no_people',
  'unknown_submission',
  'before_previous_step',
]);

export function incidentFieldError(t: TFunction, error: unknown, name: string): string | undefined {
  if (isApiError(error)) {
    const problem = error.fieldErrors.find((field) => field.name === name || field.name.startsWith(`${name}.`));
    if (problem && INCIDENT_FIELD_CODES.has(problem.code)) return t(`incidents.fieldError.${problem.code}`);
  }
  return fieldError(t, error, name);
}

const VERIFICATION_TONE: Record<IncidentVerification, Tone> = {
  unverified: 'unknown',
  corroborated: 'fair',
  verified: 'good',
  not_substantiated: 'neutral',
};

export function VerificationBadge({ value }: { value: IncidentVerification }) {
  const { t } = useTranslation();
  return <StatusBadge tone={VERIFICATION_TONE[value]}>{t(`incidents.verification.${value}`)}</StatusBadge>;
}

const ACCOUNTABILITY_TONE: Record<AccountabilityStatus, Tone> = {
  documented: 'unknown',
  referred: 'fair',
  answered: 'fair',
  sanctioned: 'good',
  closed: 'neutral',
};

export function AccountabilityBadge({ value, overdue = false }: { value: AccountabilityStatus; overdue?: boolean }) {
  const { t } = useTranslation();
  return (
    <StatusBadge tone={overdue ? 'bad' : ACCOUNTABILITY_TONE[value]}>
      {t(`incidents.accountability.${value}`)}
      {overdue ? ` · ${t('incidents.tracker.overdue')}` : ''}
    </StatusBadge>
  );
}

/** Where it happened: the zone (name and P-code), the transit point, the corridor, each that was named. */
export function IncidentPlace({ incident }: { incident: IncidentSummary }) {
  const { t } = useTranslation();
  const parts: { key: string; node: ReactNode }[] = [];
  if (incident.pcode) {
    parts.push({
      key: 'zone',
      node: (
        <>
          {incident.zoneName ? <bdi>{incident.zoneName}</bdi> : null} (
          <span className="ltr-value">{incident.pcode}</span>)
        </>
      ),
    });
  }
  if (incident.transitPoint) {
    parts.push({
      key: 'point',
      node: (
        <>
          {t('incidents.field.transitPoint')}: <span className="ltr-value">{incident.transitPoint}</span>
        </>
      ),
    });
  }
  if (incident.corridor) {
    parts.push({
      key: 'corridor',
      node: (
        <>
          {t('incidents.field.corridor')}: <span className="ltr-value">{incident.corridor}</span>
        </>
      ),
    });
  }
  return (
    <span>
      {parts.map((part, index) => (
        <span key={part.key}>
          {index > 0 ? '; ' : null}
          {part.node}
        </span>
      ))}
    </span>
  );
}
