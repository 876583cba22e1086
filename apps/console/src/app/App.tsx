import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { ApiError } from '../api/problem';
import LoginPage from '../features/login/LoginPage';
import { CHANGE_PASSWORD_PATH } from '../session/next-path';
import { useSession } from '../session/use-session';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { Loading } from '../ui/feedback';
import { Layout } from './Layout';
import { allows, ROUTES } from './routes';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx will not change by asking again; a network failure or a 5xx may.
      retry: (failures, error) => failures < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      staleTime: 5_000,
      refetchOnWindowFocus: true,
    },
  },
});

/** Signed-in screens; anyone else goes to the login page, which brings them back here afterwards. */
function SignedIn() {
  const session = useSession();
  const location = useLocation();
  const { t } = useTranslation();
  if (session.status === 'loading') return <Loading />;
  if (session.status === 'anonymous') {
    const next = `${location.pathname}${location.search}`;
    const query = new URLSearchParams({ next });
    if (session.expired) query.set('expired', '1');
    return <Navigate to={`/login?${query.toString()}`} replace />;
  }
  // A password an admin reset must be replaced before anything else (the API raised mustChangePassword).
  if (session.user.mustChangePassword && location.pathname !== CHANGE_PASSWORD_PATH) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`${CHANGE_PASSWORD_PATH}?${new URLSearchParams({ next }).toString()}`} replace />;
  }
  const route = ROUTES.find((entry) => matches(entry.path, location.pathname));
  const Screen = route?.screen;
  return (
    <Layout>
      {!route || !Screen ? (
        <section className="panel">
          <h1>{t('common:errors.notFoundTitle')}</h1>
          <p>{t('common:errors.notFoundBody')}</p>
        </section>
      ) : !allows(route, session.user.role) ? (
        <section className="panel">
          <h1>{t('common:errors.forbiddenTitle')}</h1>
          <p>{t('common:errors.forbiddenBody')}</p>
        </section>
      ) : (
        <Screen />
      )}
    </Layout>
  );
}

/** Matches a route table path (`/inspections/:id`) against a location. */
function matches(pattern: string, pathname: string): boolean {
  const a = pattern.split('/').filter(Boolean);
  const b = pathname.split('/').filter(Boolean);
  return a.length === b.length && a.every((part, index) => part.startsWith(':') || part === b[index]);
}

export function App() {
  return (
    <ErrorBoundary>
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <Suspense fallback={<Loading />}>
            <Routes>
              <Route path="/login" element={<LoginPage />} />
              {ROUTES.map((route) => (
                <Route key={route.path} path={route.path} element={<SignedIn />} />
              ))}
              <Route path="*" element={<SignedIn />} />
            </Routes>
          </Suspense>
        </BrowserRouter>
      </QueryClientProvider>
    </ErrorBoundary>
  );
}

export { queryClient };
