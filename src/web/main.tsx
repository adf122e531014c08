import './styles/public.css';
import { hydrate } from '@tanstack/react-query';
import { type ReactNode, StrictMode, useEffect } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { isLanguage } from './i18n/languages.ts';
import { i18n, initialLanguage, startI18n } from './i18n/setup.ts';
import { preloadPublicPage } from './public/PublicRoutes.tsx';
import { queryClient } from './query.ts';
import { PAGE_STATE_ID, type PageState } from './ssr/state.ts';

/** The state of a page the server rendered (public pages), or null for a page the browser renders (staff). */
function serverState(): PageState | null {
  const text = document.getElementById(PAGE_STATE_ID)?.textContent;
  if (!text) return null;
  try {
    return JSON.parse(text) as PageState;
  } catch {
    return null;
  }
}

/**
 * Marks the document once React has taken it over (`<html data-hydrated>`): until then a server-rendered page is
 * plain HTML, whose forms post and links load pages; browser tests wait for it before using what JavaScript adds.
 */
function MarkHydrated({ children }: { children: ReactNode }) {
  useEffect(() => {
    document.documentElement.dataset.hydrated = '';
  }, []);
  return children;
}

const state = serverState();
const root = document.getElementById('root');

if (state && root) {
  // The server rendered this page in the language it names in <html lang>: start in it, with its data, and
  // take over the same markup (no second request, no flash).
  const language = document.documentElement.lang;
  // A form sent back with errors answered its POST (/language) with another page's content: show that address.
  if (state.url !== `${window.location.pathname}${window.location.search}`) {
    window.history.replaceState(null, '', state.url);
  }
  hydrate(queryClient, state.queries);
  await Promise.all([startI18n(isLanguage(language) ? language : initialLanguage()), preloadPublicPage()]);
  hydrateRoot(
    root,
    <StrictMode>
      <MarkHydrated>
        <App i18n={i18n} queryClient={queryClient} page={{ forms: state.forms, url: state.url }} />
      </MarkHydrated>
    </StrictMode>,
  );
} else if (root) {
  // A per-language address (/ar, /fr) opens in that language from the first paint.
  const addressed = /^\/([a-z]{2,3})\/?$/.exec(window.location.pathname)?.[1];
  await startI18n(isLanguage(addressed) ? addressed : initialLanguage());
  createRoot(root).render(
    <StrictMode>
      <MarkHydrated>
        <App i18n={i18n} queryClient={queryClient} />
      </MarkHydrated>
    </StrictMode>,
  );
}
