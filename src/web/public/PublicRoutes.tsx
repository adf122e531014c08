import { lazy, type ReactNode, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useParams } from 'react-router';
import { PageLoader } from '../components/PageLoader.tsx';
import { isLanguage } from '../i18n/languages.ts';
import { changeLanguage } from '../i18n/setup.ts';
import { HelpPage } from './HelpPage.tsx';
import { HomePage } from './HomePage.tsx';
import { LanguagesPage } from './LanguagesPage.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';
import { PublicLayout } from './PublicLayout.tsx';

// The zone pages are chunks of their own (Leaflet another): the home page never downloads them.
const loadZonesPage = () => import('./zones/ZonesPage.tsx');
const loadZonePage = () => import('./zones/ZonePage.tsx');
const ZonesPage = lazy(loadZonesPage);
const ZonePage = lazy(loadZonePage);

/**
 * Loads the chunk of the page at `pathname` before hydration, so the browser takes over the server's HTML at
 * once instead of leaving the page's part unhydrated until the chunk arrives.
 */
export async function preloadPublicPage(pathname = window.location.pathname): Promise<void> {
  if (/^\/zones\/?$/.test(pathname)) await loadZonesPage();
  else if (pathname.startsWith('/zones/')) await loadZonePage();
}
const Lazy = ({ children }: { children: ReactNode }) => <Suspense fallback={<PageLoader />}>{children}</Suspense>;

/** `/ar`, `/fr`…: the home page in that language, an address to share with people who read it. */
function LanguageHome() {
  const { language } = useParams();
  const { i18n } = useTranslation();
  // Only on arrival: choosing another language afterwards on this page is not undone.
  useEffect(() => {
    if (isLanguage(language) && language !== i18n.language) void changeLanguage(language);
  }, [language, i18n]);
  return isLanguage(language) ? <HomePage /> : <NotFoundPage />;
}

/** The public portal's pages (keep paths.ts in step, so the server answers them with status 200). */
export function PublicRoutes() {
  return (
    <Routes>
      <Route element={<PublicLayout />}>
        <Route index element={<HomePage />} />
        <Route path="help" element={<HelpPage />} />
        <Route path="languages" element={<LanguagesPage />} />
        <Route
          path="zones"
          element={
            <Lazy>
              <ZonesPage />
            </Lazy>
          }
        />
        <Route
          path="zones/:pcode"
          element={
            <Lazy>
              <ZonePage />
            </Lazy>
          }
        />
        <Route path=":language" element={<LanguageHome />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
