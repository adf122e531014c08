import { describe, expect, it } from 'vitest';
import { isDue, isOverdue, keptOnTime } from './commitments.ts';

describe('commitment rules', () => {
  const open = { status: 'open' as const, dueOn: '2026-06-30', closedOn: null };
  it('is overdue only when open past its due date', () => {
    expect(isOverdue(open, '2026-06-30')).toBe(false);
    expect(isOverdue(open, '2026-07-01')).toBe(true);
    expect(isOverdue({ ...open, status: 'kept', closedOn: '2026-08-01' }, '2026-09-01')).toBe(false);
  });
  it('is kept on time when kept on or before the due date', () => {
    expect(keptOnTime(open)).toBeNull();
    expect(keptOnTime({ ...open, status: 'kept', closedOn: '2026-06-30' })).toBe(true);
    expect(keptOnTime({ ...open, status: 'kept', closedOn: '2026-07-01' })).toBe(false);
    expect(keptOnTime({ ...open, status: 'broken', closedOn: '2026-06-01' })).toBe(false);
  });
  it('counts as due once closed or past its date', () => {
    expect(isDue(open, '2026-06-30')).toBe(false);
    expect(isDue(open, '2026-07-01')).toBe(true);
    expect(isDue({ ...open, status: 'broken', closedOn: '2026-05-01' }, '2026-05-02')).toBe(true);
  });
});
