import { z } from 'zod';
import { ACCOUNTABILITY_STATUSES, INCIDENT_TYPES, SUBMISSION_KINDS } from '../constants.ts';

/**
 * The gateway's public figures: counts only, after disclosure control, never a word anyone wrote. A figure is
 * null when it is hidden (fewer than the threshold, or hidden with one so that it cannot be worked out).
 */
const Count = z.number().int().nonnegative().nullable();
const Month = z.string().regex(/^\d{4}-\d{2}$/);

/**
 * One group of submissions: how many were received, how many were acknowledged within the service level and
 * how many late (overdue ones still waiting count as late; those not yet due are in neither), how many were
 * resolved (closed), and the median days from receipt to closing of the resolved ones.
 */
export const SubmissionFigures = z.object({
  received: Count,
  acknowledgedInTime: Count,
  acknowledgedLate: Count,
  resolved: Count,
  medianDaysToResolution: z.number().nonnegative().nullable(),
});
export type SubmissionFigures = z.infer<typeof SubmissionFigures>;

/** One group of incidents, by where each stands on the way to accountability. */
export const IncidentFigures = z.object({
  total: Count,
  byAccountability: z.record(z.enum(ACCOUNTABILITY_STATUSES), Count),
});
export type IncidentFigures = z.infer<typeof IncidentFigures>;

export const PublicGatewayFigures = z.object({
  /** Groups of fewer than this are hidden. */
  threshold: z.number().int().positive(),
  /** The names of the states the groups name, by state code, in the languages the gazetteer has. */
  stateNames: z.record(z.string(), z.record(z.string(), z.string())),
  submissions: z.object({
    byKind: z.array(SubmissionFigures.extend({ kind: z.enum(SUBMISSION_KINDS) })),
    /** By kind, the state the item concerns (`null`: it named no place) and the month it was received. */
    byStateMonth: z.array(
      SubmissionFigures.extend({ kind: z.enum(SUBMISSION_KINDS), stateCode: z.string().nullable(), month: Month }),
    ),
  }),
  incidents: z.object({
    byType: z.array(IncidentFigures.extend({ type: z.enum(INCIDENT_TYPES) })),
    /** By type, the zone's state and the month it happened; verified or corroborated incidents only. */
    byStateMonth: z.array(
      IncidentFigures.extend({ type: z.enum(INCIDENT_TYPES), stateCode: z.string(), month: Month }),
    ),
  }),
});
export type PublicGatewayFigures = z.infer<typeof PublicGatewayFigures>;
