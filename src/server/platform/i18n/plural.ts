const rules = new Intl.PluralRules('en');
const numbers = new Intl.NumberFormat('en');

/** An English count with its noun in the right form: `counted(1, 'entry', 'entries')` is "1 entry". */
export function counted(n: number, one: string, other: string): string {
  return `${numbers.format(n)} ${rules.select(n) === 'one' ? one : other}`;
}

/** A count as the command line prints it, grouped ("12,500"). */
export const count = (n: number): string => numbers.format(n);
