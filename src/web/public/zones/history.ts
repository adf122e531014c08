import type { PublicZoneHistoryEntry } from '../../../shared/zones.ts';

export type HistoryEntry = PublicZoneHistoryEntry;

/**
 * A zone's published classes, newest period first (for one period, the newest publication first), each marked
 * when a later correction replaced its publication (a correction names the publication it replaces).
 */
export function historyRows(history: readonly HistoryEntry[]): { entry: HistoryEntry; replaced: boolean }[] {
  const replaced = new Set(history.map((entry) => entry.publication.replaces).filter((id) => id !== null));
  return [...history]
    .sort(
      (a, b) => b.period.localeCompare(a.period) || b.publication.publishedAt.localeCompare(a.publication.publishedAt),
    )
    .map((entry) => ({ entry, replaced: replaced.has(entry.publication.id) }));
}
