import { describe, expect, it } from 'vitest';
import { type HistoryEntry, historyRows } from './history.ts';

const entry = (id: string, period: string, publishedAt: string, replaces: string | null = null): HistoryEntry => ({
  period,
  class: 'conducive',
  publication: {
    id,
    period,
    frameworkVersion: 1,
    publishedAt,
    contentHash: 'ab'.repeat(32),
    auditSeq: 1,
    replaces,
    reason: replaces ? 'A verified value was entered for the wrong month.' : null,
    zoneCount: 3,
  },
});

describe('a zone’s publication history', () => {
  it('lists the newest period first, then the newest publication, and marks what a correction replaced', () => {
    const rows = historyRows([
      entry('p1', '2026-01', '2026-02-03T10:00:00Z'),
      entry('p3', '2026-02', '2026-03-02T10:00:00Z', 'p2'),
      entry('p2', '2026-02', '2026-03-01T10:00:00Z'),
      // A correction of January published after February's classes stays with January.
      entry('p4', '2026-01', '2026-03-05T10:00:00Z', 'p1'),
    ]);
    expect(rows.map((row) => [row.entry.publication.id, row.replaced])).toEqual([
      ['p3', false],
      ['p2', true],
      ['p4', false],
      ['p1', true],
    ]);
  });

  it('is empty when nothing was published', () => {
    expect(historyRows([])).toEqual([]);
  });
});
