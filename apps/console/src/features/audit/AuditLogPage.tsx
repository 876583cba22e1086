import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, call } from '../../api/client';
import type { paths } from '../../api/openapi';
import type { AuditLogPage } from '../../api/types';
import { ApiError } from '../../api/problem';
import { formatDateTime } from '../../i18n/format';
import { ErrorMessage, ListState } from '../../ui/feedback';
import { usePageTitle } from '../../ui/use-page-title';
import { usePeople } from '../shared/directory';

type AuditQuery = NonNullable<paths['/api/v1/audit/log']['get']['parameters']['query']>;
type AuditKind = NonNullable<AuditQuery['kind']>[number];

/**
 * The kinds, in the order the filter offers them. Written as a record over the API's generated
 * kind type, so a kind added to the API and forgotten here is a compile error, not a missing option.
 */
const KIND_ORDER = {
  login: 0,
  login_failed: 1,
  logout: 2,
  account_created: 3,
  account_changed: 4,
  account_deactivated: 5,
  account_reactivated: 6,
  password_reset: 7,
  password_changed: 8,
  unit_created: 9,
  unit_changed: 10,
  unit_deactivated: 11,
  unit_reactivated: 12,
  checklist_published: 13,
  import_applied: 14,
  report_exported: 15,
  conclusion_pdf_downloaded: 16,
  planned_window_read: 17,
} satisfies Record<AuditKind, number>;
const KINDS = Object.keys(KIND_ORDER) as AuditKind[];
const PAGE = 50;

/** The filters live in the address, so a filtered view can be bookmarked and survives a reload. */
function useFilters() {
  const [params, setParams] = useSearchParams();
  const filters = { userId: params.get('userId') ?? '', kind: (params.get('kind') ?? '') as AuditKind | '', from: params.get('from') ?? '', to: params.get('to') ?? '' };
  const set = (changes: Partial<typeof filters>) => {
    const next = { ...filters, ...changes };
    setParams(Object.fromEntries(Object.entries(next).filter(([, value]) => value !== '')), { replace: true });
  };
  const query: AuditQuery = {
    ...(filters.userId ? { userId: filters.userId } : {}),
    ...(filters.kind ? { kind: [filters.kind] } : {}),
    ...(filters.from ? { from: filters.from } : {}),
    ...(filters.to ? { to: filters.to } : {}),
  };
  return { filters, set, query };
}

/** Fetches the filtered rows as CSV with the session's token and hands the file to the browser. */
async function downloadCsv(query: AuditQuery): Promise<void> {
  const { data, response } = await api.GET('/api/v1/audit/log', { params: { query: { ...query, format: 'csv' } }, parseAs: 'blob' });
  if (!response.ok || !(data instanceof Blob)) throw new ApiError(response.status, undefined);
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'audit-log.csv';
  const url = URL.createObjectURL(data);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  URL.revokeObjectURL(url);
}

export default function AuditLogPage() {
  const { t } = useTranslation('audit');
  usePageTitle(t('title'));
  const people = usePeople();
  const { filters, set, query } = useFilters();
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const entries = useInfiniteQuery({
    queryKey: ['audit-log', query],
    initialPageParam: undefined as string | undefined,
    // Without format the answer is a page (JSON); the file variants of the union are the download's.
    queryFn: async ({ pageParam }) => (await call(api.GET('/api/v1/audit/log', { params: { query: { ...query, limit: PAGE, ...(pageParam ? { cursor: pageParam } : {}) } } }))) as AuditLogPage,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const items = entries.data?.pages.flatMap((page) => page.items);
  return (
    <section>
      <h1>{t('title')}</h1>
      <form className="filters" onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor="audit-person">{t('person')}</label>
          <select id="audit-person" value={filters.userId} onChange={(event) => set({ userId: event.target.value })}>
            <option value="">{t('anyone')}</option>
            {(people.data ?? []).map((person) => (
              <option key={person.id} value={person.id}>
                {person.displayName} ({person.username})
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-kind">{t('kindLabel')}</label>
          <select id="audit-kind" value={filters.kind} onChange={(event) => set({ kind: event.target.value as AuditKind | '' })}>
            <option value="">{t('anyKind')}</option>
            {KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`kind.${kind}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-from">{t('from')}</label>
          <input id="audit-from" type="date" value={filters.from} onChange={(event) => set({ from: event.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="audit-to">{t('to')}</label>
          <input id="audit-to" type="date" value={filters.to} onChange={(event) => set({ to: event.target.value })} />
        </div>
        <button
          type="button"
          onClick={() => {
            setDownloadError(null);
            downloadCsv(query).catch(setDownloadError);
          }}
        >
          {t('downloadCsv')}
        </button>
      </form>
      <ErrorMessage error={downloadError} />
      <ListState query={{ isPending: entries.isPending, error: entries.error, data: items, refetch: entries.refetch }} empty={t('empty')}>
        {(rows) => (
          <div className="table-wrap">
            <table>
              <caption>{t('caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('when')}</th>
                  <th scope="col">{t('kindLabel')}</th>
                  <th scope="col">{t('who')}</th>
                  <th scope="col">{t('subject')}</th>
                  <th scope="col">{t('details')}</th>
                  <th scope="col">{t('address')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((entry) => (
                  <tr key={entry.id}>
                    <td>{formatDateTime(entry.occurredAt)}</td>
                    <td>{t(`kind.${entry.kind}`)}</td>
                    <td>{entry.actor ? `${entry.actor.username} (${t(`common:roles.${entry.actor.role}`)})` : t('nobody')}</td>
                    <td>{entry.subject ?? ''}</td>
                    <td>
                      <code>{JSON.stringify(entry.details)}</code>
                    </td>
                    <td>{entry.clientAddress ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </ListState>
      {entries.hasNextPage ? (
        <button type="button" onClick={() => void entries.fetchNextPage()} disabled={entries.isFetchingNextPage}>
          {t('more')}
        </button>
      ) : null}
    </section>
  );
}
