import { type ComponentType, lazy, Suspense, useEffect } from 'react';
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

/**
 * A page in a chunk of its own that can be loaded ahead: rendered through `lazy` inside a Suspense boundary (a
 * loader until its chunk is there) until `preload` has loaded it, then directly, without a boundary. The server
 * preloads the page's chunk before rendering and the browser before hydrating, so both render the page the same
 * way and the browser takes it over in one pass (React hydrates a Suspense boundary's content later, on its own:
 * a choice made in it meanwhile would be lost).
 */
interface PageChunk {
  load: () => Promise<{ default: ComponentType }>;
  Lazy: ComponentType;
  loaded?: ComponentType;
}

const pageChunk = (load: PageChunk['load']): PageChunk => ({ load, Lazy: lazy(load) });

async function preload(chunk: PageChunk): Promise<void> {
  chunk.loaded = (await chunk.load()).default;
}

function ChunkPage({ chunk }: { chunk: PageChunk }) {
  const Loaded = chunk.loaded;
  if (Loaded) return <Loaded />;
  return (
    <Suspense fallback={<PageLoader />}>
      <chunk.Lazy />
    </Suspense>
  );
}

// The zone pages are chunks of their own (Leaflet another): the home page never downloads them.
const zonesPage = pageChunk(() => import('./zones/ZonesPage.tsx'));
const zonePage = pageChunk(() => import('./zones/ZonePage.tsx'));
const caseStatusPage = pageChunk(() => import('./cases/StatusPage.tsx'));
const caseTimelinesPage = pageChunk(() => import('./cases/TimelinesPage.tsx'));
const feedbackPage = pageChunk(() => import('./gateway/SubmitPage.tsx'));
const feedbackReceiptPage = pageChunk(() => import('./gateway/ReceiptPage.tsx'));
const feedbackFiguresPage = pageChunk(() => import('./gateway/FiguresPage.tsx'));
const followUpPage = pageChunk(() => import('./outcomes/FollowUpPage.tsx'));
const outcomeFiguresPage = pageChunk(() => import('./outcomes/FiguresPage.tsx'));
const timelinePage = pageChunk(() => import('./forum/TimelinePage.tsx'));
const meetingsPage = pageChunk(() => import('./forum/MeetingsPage.tsx'));
const meetingPage = pageChunk(() => import('./forum/MeetingPage.tsx'));
const commitmentsPage = pageChunk(() => import('./forum/CommitmentsPage.tsx'));
const commitmentPage = pageChunk(() => import('./forum/CommitmentPage.tsx'));
const consultationsPage = pageChunk(() => import('./forum/ConsultationsPage.tsx'));
const consultationPage = pageChunk(() => import('./forum/ConsultationPage.tsx'));
const flagsPage = pageChunk(() => import('./forum/FlagsPage.tsx'));
const scorecardPage = pageChunk(() => import('./forum/ScorecardPage.tsx'));

/** The forum's pages by their address's first segment: the list, and a record's page by id. */
const FORUM_CHUNKS: Record<string, [list: PageChunk, record?: PageChunk]> = {
  meetings: [meetingsPage, meetingPage],
  commitments: [commitmentsPage, commitmentPage],
  consultations: [consultationsPage, consultationPage],
  flags: [flagsPage],
  scorecard: [scorecardPage],
};

/** Loads the chunk of the public page at `pathname` (before rendering it on the server, or hydrating it). */
export async function preloadPublicPage(pathname = window.location.pathname): Promise<void> {
  if (/^\/zones\/?$/.test(pathname)) await preload(zonesPage);
  else if (pathname.startsWith('/zones/')) await preload(zonePage);
  else if (pathname === '/cases/status') await preload(caseStatusPage);
  else if (pathname === '/cases/timelines') await preload(caseTimelinesPage);
  else if (pathname === '/feedback') await preload(feedbackPage);
  else if (pathname === '/feedback/receipt') await preload(feedbackReceiptPage);
  else if (pathname === '/feedback/figures') await preload(feedbackFiguresPage);
  else if (pathname === '/follow-up') await preload(followUpPage);
  else if (pathname === '/outcomes') await preload(outcomeFiguresPage);
  else if (pathname === '/timeline') await preload(timelinePage);
  else {
    const [, section = '', id] = pathname.replace(/\/+$/, '').split('/');
    const chunks = FORUM_CHUNKS[section];
    const chunk = id === undefined ? chunks?.[0] : chunks?.[1];
    if (chunk) await preload(chunk);
  }
}

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
        <Route path="zones" element={<ChunkPage chunk={zonesPage} />} />
        <Route path="zones/:pcode" element={<ChunkPage chunk={zonePage} />} />
        <Route path="cases/status" element={<ChunkPage chunk={caseStatusPage} />} />
        <Route path="cases/timelines" element={<ChunkPage chunk={caseTimelinesPage} />} />
        <Route path="feedback" element={<ChunkPage chunk={feedbackPage} />} />
        <Route path="feedback/receipt" element={<ChunkPage chunk={feedbackReceiptPage} />} />
        <Route path="feedback/figures" element={<ChunkPage chunk={feedbackFiguresPage} />} />
        <Route path="follow-up" element={<ChunkPage chunk={followUpPage} />} />
        <Route path="outcomes" element={<ChunkPage chunk={outcomeFiguresPage} />} />
        <Route path="timeline" element={<ChunkPage chunk={timelinePage} />} />
        <Route path="meetings" element={<ChunkPage chunk={meetingsPage} />} />
        <Route path="meetings/:id" element={<ChunkPage chunk={meetingPage} />} />
        <Route path="commitments" element={<ChunkPage chunk={commitmentsPage} />} />
        <Route path="commitments/:id" element={<ChunkPage chunk={commitmentPage} />} />
        <Route path="consultations" element={<ChunkPage chunk={consultationsPage} />} />
        <Route path="consultations/:id" element={<ChunkPage chunk={consultationPage} />} />
        <Route path="flags" element={<ChunkPage chunk={flagsPage} />} />
        <Route path="scorecard" element={<ChunkPage chunk={scorecardPage} />} />
        <Route path=":language" element={<LanguageHome />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
