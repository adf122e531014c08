import { describe, expect, it } from 'vitest';
import { isPublicPage } from './paths.ts';

describe('the public portal’s page addresses', () => {
  it.each(['/', '/help', '/languages', '/ar', '/zones', '/zones/', '/zones/QM', '/zones/QM0101001', '/zones/qm01'])(
    '%s is a page',
    (address) => expect(isPublicPage(address)).toBe(true),
  );

  it.each(['/no-such-page', '/zones/hello', '/zones/QM01/history', '/zones/Q1', '/zonesQM01', '/help/more'])(
    '%s is not a page',
    (address) => expect(isPublicPage(address)).toBe(false),
  );
});
