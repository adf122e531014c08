import { z } from 'zod';
import { Day, Timestamp } from '../../dates.ts';
import { PCODE } from '../../zones/constants.ts';
import { LocalizedText } from '../../zones/schemas.ts';
import {
  CASE_REFERENCE,
  MOVEMENT_KINDS,
  MOVEMENT_STATUSES,
  NETWORK_STATUSES,
  SUSPENSION_REASONS,
} from '../constants.ts';

/**
 * The API shapes of the cases module's movements part (see ../schemas.ts): the network of transit points,
 * corridors and shelters; movements of households along a corridor; arrivals with their follow-up schedule;
 * and the notices that tell case officers why a movement stopped. Only references, codes, dates and counts:
 * a planner needs no name to fill a convoy.
 */

const PCode = z.string().regex(PCODE, 'must be a P-code');
/** Codes of the network (transit points, corridors, shelters), as lists and the audit log show them: `tp-zakho`. */
const NetworkCode = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{1,31}$/, 'must be 2 to 32 lower-case letters, digits, - or _');
const Name = z.string().trim().min(1).max(200);
const StateCode = z.string().regex(/^[A-Z]{2}$/, 'must be a two-letter state code');

const NetworkStatusField = z.enum(NETWORK_STATUSES);
const MovementKindField = z.enum(MOVEMENT_KINDS);
const MovementStatusField = z.enum(MOVEMENT_STATUSES);
const SuspensionReasonField = z.enum(SUSPENSION_REASONS);

export const TransitPointInput = z.strictObject({
  code: NetworkCode,
  name: Name,
  pcode: PCode.nullable().optional(),
  operatorOrganisationId: z.uuid(),
});
export type TransitPointInput = z.infer<typeof TransitPointInput>;

export const CorridorInput = z.strictObject({
  code: NetworkCode,
  name: Name,
  fromStateCode: StateCode,
  toStateCode: StateCode,
  /** Transit points in the order travelled, each at most once. */
  transitPointIds: z.array(z.uuid()).min(1).max(30),
});
export type CorridorInput = z.infer<typeof CorridorInput>;

export const ShelterInput = z.strictObject({
  code: NetworkCode,
  name: Name,
  transitPointId: z.uuid(),
  capacity: z.number().int().min(1).max(100_000),
});
export type ShelterInput = z.infer<typeof ShelterInput>;

export const NetworkStatusChange = z.strictObject({ status: NetworkStatusField });

export const Shelter = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  transitPointId: z.uuid(),
  capacity: z.number().int(),
});
export type Shelter = z.infer<typeof Shelter>;

export const TransitPoint = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  pcode: z.string().nullable(),
  operator: z.object({ id: z.uuid(), name: z.string() }),
  status: NetworkStatusField,
  statusChangedAt: Timestamp,
  shelters: z.array(Shelter),
  /** Planned movements along a corridor through this point: what closing it would suspend. */
  plannedMovements: z.number().int(),
});
export type TransitPoint = z.infer<typeof TransitPoint>;

export const Corridor = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  fromStateCode: z.string(),
  toStateCode: z.string(),
  status: NetworkStatusField,
  statusChangedAt: Timestamp,
  points: z.array(z.object({ id: z.uuid(), code: z.string(), name: z.string(), status: NetworkStatusField })),
  /** Planned movements along it: what closing it would suspend. */
  plannedMovements: z.number().int(),
});
export type Corridor = z.infer<typeof Corridor>;

export const MovementNetwork = z.object({ transitPoints: z.array(TransitPoint), corridors: z.array(Corridor) });
export type MovementNetwork = z.infer<typeof MovementNetwork>;

/** What a status change did: the record as it now is, and how many planned movements it suspended. */
export const NetworkChange = z.object({ status: NetworkStatusField, suspendedMovements: z.number().int() });
export type NetworkChange = z.infer<typeof NetworkChange>;

export const MovementInput = z.strictObject({
  kind: MovementKindField,
  corridorId: z.uuid(),
  departsOn: Day,
  householdIds: z.array(z.uuid()).min(1).max(500),
  /** The shelter for the night of departure; by default the first along the corridor with room. */
  shelterId: z.uuid().optional(),
});
export type MovementInput = z.infer<typeof MovementInput>;

export const MovementListQuery = z.strictObject({
  status: MovementStatusField.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

/** Why a movement stopped, with what it refers to (the zone and its classes, or the closed point or corridor). */
export const Suspension = z.object({
  reason: SuspensionReasonField,
  at: Timestamp,
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
});
export type Suspension = z.infer<typeof Suspension>;

export const MovementSummary = z.object({
  id: z.uuid(),
  kind: MovementKindField,
  corridor: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
  departsOn: Day,
  status: MovementStatusField,
  households: z.number().int(),
  people: z.number().int(),
  suspension: Suspension.nullable(),
  departedAt: Timestamp.nullable(),
});
export type MovementSummary = z.infer<typeof MovementSummary>;

export const MovementPage = z.object({ total: z.number().int(), items: z.array(MovementSummary) });
export type MovementPage = z.infer<typeof MovementPage>;

export const MovementHousehold = z.object({
  householdId: z.uuid(),
  reference: z.string().regex(CASE_REFERENCE),
  destinationPcode: z.string(),
  people: z.number().int(),
  status: MovementStatusField,
});
export const MovementDetail = MovementSummary.extend({
  /** Shelters of the corridor, each with its capacity and the people staying there on the departure night. */
  shelters: z.array(Shelter.extend({ occupancy: z.number().int() })),
  /** The households the caller's organisation may see; others on a convoy are counted, not named. */
  onBoard: z.array(MovementHousehold),
});
export type MovementDetail = z.infer<typeof MovementDetail>;

/** What the day's check did when a movement departed: who went, and who stayed behind suspended. */
export const DepartureResult = z.object({
  movement: MovementDetail,
  departed: z.number().int(),
  suspended: z.array(z.object({ householdId: z.uuid(), failedRules: z.array(z.string()) })),
});
export type DepartureResult = z.infer<typeof DepartureResult>;

export const CapacityQuery = z.strictObject({ corridorId: z.uuid(), date: Day });
export const ShelterNight = Shelter.extend({ transitPointCode: z.string(), occupancy: z.number().int() });
export type ShelterNight = z.infer<typeof ShelterNight>;

/** A household the planner may put on a movement: eligible, with no planned movement. */
export const MovementCandidate = z.object({
  householdId: z.uuid(),
  reference: z.string(),
  asylumStateCode: z.string(),
  destinationPcode: z.string(),
  /** The destination's names in the languages the gazetteer has. */
  destinationZoneName: LocalizedText.nullable(),
  people: z.number().int(),
});
export type MovementCandidate = z.infer<typeof MovementCandidate>;

/** A household's place on a movement, for its page. */
export const HouseholdMovement = z.object({
  movement: MovementSummary,
  status: MovementStatusField,
  destinationPcode: z.string(),
  people: z.number().int(),
});
export type HouseholdMovement = z.infer<typeof HouseholdMovement>;

export const FollowUp = z.object({ monthsAfterArrival: z.number().int(), dueOn: Day, status: z.string() });
export const Arrival = z.object({
  id: z.uuid(),
  householdId: z.uuid(),
  reference: z.string(),
  movementId: z.uuid().nullable(),
  arrivedOn: Day,
  pcode: z.string(),
  people: z.number().int(),
  followUps: z.array(FollowUp),
});
export type Arrival = z.infer<typeof Arrival>;

export const HouseholdMovements = z.object({ movements: z.array(HouseholdMovement), arrival: Arrival.nullable() });
export type HouseholdMovements = z.infer<typeof HouseholdMovements>;

export const ArrivalInput = z.strictObject({
  householdId: z.uuid(),
  movementId: z.uuid().optional(),
  arrivedOn: Day,
});
export type ArrivalInput = z.infer<typeof ArrivalInput>;

export const ArrivalListQuery = z.strictObject({
  from: Day.optional(),
  to: Day.optional(),
  pcode: PCode.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export const ArrivalPage = z.object({ total: z.number().int(), items: z.array(Arrival) });
export type ArrivalPage = z.infer<typeof ArrivalPage>;

/** A household on a departed movement, not yet recorded as arrived. */
export const AwaitedArrival = z.object({
  householdId: z.uuid(),
  reference: z.string(),
  movementId: z.uuid(),
  departsOn: Day,
  destinationPcode: z.string(),
  /** The destination's names in the languages the gazetteer has. */
  destinationZoneName: LocalizedText.nullable(),
  people: z.number().int(),
});
export type AwaitedArrival = z.infer<typeof AwaitedArrival>;

/**
 * A page of the awaited arrivals ends on a household on a movement: the cursor names both,
 * `<movementId>.<householdId>`; clients pass `nextCursor` back as it came.
 */
export const AwaitedArrivalsQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z
    .string()
    .max(80)
    .regex(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
      'not a cursor of the awaited arrivals',
    )
    .optional()
    .describe('nextCursor of the previous page'),
});
export type AwaitedArrivalsQuery = z.infer<typeof AwaitedArrivalsQuery>;

/** A page of the awaited arrivals; `total` counts them all. */
export const AwaitedArrivalPage = z.object({
  items: z.array(AwaitedArrival),
  total: z.number().int(),
  nextCursor: z.string().nullable().describe("the next page's cursor, null on the last page"),
});
export type AwaitedArrivalPage = z.infer<typeof AwaitedArrivalPage>;

export const CaseNotice = z.object({
  id: z.uuid(),
  householdId: z.uuid(),
  reference: z.string(),
  kind: z.string(),
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  createdAt: Timestamp,
  readAt: Timestamp.nullable(),
});
export type CaseNotice = z.infer<typeof CaseNotice>;

/**
 * Where a page of the notices stops: the last notice's keys in the list's order (creation time in microseconds
 * since 1970, newest first, then id), as `<createdAtMicros>.<id>`. Clients pass `nextCursor` back as it came.
 */
export interface NoticeCursor {
  createdAtMicros: string;
  id: string;
}

export const noticeCursorOf = (keys: NoticeCursor): string => `${keys.createdAtMicros}.${keys.id}`;

/** The keys a cursor names, or null when it is not one the notices list gave. */
export function parseNoticeCursor(cursor: string): NoticeCursor | null {
  const [createdAtMicros, id, ...rest] = cursor.split('.');
  if (rest.length > 0 || createdAtMicros === undefined || id === undefined) return null;
  if (!/^\d{1,16}$/.test(createdAtMicros) || !z.uuid().safeParse(id).success) return null;
  return { createdAtMicros, id };
}

/**
 * The organisation's notices, newest first, a page at a time by keyset: `unread` filters them (`true`: the unread
 * ones, `false`: the read ones, none: all), `cursor` is the previous page's `nextCursor`.
 */
export const NoticeListQuery = z.strictObject({
  unread: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z
    .string()
    .max(80)
    .refine((cursor) => parseNoticeCursor(cursor) !== null, 'not a cursor of the notices')
    .optional()
    .describe('nextCursor of the previous page'),
});
export type NoticeListQuery = z.infer<typeof NoticeListQuery>;

/** A page of the notices; `total` counts every notice the filter matches, not the page. */
export const NoticePage = z.object({
  items: z.array(CaseNotice),
  total: z.number().int(),
  nextCursor: z.string().nullable().describe("the next page's cursor, null on the last page"),
});
export type NoticePage = z.infer<typeof NoticePage>;
