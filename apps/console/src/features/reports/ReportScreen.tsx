import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage, Loading } from '../../ui/feedback';

/** Loading, error (with a retry) or the report: the three states every report screen has. */
export function ReportState<T>({ query, children }: { query: UseQueryResult<T>; children: (data: T) => ReactNode }) {
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
  return <>{children(query.data as T)}</>;
}
