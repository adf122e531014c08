import type { DehydratedState } from '@tanstack/react-query';
import type { FormState } from '../public/page-context.tsx';

/** The id of the element that carries a server-rendered page's state to the browser (JSON, never run). */
export const PAGE_STATE_ID = 'homeward-state';

/** What a server-rendered public page hands to the browser's hydration. */
export interface PageState {
  /** The page's address: a form sent back with errors answers its POST with this page's content. */
  url: string;
  /** The API data the page was rendered from (TanStack Query's dehydrated cache). */
  queries: DehydratedState;
  /** Forms the server sent back with errors. */
  forms: Record<string, FormState>;
}

/**
 * The state as JSON that is safe inside `<script type="application/json">`: `<` is escaped, so no text in the
 * data (a zone's name, a typed value) can close the element.
 */
export function serializePageState(state: PageState): string {
  return JSON.stringify(state).replaceAll('<', '\\u003c');
}
