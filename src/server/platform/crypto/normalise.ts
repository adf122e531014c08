/**
 * The form a value is reduced to before it is blind-indexed, so that differently written equal values
 * (full-width digits, ligatures, letter case, stray spaces) find each other: Unicode NFKC, trimmed, inner
 * whitespace collapsed to one space, case-folded (upper then lower case folds ß to ss and final sigma to σ).
 */
export function normaliseForIndex(value: string): string {
  const compatible = value.normalize('NFKC').trim().replace(/\s+/gu, ' ');
  return compatible.toUpperCase().toLowerCase().normalize('NFKC');
}
