import { useQuery } from '@tanstack/react-query';
import { Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useLocation, useNavigate } from 'react-router';
import { api, call } from '../api/client';
import type { Language } from '../api/types';
import { switchLanguage } from '../i18n';
import { CHANGE_PASSWORD_PATH } from '../session/next-path';
import { logOut, setPreferredLanguage, updateUser } from '../session/session-store';
import { useUser } from '../session/use-session';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { Loading } from '../ui/feedback';
import { allows, ROUTES } from './routes';

const UNREAD_POLL_MS = 30_000;

function UnreadCount() {
  const { t } = useTranslation();
  const unread = useQuery({
    queryKey: ['notifications', 'unread'],
    queryFn: () => call(api.GET('/api/v1/me/notifications', { params: { query: { unread: 'true' as never, limit: 500 } } })),
    refetchInterval: UNREAD_POLL_MS,
  });
  const count = unread.data?.items.length ?? 0;
  return (
    <a href="/notifications" className="unread">
      {t('common:header.notifications')} <span className="badge">{count}</span>
      <span className="sr-only"> {t('common:header.unread', { count })}</span>
    </a>
  );
}

function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const other: Language = i18n.language === 'vi' ? 'en' : 'vi';
  const change = async () => {
    setPreferredLanguage(other);
    await switchLanguage(other);
    // Kept on the server: it also decides the language of notifications and e-mails.
    try {
      updateUser(await call(api.PATCH('/api/v1/me', { body: { language: other } })));
    } catch {
      // the switch holds on this device; the server keeps the old choice until the next switch
    }
  };
  return (
    <button type="button" className="link-button" lang={other} onClick={() => void change()}>
      {t('common:header.switchLanguage')}
    </button>
  );
}

export function Layout({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  const user = useUser();
  const navigate = useNavigate();
  const location = useLocation();
  // Until a reset password is replaced, the console offers nothing else: no navigation, no notifications.
  const locked = user.mustChangePassword;
  const entries = locked ? [] : ROUTES.filter((route) => route.nav && allows(route, user.role));
  return (
    <>
      <a className="skip-link" href="#main">
        {t('common:header.skip')}
      </a>
      <header className="app-header">
        <a href="/" className="brand">
          Inspectorate
        </a>
        <span className="who">
          {user.displayName} · {t(`common:roles.${user.role}`)}
        </span>
        {locked ? null : <UnreadCount />}
        {locked ? null : (
          <NavLink to={CHANGE_PASSWORD_PATH} className="account-link">
            {t('account:link')}
          </NavLink>
        )}
        <LanguageSwitch />
        <button
          type="button"
          className="link-button"
          onClick={() => {
            void logOut().finally(() => navigate('/login', { replace: true }));
          }}
        >
          {t('common:header.logout')}
        </button>
      </header>
      {locked ? null : (
        <nav className="app-nav" aria-label={t('common:nav.label')}>
          <ul>
            {entries.map((route) => (
              <li key={route.path}>
                <NavLink to={route.path} end={route.path === '/'}>
                  {t(route.nav!)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <main id="main" tabIndex={-1}>
        <ErrorBoundary resetKey={location.pathname}>
          <Suspense fallback={<Loading />}>{children}</Suspense>
        </ErrorBoundary>
      </main>
    </>
  );
}
