/**
 * The median of values given with how often each occurs (`[value, count]`): the middle value, or the mean of
 * the two middle values for an even total; null for none. Public figures are computed from grouped counts (the
 * database groups the rows), so the median is taken over the groups rather than over every row.
 */
export function median(counted: readonly (readonly [number, number])[]): number | null {
  const total = counted.reduce((sum, [, count]) => sum + count, 0);
  if (total === 0) return null;
  const sorted = [...counted].sort((a, b) => a[0] - b[0]);
  // The values at (1-based) positions ⌈total/2⌉ and ⌊total/2⌋ + 1: the same one for an odd total.
  const at = (position: number) => {
    let seen = 0;
    for (const [value, count] of sorted) {
      seen += count;
      if (seen >= position) return value;
    }
    return sorted.at(-1)![0];
  };
  return (at(Math.ceil(total / 2)) + at(Math.floor(total / 2) + 1)) / 2;
}
