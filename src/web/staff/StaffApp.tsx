import '../styles/staff.css';
import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useLayoutEffect, useRef } from 'react';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { api } from '../api/api.ts';
import { isApiError } from '../api/problem.ts';
import { ErrorPanel } from '../components/ErrorPanel.tsx';
import { PageLoader } from '../components/PageLoader.tsx';
import { NotFoundPage } from '../public/NotFoundPage.tsx';
import { StaffHome } from './home/StaffHome.tsx';
import { StaffLayout } from './layout/StaffLayout.tsx';
import { canOpen, type StaffScreen } from './modules.ts';
import { NotAllowed } from './NotAllowed.tsx';
import { STAFF_MODULES } from './registry.ts';
import { ScreenContext } from './screen.ts';
import { forgetSession, ME_KEY, MeContext, SIGN_IN_PATH, signInPath, useMe, useMeQuery } from './session.ts';
import SignInPage from './sign-in/SignInPage.tsx';

const SCREENS = STAFF_MODULES.flatMap((module) => module.screens);
const PAGES = new Map(SCREENS.map((screen) => [screen, lazy(screen.load)]));

function Screen({ screen }: { screen: StaffScreen }) {
  const me = useMe();
  const Page = PAGES.get(screen);
  if (!Page || !canOpen(screen, me.permissions)) return <NotAllowed />;
  return (
    <ScreenContext.Provider value={screen}>
      <Suspense fallback={<PageLoader />}>
        <Page />
      </Suspense>
    </ScreenContext.Provider>
  );
}

/**
 * Asks the server again when the session's idle time runs out: an expired session then leaves the screen at
 * once (what was on it may be personal data) instead of at the next click. Any request in between extends the
 * session, so the answer is usually a later expiry, and the check is scheduled again.
 */
function useExpiryCheck(idleExpiresAt: string | undefined) {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!idleExpiresAt) return;
    const delay = Math.max(new Date(idleExpiresAt).getTime() - Date.now() + 1000, 1000);
    // Timers longer than about 24 days overflow; sessions are far shorter, but stay safe.
    const timer = setTimeout(
      () => void queryClient.invalidateQueries({ queryKey: ME_KEY }),
      Math.min(delay, 2 ** 31 - 1),
    );
    return () => clearTimeout(timer);
  }, [idleExpiresAt, queryClient]);
}

/** The workspace only for a signed-in person; anyone else goes to sign-in and comes back here afterwards. */
function RequireSession() {
  const me = useMeQuery();
  const location = useLocation();
  useExpiryCheck(me.data?.session.idleExpiresAt);
  if (me.isPending) return <PageLoader />;
  if (me.isError) {
    const error = me.error;
    // 403 on /me means a sign-in still waiting for its new password: sign-in continues it.
    if (isApiError(error) && (error.sessionLost || error.code === 'forbidden')) {
      const reason = error.code === 'session_expired' ? 'session_expired' : undefined;
      return <Navigate to={signInPath(location.pathname + location.search, reason)} replace />;
    }
    return <ErrorPanel error={error} onRetry={() => void me.refetch()} />;
  }
  return (
    <MeContext.Provider value={me.data}>
      <StaffLayout />
    </MeContext.Provider>
  );
}

/** When any request finds the session gone (expired, signed out elsewhere), go to sign-in, then come back. */
function useSessionLostRedirect() {
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const here = useRef(location);
  useLayoutEffect(() => {
    here.current = location;
  }, [location]);
  useEffect(
    () =>
      api.onSessionLost((error) => {
        const { pathname, search } = here.current;
        if (pathname.startsWith(SIGN_IN_PATH)) return;
        navigate(signInPath(pathname + search, error.code === 'session_expired' ? 'session_expired' : undefined), {
          replace: true,
        });
        forgetSession(queryClient);
      }),
    [navigate, queryClient],
  );
}

/** The staff workspace at /staff: its own chunk, loaded only when someone opens it. */
export default function StaffApp() {
  useSessionLostRedirect();
  return (
    <Routes>
      <Route path="sign-in" element={<SignInPage />} />
      <Route element={<RequireSession />}>
        <Route index element={<StaffHome />} />
        {SCREENS.map((screen) => (
          <Route key={screen.path} path={screen.path} element={<Screen screen={screen} />} />
        ))}
        <Route path="*" element={<NotFoundPage home="/staff" />} />
      </Route>
    </Routes>
  );
}
