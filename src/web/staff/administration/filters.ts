import { useSearchParams } from 'react-router';

/**
 * Filters live in the address (`?status=revoked`), so reloading, going back and sharing a link keep them. Setting
 * a filter replaces the history entry rather than adding one per change.
 */
export function useFilters<Name extends string>(defaults: Record<Name, string>) {
  const [params, setParams] = useSearchParams();
  const values = Object.fromEntries(
    Object.entries<string>(defaults).map(([name, fallback]) => [name, params.get(name) ?? fallback]),
  ) as Record<Name, string>;
  const set = (changes: Partial<Record<Name, string>>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [name, value] of Object.entries<string | undefined>(changes)) {
          if (value === undefined || value === defaults[name as Name]) next.delete(name);
          else next.set(name, value);
        }
        return next;
      },
      { replace: true },
    );
  return [values, set] as const;
}
