/** Whole years from a date of birth (`YYYY-MM-DD`) to today: what a case worker reads beside a member. */
export function ageOn(dateOfBirth: string, today = new Date()): number {
  const [year, month, day] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const years = today.getUTCFullYear() - year;
  const before = today.getUTCMonth() + 1 < month || (today.getUTCMonth() + 1 === month && today.getUTCDate() < day);
  return before ? years - 1 : years;
}

/** The slip's status code in two groups of five digits, as printed and read aloud. */
export const groupedCode = (code: string): string => `${code.slice(0, 5)} ${code.slice(5)}`;
