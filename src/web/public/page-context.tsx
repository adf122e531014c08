import { createContext, type ReactNode, useContext, useSyncExternalStore } from 'react';
import { useLocation } from 'react-router';

/**
 * A public form the server sent back because its input was invalid (see docs/web.md, "Forms without
 * JavaScript"): what was typed, and an error per field as a catalogue key, which the page shows in its language.
 */
export interface FormState {
  values: Record<string, string>;
  errors: Record<string, string>;
  /**
   * What the server answered, for a form whose answer shows on its own page instead of after a redirect, because
   * what was typed must not travel in an address (the case status page's slip code).
   */
  answer?: unknown;
}

/**
 * What the server's rendering of a public page knows beyond the address: the forms it sent back with errors (the
 * same on the client, from the page's state, so hydration matches), and, while the server renders, what the page
 * says about itself (its title and status), which becomes the response's `<title>` and status code.
 */
export interface PageContext {
  forms: Readonly<Record<string, FormState>>;
  /** The address the forms were sent back on: they show there only, not after moving to another page. */
  url?: string;
  head?: { title?: string; status?: number };
}

const Context = createContext<PageContext>({ forms: {} });

export function PageContextProvider({ value, children }: { value: PageContext; children: ReactNode }) {
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export const usePageContext = (): PageContext => useContext(Context);

/** The form `id` as the server sent it back (typed values and errors), if it did. */
export function useFormState(id: string): FormState | undefined {
  const page = usePageContext();
  const { pathname, search } = useLocation();
  if (page.url !== undefined && page.url !== `${pathname}${search}`) return undefined;
  return page.forms[id];
}

const subscribeNever = () => () => {};

/**
 * False while the page renders on the server and while it hydrates, true after: parts that need JavaScript (the
 * map) render only then, so the server's HTML and the first client render agree.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribeNever,
    () => true,
    () => false,
  );
}
