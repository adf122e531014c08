import { DirectionProvider, MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { I18nextProvider } from 'react-i18next';
import { BrowserRouter, Route, Routes } from 'react-router';
import { DirectionSync } from './components/DirectionSync.tsx';
import { PageLoader } from './components/PageLoader.tsx';
import { directionOf } from './i18n/languages.ts';
import { currentLanguage, i18n } from './i18n/setup.ts';
import { PublicRoutes } from './public/PublicRoutes.tsx';
import { queryClient } from './query.ts';
import { cssVariablesResolver, theme } from './theme.ts';

// The staff workspace is its own chunk: a visitor of the public portal never downloads it.
const StaffApp = lazy(() => import('./staff/StaffApp.tsx'));

export function App() {
  return (
    <I18nextProvider i18n={i18n}>
      <DirectionProvider initialDirection={directionOf(currentLanguage())} detectDirection={false}>
        <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
          <DirectionSync />
          <QueryClientProvider client={queryClient}>
            <BrowserRouter>
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
            </BrowserRouter>
          </QueryClientProvider>
        </MantineProvider>
      </DirectionProvider>
    </I18nextProvider>
  );
}
