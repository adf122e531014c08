import type {
  Arrival,
  CaseNotice,
  Corridor,
  MovementKind,
  MovementStatus,
  MovementSummary,
  NetworkStatus,
  Shelter,
  SuspensionReason,
  TransitPoint,
} from '../../../shared/cases/schemas.ts';
import type { caseCorridors, caseShelters, caseTransitPoints } from '../tables.ts';

/** Rows of the movements part's tables as the API shows them (src/shared/cases/schemas/movements.ts). */

type TransitPointRow = typeof caseTransitPoints.$inferSelect;
type CorridorRow = typeof caseCorridors.$inferSelect;
type ShelterRow = typeof caseShelters.$inferSelect;
type Detail = Record<string, string | number | null>;

export const presentShelter = (row: ShelterRow): Shelter => ({
  id: row.id,
  code: row.code,
  name: row.name,
  transitPointId: row.transitPointId,
  capacity: row.capacity,
});

export const presentTransitPoint = (
  row: TransitPointRow,
  operatorName: string,
  shelters: Shelter[],
  plannedMovements: number,
): TransitPoint => ({
  id: row.id,
  code: row.code,
  name: row.name,
  pcode: row.pcode,
  operator: { id: row.operatorOrganisationId, name: operatorName },
  status: row.status as NetworkStatus,
  statusChangedAt: row.statusChangedAt.toISOString(),
  shelters,
  plannedMovements,
});

export const presentCorridor = (row: CorridorRow, points: TransitPointRow[], plannedMovements: number): Corridor => ({
  id: row.id,
  code: row.code,
  name: row.name,
  fromStateCode: row.fromStateCode,
  toStateCode: row.toStateCode,
  status: row.status as NetworkStatus,
  statusChangedAt: row.statusChangedAt.toISOString(),
  points: points.map((point) => ({
    id: point.id,
    code: point.code,
    name: point.name,
    status: point.status as NetworkStatus,
  })),
  plannedMovements,
});

/** A movement as the summary query (movements.ts) reads it: snake_case, as both drivers return raw rows. */
export interface MovementSummaryRow extends Record<string, unknown> {
  id: string;
  kind: string;
  corridor_id: string;
  corridor_code: string;
  corridor_name: string;
  departs_on: string;
  status: string;
  suspended_reason: string | null;
  suspended_detail: Detail | null;
  suspended_at: string | Date | null;
  departed_at: string | Date | null;
  households: number;
  people: number;
}

const iso = (value: string | Date): string => new Date(value).toISOString();

export const presentMovementSummary = (row: MovementSummaryRow): MovementSummary => ({
  id: row.id,
  kind: row.kind as MovementKind,
  corridor: { id: row.corridor_id, code: row.corridor_code, name: row.corridor_name },
  departsOn: row.departs_on,
  status: row.status as MovementStatus,
  households: row.households,
  people: row.people,
  suspension:
    row.suspended_reason && row.suspended_at
      ? {
          reason: row.suspended_reason as SuspensionReason,
          at: iso(row.suspended_at),
          detail: row.suspended_detail ?? {},
        }
      : null,
  departedAt: row.departed_at ? iso(row.departed_at) : null,
});

export interface ArrivalRow extends Record<string, unknown> {
  id: string;
  household_id: string;
  reference: string;
  movement_id: string | null;
  arrived_on: string;
  pcode: string;
  people: number;
  follow_ups: { monthsAfterArrival: number; dueOn: string; status: string }[] | null;
}

export const presentArrival = (row: ArrivalRow): Arrival => ({
  id: row.id,
  householdId: row.household_id,
  reference: row.reference,
  movementId: row.movement_id,
  arrivedOn: row.arrived_on,
  pcode: row.pcode,
  people: row.people,
  followUps: (row.follow_ups ?? []).sort((a, b) => a.monthsAfterArrival - b.monthsAfterArrival),
});

export interface NoticeRow extends Record<string, unknown> {
  id: string;
  household_id: string;
  reference: string;
  kind: string;
  detail: Detail;
  created_at: string | Date;
  read_at: string | Date | null;
}

export const presentNotice = (row: NoticeRow): CaseNotice => ({
  id: row.id,
  householdId: row.household_id,
  reference: row.reference,
  kind: row.kind,
  detail: row.detail,
  createdAt: iso(row.created_at),
  readAt: row.read_at ? iso(row.read_at) : null,
});
