import { useState } from 'react';
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

/**
 * Pages of a newest-first list read by cursor: the cursors of the pages seen so far, so "newer" goes back
 * exactly. A change of filters (a new `filterKey`) starts again from the first page.
 */
export function useCursorPages<Cursor>(filterKey: string) {
  const [state, setState] = useState<{ key: string; cursors: Cursor[] }>({ key: filterKey, cursors: [] });
  const cursors = state.key === filterKey ? state.cursors : [];
  return {
    cursor: cursors.at(-1),
    /** 1 for the newest page. */
    page: cursors.length + 1,
    older: (next: Cursor) => setState({ key: filterKey, cursors: [...cursors, next] }),
    newer: () => setState({ key: filterKey, cursors: cursors.slice(0, -1) }),
  };
}
