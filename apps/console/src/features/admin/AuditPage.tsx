import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { usePageTitle } from '../../ui/use-page-title';
import { ReportState } from '../reports/ReportScreen';
import { adminKeys, verifyChain } from './admin-api';
import { AdminNav } from './AdminNav';

/** The event log's hash chain, walked on request (GET /audit/verify): intact, or its first broken link. */
export default function AuditPage() {
  const { t } = useTranslation('admin');
  const format = useFormat();
  usePageTitle(t('audit.title'));
  // Walks the whole log: only when asked (and again on the button), never in the background.
  const check = useQuery({ queryKey: adminKeys.audit, queryFn: verifyChain, staleTime: Infinity, refetchOnWindowFocus: false });
  return (
    <section>
      <h1>{t('audit.title')}</h1>
      <AdminNav />
      <p>{t('audit.explain')}</p>
      <ReportState query={check}>
        {(result) => (
          <div className={result.intact ? 'panel' : 'panel error-panel'} role="status">
            <h2>{result.intact ? t('audit.intact') : t('audit.broken')}</h2>
            <p>
              {t('audit.checked', {
                count: result.checked,
                checked: format.number(result.checked),
                last: format.number(result.lastPosition),
              })}
            </p>
            {result.firstBrokenLink ? (
              <dl>
                <dt>{t('audit.position')}</dt>
                <dd>{format.number(result.firstBrokenLink.position)}</dd>
                <dt>{t('audit.event')}</dt>
                <dd className="hash">{result.firstBrokenLink.eventId}</dd>
                <dt>{t('audit.reason')}</dt>
                <dd>{result.firstBrokenLink.reason}</dd>
              </dl>
            ) : null}
          </div>
        )}
      </ReportState>
      <button type="button" onClick={() => void check.refetch()} disabled={check.isFetching}>
        {check.isFetching ? t('audit.checking') : t('audit.again')}
      </button>
    </section>
  );
}
