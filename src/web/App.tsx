import { DirectionProvider, MantineProvider } from '@mantine/core';
import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { i18n as I18n } from 'i18next';
import { lazy, type ReactNode, Suspense } from 'react';
import { I18nextProvider } from 'react-i18next';
import { BrowserRouter, Route, Routes } from 'react-router';
import { DirectionSync } from './components/DirectionSync.tsx';
import { PageLoader } from './components/PageLoader.tsx';
import { directionOf } from './i18n/languages.ts';
import { PublicRoutes } from './public/PublicRoutes.tsx';
import { type PageContext, PageContextProvider } from './public/page-context.tsx';
import { cssVariablesResolver, theme } from './theme.ts';

// The staff workspace is its own chunk: a visitor of the public portal never downloads it.
const StaffApp = lazy(() => import('./staff/StaffApp.tsx'));

/**
 * The providers every page sits in (i18n, direction, Mantine, TanStack Query, the page's context). The browser
 * gives its shared instances; the server's rendering of a public page gives its own per request (ssr/render.tsx).
 */
export function AppProviders({
  i18n,
  queryClient,
  page = { forms: {} },
  children,
}: {
  i18n: I18n;
  queryClient: QueryClient;
  page?: PageContext;
  children: ReactNode;
}) {
  return (
    <I18nextProvider i18n={i18n}>
      <DirectionProvider initialDirection={directionOf(i18n.language)} detectDirection={false}>
        <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
          <DirectionSync />
          <QueryClientProvider client={queryClient}>
            <PageContextProvider value={page}>{children}</PageContextProvider>
          </QueryClientProvider>
        </MantineProvider>
      </DirectionProvider>
    </I18nextProvider>
  );
}

/** The two faces: the staff workspace under /staff, the public portal everywhere else. */
export function AppRoutes() {
  return (
    <Routes>
      <Route
        path="/staff/*"
        element={
          <Suspense fallback={<PageLoader />}>
            <StaffApp />
          </Suspense>
        }
      />
      <Route path="/*" element={<PublicRoutes />} />
    </Routes>
  );
}

export function App({ i18n, queryClient, page }: { i18n: I18n; queryClient: QueryClient; page?: PageContext }) {
  return (
    <AppProviders i18n={i18n} queryClient={queryClient} page={page}>
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </AppProviders>
  );
}
