/**
 * Periods are months, `YYYY-MM`, counted in UTC as the server counts them (an observation made late on the last
 * day of a month east of Greenwich still belongs to that month's period on both sides).
 */
const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;

export const isPeriod = (value: string) => PERIOD.test(value);

/** The month of `now`, in UTC. */
export const currentPeriod = (now = new Date()) => now.toISOString().slice(0, 7);

const monthIndex = (period: string) => {
  const match = PERIOD.exec(period);
  if (!match) throw new RangeError(`not a period (YYYY-MM): ${period}`);
  return Number(match[1]) * 12 + Number(match[2]) - 1;
};

/** The period `months` after `period` (before, when negative). */
export function shiftPeriod(period: string, months: number): string {
  const index = monthIndex(period) + months;
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, '0')}-${String(index - year * 12 + 1).padStart(2, '0')}`;
}

/** `count` periods ending with `last`, newest first. */
export const periodsUpTo = (last: string, count: number) =>
  Array.from({ length: count }, (_, back) => shiftPeriod(last, -back));

/** The first day of the period, at UTC midnight (format it with timeZone UTC to get the same month back). */
export const periodStart = (period: string) => {
  const index = monthIndex(period);
  return new Date(Date.UTC(Math.floor(index / 12), index % 12, 1));
};
