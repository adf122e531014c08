import { describe, expect, it } from 'vitest';
import type { WorkItem } from '../../../shared/work.ts';
import { arrangeWork, entryKey, moreEntries, staffPath } from './work.ts';

const entry = (period: string, count: number) => ({
  href: `zones/review?period=${period}`,
  subject: null,
  indicator: null,
  indicatorName: null,
  period,
  organisation: null,
  reason: null,
  count,
  actors: null,
});
const item = (
  kind: string,
  count: number,
  entries = [] as WorkItem['entries'],
  entryCount = entries.length,
): WorkItem => ({
  kind,
  role: 'coordinator',
  count,
  href: 'zones/review',
  entries,
  entryCount,
});

describe('the staff home’s pending work', () => {
  it('puts the kinds with something waiting first, in the server’s order, and counts everything waiting', () => {
    const arranged = arrangeWork([
      item('zones.awaiting_verification', 14, [entry('2026-12', 11), entry('2026-11', 3)]),
      item('zones.ready_to_publish', 0),
      item('zones.to_verify', 5),
    ]);
    expect(arranged.waiting.map((i) => i.kind)).toEqual(['zones.awaiting_verification', 'zones.to_verify']);
    expect(arranged.clear.map((i) => i.kind)).toEqual(['zones.ready_to_publish']);
    expect(arranged.total).toBe(19);
    expect(arrangeWork([]).total).toBe(0);
  });

  it('says how many more entries there are, not how many things they stand for', () => {
    // Eleven observations in one month: no more months to list.
    expect(moreEntries(item('zones.awaiting_verification', 11, [entry('2026-12', 11)]))).toBe(0);
    // Ten of twelve months listed.
    const months = Array.from({ length: 10 }, (_, m) => entry(`2026-${String(m + 1).padStart(2, '0')}`, 2));
    expect(moreEntries(item('zones.awaiting_verification', 24, months, 12))).toBe(2);
  });

  it('keys entries apart and links them inside the staff workspace', () => {
    expect(entryKey(entry('2026-12', 1))).not.toBe(entryKey(entry('2026-11', 1)));
    expect(staffPath('zones/review?period=2026-12')).toBe('/staff/zones/review?period=2026-12');
    expect(staffPath('/zones')).toBe('/staff/zones');
  });
});
