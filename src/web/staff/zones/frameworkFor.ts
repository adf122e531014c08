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
