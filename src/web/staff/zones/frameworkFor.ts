import { useFrameworks } from './queries.ts';
import type { FrameworkDefinition, FrameworkVersion } from './types.ts';

/**
 * The framework an assessment was made under: the one at hand when the versions match, otherwise that version
 * from the list of versions (undefined while it loads, or if it cannot be found).
 */
export function useFrameworkFor(
  version: number | undefined,
  current: FrameworkVersion | undefined,
): FrameworkDefinition | undefined {
  const other = current !== undefined && version !== undefined && version !== current.version;
  const versions = useFrameworks(other);
  if (!other) return current?.definition;
  return versions.data?.find((candidate) => candidate.version === version)?.definition;
}

/** The framework indicator an observation is about, with its criterion (codes are unique across the framework). */
export function indicatorByCode(framework: FrameworkDefinition | undefined, code: string) {
  for (const criterion of framework?.criteria ?? []) {
    const indicator = criterion.indicators.find((candidate) => candidate.code === code);
    if (indicator) return { criterion, indicator };
  }
  return undefined;
}
