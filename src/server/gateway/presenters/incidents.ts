import {
  ACCOUNTABILITY_STATUSES,
  type AccountabilityStatus,
  AFFECTED_GROUPS,
  type AffectedGroup,
  type IncidentSource,
  type IncidentType,
  type IncidentVerification,
  type PerpetratorCategory,
} from '../../../shared/gateway/constants.ts';
import type { Incident, IncidentSummary } from '../../../shared/gateway/schemas.ts';
import type { gatewayIncidents } from '../tables.ts';

export type IncidentRow = typeof gatewayIncidents.$inferSelect;

/** An incident row with what its list statement joins: the zone's names and the recording organisation's name. */
export interface IncidentListRow {
  incident: IncidentRow;
  zoneNames: Record<string, string> | null;
  organisationName: string | null;
}

/** The column of each group's count. */
export const AFFECTED_COLUMNS = {
  girls: 'affectedGirls',
  boys: 'affectedBoys',
  women: 'affectedWomen',
  men: 'affectedMen',
  older_women: 'affectedOlderWomen',
  older_men: 'affectedOlderMen',
  unknown: 'affectedUnknown',
} as const satisfies Record<AffectedGroup, keyof IncidentRow>;

export const affectedOf = (row: IncidentRow): Record<AffectedGroup, number> =>
  Object.fromEntries(AFFECTED_GROUPS.map((group) => [group, row[AFFECTED_COLUMNS[group]]])) as Record<
    AffectedGroup,
    number
  >;

export const affectedTotal = (counts: Record<AffectedGroup, number>): number =>
  AFFECTED_GROUPS.reduce((sum, group) => sum + counts[group], 0);

const DAY_MS = 86_400_000;

/** Whole days from a day (`YYYY-MM-DD`) to `now`'s day, in UTC. */
export const daysSince = (day: string, now: Date): number =>
  Math.floor((Date.parse(now.toISOString().slice(0, 10)) - Date.parse(day)) / DAY_MS);

/** Days since referral while the incident waits for the body's answer, and whether that is past the expectation. */
export function referralWait(
  row: IncidentRow,
  responseDays: number,
  now: Date,
): { daysSinceReferral: number | null; responseOverdue: boolean } {
  if (row.accountability !== 'referred' || !row.referredOn) return { daysSinceReferral: null, responseOverdue: false };
  const days = daysSince(row.referredOn, now);
  return { daysSinceReferral: days, responseOverdue: days > responseDays };
}

/** An incident as a list shows it: codes, counts, dates and statuses, nothing encrypted. */
export function presentIncidentSummary(
  row: IncidentListRow,
  codes: ReadonlyMap<string, string>,
  language: string,
): IncidentSummary {
  const { incident } = row;
  return {
    id: incident.id,
    reference: incident.reference,
    type: incident.type as IncidentType,
    occurredOn: incident.occurredOn,
    pcode: incident.pcode,
    zoneName: row.zoneNames ? (row.zoneNames[language] ?? row.zoneNames.en ?? null) : null,
    transitPoint: incident.transitPointId ? (codes.get(incident.transitPointId) ?? null) : null,
    corridor: incident.corridorId ? (codes.get(incident.corridorId) ?? null) : null,
    stateCode: incident.stateCode,
    perpetratorCategory: incident.perpetratorCategory as PerpetratorCategory,
    affectedTotal: affectedTotal(affectedOf(incident)),
    source: incident.source as IncidentSource,
    verification: incident.verification as IncidentVerification,
    accountability: incident.accountability as AccountabilityStatus,
    referredTo: incident.referredTo,
    referredOn: incident.referredOn,
    closedOn: incident.closedOn,
    organisationId: incident.organisationId,
    organisationName: row.organisationName,
    observationId: incident.observationId,
    createdAt: incident.createdAt.toISOString(),
  };
}

/** The texts a reader may see, opened by the service (null where the reader may not see them). */
export interface IncidentTexts {
  narrative: string | null;
  identities: string | null;
  response: string | null;
  sanction: string | null;
}

/** An incident in full: its summary, counts by group, the texts the reader may see, links and history. */
export function presentIncident(
  summary: IncidentSummary,
  row: IncidentRow,
  texts: IncidentTexts,
  submissions: Incident['submissions'],
  history: Incident['history'],
  wait: { daysSinceReferral: number | null; responseOverdue: boolean },
): Incident {
  return {
    ...summary,
    affected: affectedOf(row),
    ...texts,
    identitiesRecorded: row.identitiesEnc !== null,
    verifiedBy: row.verifiedBy,
    verifiedAt: row.verifiedAt?.toISOString() ?? null,
    recordedBy: row.recordedBy,
    submissions,
    history,
    ...wait,
  };
}

/** How many incidents stand at each accountability status. */
export function countByStatus(rows: readonly { status: string; n: number }[]): Record<AccountabilityStatus, number> {
  const counts = Object.fromEntries(ACCOUNTABILITY_STATUSES.map((status) => [status, 0])) as Record<
    AccountabilityStatus,
    number
  >;
  for (const row of rows) if (row.status in counts) counts[row.status as AccountabilityStatus] = Number(row.n);
  return counts;
}
