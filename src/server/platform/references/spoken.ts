import { randomInt } from 'node:crypto';

/** Letters and digits read aloud and typed on a basic phone without confusion: no 0/O, no 1/I. */
export const SPOKEN_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/**
 * A reference people say aloud: the prefix and two groups of four (`HW-7K3M-9QXD`, `G-…`, `INC-…`). `pick(n)`
 * gives a whole number below n (the demo passes its seeded one).
 */
export function spokenReference(prefix: string, pick: (n: number) => number = randomInt): string {
  const part = () => Array.from({ length: 4 }, () => SPOKEN_ALPHABET[pick(SPOKEN_ALPHABET.length)]).join('');
  return `${prefix}-${part()}-${part()}`;
}
