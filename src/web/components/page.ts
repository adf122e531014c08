import { type RefObject, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { usePageContext } from '../public/page-context.tsx';

/** Sets the browser tab's title: "<page> · Homeward" (screen readers announce it on navigation). */
export function usePageTitle(title: string | undefined): void {
  const { t } = useTranslation();
  const product = t('app.name');
  const full = title ? `${title} · ${product}` : product;
  // While the server renders a public page, the title goes into its <title> (effects do not run there).
  const head = usePageContext().head;
  if (head) head.title = full;
  useEffect(() => {
    document.title = full;
  }, [full]);
}

/** The response's status while the server renders a public page (404 for a page or zone that does not exist). */
export function usePageStatus(status: number): void {
  const head = usePageContext().head;
  if (head) head.status = status;
}

/**
 * After a navigation inside the application, moves focus to the new page's main heading (or the main landmark),
 * as a full page load would: keyboard and screen-reader users start reading the new page, not the old link.
 */
export function useFocusOnNavigate(main: RefObject<HTMLElement | null>): void {
  const { pathname } = useLocation();
  const shown = useRef<string | null>(null);
  useEffect(() => {
    const first = shown.current === null;
    if (shown.current === pathname) return;
    shown.current = pathname;
    if (first) return; // a fresh page load starts at the top, with the skip link first
    const heading = main.current?.querySelector<HTMLElement>('h1');
    const target = heading ?? main.current;
    if (!target) return;
    if (target === heading && !heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
    target.focus();
  }, [pathname, main]);
}
