import type { WorkEntry, WorkItem } from '../../../shared/work.ts';

/**
 * How the staff home arranges the person's pending work: the kinds with something waiting (in the order the
 * server gives, role by role), the kinds with nothing, and how many things wait in all.
 */
export function arrangeWork(items: readonly WorkItem[]): { waiting: WorkItem[]; clear: WorkItem[]; total: number } {
  const waiting = items.filter((item) => item.count > 0);
  return {
    waiting,
    clear: items.filter((item) => item.count === 0),
    total: waiting.reduce((sum, item) => sum + item.count, 0),
  };
}

/** How many entries an item has beyond those it lists (months or zones, not the things they stand for). */
export const moreEntries = (item: Pick<WorkItem, 'entries' | 'entryCount'>): number =>
  Math.max(0, item.entryCount - item.entries.length);

/** What tells entries of one item apart: the place, the subject, the indicator, the period, the organisation. */
export const entryKey = (entry: WorkEntry): string =>
  [entry.href, entry.subject?.code, entry.indicator, entry.period, entry.organisation].join(' ');

/** A path of the staff workspace as the API gives it (without `/staff/`), as a link's address. */
export const staffPath = (href: string): string => `/staff/${href.replace(/^\/+/, '')}`;
