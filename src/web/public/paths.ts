/**
 * The public portal's pages, shared with the server, which answers these addresses with the application (status
 * 200) and any other page address with the application's "not found" page (status 404). Add a public page here
 * and in PublicRoutes.tsx.
 */
export const PUBLIC_PAGES: readonly string[] = [
  '/',
  '/help',
  '/languages',
  '/zones',
  '/cases/status',
  '/cases/timelines',
  '/feedback',
  '/feedback/receipt',
  '/feedback/figures',
  '/follow-up',
  '/outcomes',
  '/timeline',
  '/meetings',
  '/commitments',
  '/consultations',
  '/flags',
  '/scorecard',
];

/** A language's own page: `/ar`, `/fr`, `/ckb` (the language must exist; the portal checks). */
export const LANGUAGE_PAGE = /^\/[a-z]{2,3}\/?$/;

/** The zone map and a zone's page by P-code, `/zones/QM0101` (the portal says "not found" for an unknown zone). */
export const ZONE_PAGE = /^\/zones(?:\/[A-Za-z]{2}[0-9]{0,12})?\/?$/;

/** A forum record's page by id: `/meetings/<uuid>`, `/commitments/<uuid>`, `/consultations/<uuid>`. */
export const FORUM_RECORD_PAGE =
  /^\/(?:meetings|commitments|consultations)\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\/?$/;

export function isPublicPage(pathname: string): boolean {
  return (
    PUBLIC_PAGES.includes(pathname) ||
    LANGUAGE_PAGE.test(pathname) ||
    ZONE_PAGE.test(pathname) ||
    FORUM_RECORD_PAGE.test(pathname)
  );
}

/**
 * The cookie holding the reader's chosen language (set by the language form and the chooser): the server renders
 * public pages in it, before Accept-Language, and a language page's address (`/ar`) comes before both.
 */
export const LANGUAGE_COOKIE = 'homeward_language';
