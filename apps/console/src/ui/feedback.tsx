import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/problem';

/** The API's own sentence (in the user's language), or ours for a network failure. */
export function useErrorText() {
  const { t } = useTranslation();
  return (error: unknown): string => {
    if (error instanceof ApiError) {
      if (error.network) return t('common:errors.network');
      if (error.status === 401) return t('common:errors.sessionExpired');
      return error.problem?.detail ?? t('common:errors.unexpected');
    }
    return t('common:errors.unexpected');
  };
}

export function ErrorMessage({ error }: { error: unknown }) {
  const text = useErrorText();
  if (!error) return null;
  return (
    <p role="alert" className="error-text">
      {text(error)}
    </p>
  );
}

export function Loading() {
  const { t } = useTranslation();
  return (
    <p role="status" className="muted">
      {t('common:states.loading')}
    </p>
  );
}

/**
 * The three states every list has. `empty` is the screen's own sentence: for a unit head it must
 * never hint at what is hidden, so it describes only what they can see.
 */
export function ListState<T>({ query, empty, children }: { query: { isPending: boolean; error: unknown; data?: readonly T[]; refetch: () => unknown }; empty: ReactNode; children: (items: readonly T[]) => ReactNode }) {
  const { t } = useTranslation();
  if (query.isPending) return <Loading />;
  if (query.error) {
    return (
      <div className="panel">
        <ErrorMessage error={query.error} />
        <button type="button" onClick={() => void query.refetch()}>
          {t('common:actions.retry')}
        </button>
      </div>
    );
  }
  const items = query.data ?? [];
  if (items.length === 0) return <p className="muted">{empty}</p>;
  return <>{children(items)}</>;
}
