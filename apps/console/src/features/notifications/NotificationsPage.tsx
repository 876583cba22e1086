import { useInfiniteQuery } from '@tanstack/react-query';
import './notifications.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, call } from '../../api/client';
import type { Notification } from '../../api/types';
import { useFormat } from '../../i18n/format';
import { useCommand } from '../../session/use-command';
import { ErrorMessage, ListState } from '../../ui/feedback';
import { usePageTitle } from '../../ui/use-page-title';

const PAGE = 50;

type Filter = 'all' | 'unread';

/** The caller's notifications, newest first, in their language; reading one updates the header's count. */
export default function NotificationsPage() {
  const { t } = useTranslation('notifications');
  usePageTitle(t('title'));
  const [filter, setFilter] = useState<Filter>('all');
  const list = useInfiniteQuery({
    queryKey: ['notifications', 'list', filter],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/api/v1/me/notifications', {
          params: {
            query: {
              limit: PAGE,
              ...(pageParam ? { cursor: pageParam } : {}),
              ...(filter === 'unread' ? { unread: 'true' as never } : {}),
            },
          },
        }),
      ),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const items = list.data?.pages.flatMap((page) => page.items);
  return (
    <section>
      <h1>{t('title')}</h1>
      <fieldset className="filters">
        <legend>{t('filter.legend')}</legend>
        {(['all', 'unread'] as const).map((value) => (
          <label key={value} className="choice">
            <input type="radio" name="filter" value={value} checked={filter === value} onChange={() => setFilter(value)} />{' '}
            {t(`filter.${value}`)}
          </label>
        ))}
      </fieldset>
      <ListState
        query={{ isPending: list.isPending, error: list.error, data: items, refetch: list.refetch }}
        empty={t(filter === 'unread' ? 'emptyUnread' : 'empty')}
      >
        {(notifications) => (
          <>
            <ul className="cards notifications">
              {notifications.map((notification) => (
                <NotificationCard key={notification.id} notification={notification} />
              ))}
            </ul>
            {list.hasNextPage ? (
              <button type="button" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
                {t('more')}
              </button>
            ) : null}
          </>
        )}
      </ListState>
    </section>
  );
}

function NotificationCard({ notification }: { notification: Notification }) {
  const { t, i18n } = useTranslation('notifications');
  const format = useFormat();
  const markRead = useCommand(
    () => call(api.POST('/api/v1/me/notifications/{id}/read', { params: { path: { id: notification.id } }, body: {} as never })),
    {
      // The header's unread count and every list of notifications read again.
      invalidate: [['notifications']],
    },
  );
  const text = i18n.language === 'en' ? notification.message : notification.messageVi;
  const read = notification.read;
  return (
    <li className={read ? 'card read' : 'card unread-card'}>
      <span className="card-title">
        {read ? null : <span className="unread-flag">{t('unread')} · </span>}
        {text}
      </span>
      <span className="muted">
        {t(`kind.${notification.kind}`)} · {format.dateTime(notification.createdAt)}
      </span>
      <span className="button-row">
        <Link to={`/inspections/${notification.inspectionId}`} onClick={() => (read ? undefined : markRead.mutate(undefined))}>
          {t('open')}
        </Link>
        {read ? (
          <span className="muted">{t('read')}</span>
        ) : (
          <button type="button" onClick={() => markRead.mutate(undefined)} disabled={markRead.isPending}>
            {t('markRead')}
          </button>
        )}
      </span>
      <ErrorMessage error={markRead.error} />
    </li>
  );
}
