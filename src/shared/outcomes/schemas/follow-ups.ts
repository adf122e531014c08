import { z } from 'zod';
import { Day, Timestamp } from '../../dates.ts';
import { PCODE } from '../../zones/constants.ts';
import { FOLLOW_UP_MODES, FOLLOW_UP_STATUSES, HEAD_AGE_GROUPS, LOST_REASONS, ROUNDS } from '../constants.ts';

/**
 * The API shapes of outcome follow-ups: the list of follow-ups due, one follow-up, assigning it to a field
 * organisation, recording attempts, marking it lost and issuing the household's secure link. A follow-up names
 * its household by reference only: the list is for planning calls and visits, not for reading a case.
 */

const PCode = z.string().regex(PCODE, 'must be a P-code');

export const FollowUpStatusField = z.enum(FOLLOW_UP_STATUSES);
export const FollowUpModeField = z.enum(FOLLOW_UP_MODES);
export const LostReasonField = z.enum(LOST_REASONS);

export const FollowUpQuery = z.strictObject({
  status: FollowUpStatusField.optional(),
  /** Only follow-ups due on or before this day. */
  dueBefore: Day.optional(),
  round: z.coerce
    .number()
    .int()
    .refine((n) => (ROUNDS as readonly number[]).includes(n), 'must be 1, 3, 6 or 12')
    .optional(),
  /** A zone's P-code: follow-ups of households that returned to it or to a zone within it. */
  zone: PCode.optional(),
  /** Only the follow-ups overdue today (due before today, still to do). */
  overdue: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type FollowUpQuery = z.infer<typeof FollowUpQuery>;

export const FollowUp = z.object({
  id: z.uuid(),
  householdId: z.uuid(),
  /** The reference printed on the household's slip, to find its case. */
  reference: z.string(),
  organisationId: z.uuid(),
  organisationName: z.string(),
  assignedOrganisationId: z.uuid().nullable(),
  assignedOrganisationName: z.string().nullable(),
  assignedTo: z.uuid().nullable(),
  assignedToName: z.string().nullable(),
  pcode: z.string(),
  stateCode: z.string(),
  cohort: z.string(),
  round: z.number().int(),
  dueOn: Day,
  status: FollowUpStatusField,
  mode: FollowUpModeField.nullable(),
  attempts: z.number().int(),
  /** How many missed attempts make it lost (the configuration's), so a screen can say how many are left. */
  maxAttempts: z.number().int(),
  nextAttemptOn: Day.nullable(),
  lostReason: LostReasonField.nullable(),
  /** Due before today and not done or lost. */
  overdue: z.boolean(),
  /** When the household's link stops working, while one is out; never the code. */
  linkExpiresAt: Timestamp.nullable(),
  responseId: z.uuid().nullable(),
  headSex: z.string(),
  headAgeGroup: z.enum(HEAD_AGE_GROUPS),
  disability: z.boolean(),
  completedAt: Timestamp.nullable(),
  /** Whether the caller's organisation owns the household (it assigns) and whether it is the one assigned. */
  owned: z.boolean(),
  assigned: z.boolean(),
});
export type FollowUp = z.infer<typeof FollowUp>;

export const FollowUpPage = z.object({ items: z.array(FollowUp), total: z.number().int() });
export type FollowUpPage = z.infer<typeof FollowUpPage>;

export const AssignFollowUp = z.strictObject({
  organisationId: z.uuid(),
  mode: FollowUpModeField,
  /** A person of the assigned organisation, when one is chosen. */
  assigneeId: z.uuid().nullable().optional(),
});
export type AssignFollowUp = z.infer<typeof AssignFollowUp>;

export const FollowUpAttempt = z.strictObject({ reached: z.boolean() });
export type FollowUpAttempt = z.infer<typeof FollowUpAttempt>;

export const MarkLost = z.strictObject({ reason: LostReasonField });
export type MarkLost = z.infer<typeof MarkLost>;

/** The code to give the household, shown once: only its keyed hash is kept. */
export const FollowUpLink = z.object({
  code: z.string(),
  /** Where the household types it: the public page's path (the code is never part of an address). */
  page: z.string(),
  expiresAt: Timestamp,
});
export type FollowUpLink = z.infer<typeof FollowUpLink>;

/** An organisation a follow-up may be assigned to: the owner itself, or one under a monitoring agreement. */
export const FollowUpOrganisation = z.object({ id: z.uuid(), name: z.string(), own: z.boolean() });
export type FollowUpOrganisation = z.infer<typeof FollowUpOrganisation>;
