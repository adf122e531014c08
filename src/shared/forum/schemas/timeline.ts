import { z } from 'zod';
import { TIMELINE_KINDS } from '../constants.ts';

export const TimelineQuery = z.strictObject({
  state: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  /** A zone, with the zones inside it (a district's localities). */
  zone: z
    .string()
    .regex(/^[A-Z]{2}[0-9]{0,12}$/)
    .optional(),
  body: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{1,59}$/)
    .optional(),
  kind: z.enum(TIMELINE_KINDS).optional(),
  /** The last entry's time in microseconds and its id, as `nextCursor` gives it (a valid uuid, never cast blind). */
  cursor: z
    .string()
    .regex(/^[0-9]{1,16}\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type TimelineQuery = z.infer<typeof TimelineQuery>;

export const TimelineEntry = z.object({
  id: z.uuid(),
  kind: z.enum(TIMELINE_KINDS),
  action: z.string(),
  occurredAt: z.string(),
  stateCode: z.string().nullable(),
  pcode: z.string().nullable(),
  bodyCode: z.string().nullable(),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  /** The subject's public page, where it has one. */
  link: z.string().nullable(),
  /** Its transparency-log entry: the sequence number and the public proof that the entry is in the log. */
  log: z.object({ seq: z.number().int(), proof: z.string() }),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const TimelinePage = z.object({ items: z.array(TimelineEntry), nextCursor: z.string().nullable() });
export type TimelinePage = z.infer<typeof TimelinePage>;
