import { z } from 'zod';

/**
 * The signed-in person's pending work (`GET /api/v1/me/work`): what each of their roles has waiting, with counts
 * and where in the staff workspace to do it. The platform gives the accounts' work; each module adds its own
 * through its `work` declaration (src/server/platform/module.ts). Shared by the server (the response schema) and
 * the staff home screen, which names each kind from the catalogue (`staff.work.<kind>`).
 */

/** How many entries an item lists at most; its `count` says how many there are in all. */
export const WORK_ENTRIES_MAX = 10;

const Names = z.record(z.string(), z.string());

/** One thing to do (an observation, a period, a zone, an account), named by what the screen needs to say it. */
export const WorkEntry = z.object({
  /** A path of the staff workspace, without `/staff/`: where this entry is acted on. */
  href: z.string(),
  /** What it concerns: a zone's P-code and names, an account's name, a period. */
  subject: z.object({ code: z.string(), name: Names }).nullable(),
  /** An indicator code of the framework in use, and its names. */
  indicator: z.string().nullable(),
  indicatorName: Names.nullable(),
  /** A period (`YYYY-MM`). */
  period: z.string().nullable(),
  /** The organisation it comes from or concerns. */
  organisation: z.string().nullable(),
  /** Why it waits, as a verifier or an administrator wrote it (a rejection's or a request's reason). */
  reason: z.string().nullable(),
  /** How many things this entry stands for (observations of a period, indicators due in a zone). */
  count: z.number().int().nullable(),
  /** Who may act on it: organisations, by name. */
  actors: z.array(z.string()).nullable(),
});
export type WorkEntry = z.infer<typeof WorkEntry>;

export const WorkItem = z.object({
  /** `<module>.<what>`: `zones.to_verify`, `accounts.password_not_chosen`. */
  kind: z.string(),
  /** The role whose work it is. */
  role: z.string(),
  /** How many things wait in all. */
  count: z.number().int(),
  /** The screen where the whole list is worked through (a path without `/staff/`). */
  href: z.string(),
  /** The first of them (at most WORK_ENTRIES_MAX). */
  entries: z.array(WorkEntry),
  /** How many entries there are in all (an entry may stand for several things: a month's observations). */
  entryCount: z.number().int(),
});
export type WorkItem = z.infer<typeof WorkItem>;

export const MyWork = z.object({
  /** Each kind of pending work the person's roles have, in their organisation, including those with none. */
  items: z.array(WorkItem),
});
export type MyWork = z.infer<typeof MyWork>;

/** An entry with only what is given: the rest null. */
export const workEntry = (entry: Partial<WorkEntry> & { href: string }): WorkEntry => ({
  subject: null,
  indicator: null,
  indicatorName: null,
  period: null,
  organisation: null,
  reason: null,
  count: null,
  actors: null,
  ...entry,
});
