import { describe, expect, it } from 'vitest';
import { currentEntry } from './modules.ts';

describe('the current navigation entry', () => {
  const entries = [
    { to: '/staff', exact: true },
    { to: '/staff/zones' },
    { to: '/staff/zones/review' },
    { to: '/staff/administration/users' },
  ];

  it('is the most specific entry, so one entry only is marked current', () => {
    expect(currentEntry('/staff/zones/review', entries)).toBe('/staff/zones/review');
    expect(currentEntry('/staff/zones', entries)).toBe('/staff/zones');
    expect(currentEntry('/staff/zones/QM0101', entries)).toBe('/staff/zones');
    expect(currentEntry('/staff/administration/users/0190', entries)).toBe('/staff/administration/users');
  });

  it('matches whole path segments, and the overview only on its own', () => {
    expect(currentEntry('/staff', entries)).toBe('/staff');
    expect(currentEntry('/staff/', entries)).toBe('/staff');
    expect(currentEntry('/staff/zonesx', entries)).toBeUndefined();
    expect(currentEntry('/staff/account', entries)).toBeUndefined();
  });
});
