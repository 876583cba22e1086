import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Inspection } from '../../../api/types';
import { formatDate, formatDateTime } from '../../../i18n/format';
import { ListState } from '../../../ui/feedback';
import { useNames } from '../../shared/directory';
import { inspectionKeys, listEvents } from '../api';

export function Timeline({ inspection }: { inspection: Inspection }) {
  const { t } = useTranslation('inspections');
  const names = useNames();
  // Keyed by the inspection's version, so every change refetches the timeline.
  const events = useQuery({ queryKey: [...inspectionKeys.events(inspection.id), inspection.version], queryFn: () => listEvents(inspection.id) });
  return (
    <section className="panel" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('timeline.title')}</h2>
      <ListState query={events} empty={t('timeline.none')}>
        {(items) => (
          <ol className="timeline">
            {items.map((event) => (
              <li key={event.id}>
                <strong>{t(`events.${event.type}`)}</strong> · {formatDateTime(event.occurredAt)} ·{' '}
                {event.actor.kind === 'system' ? t('timeline.system') : ((event.actor.userId && names.person(event.actor.userId)) ?? t(`common:roles.${event.actor.role ?? 'admin'}`))}
                {event.type === 'DeadlineRecomputed' ? <RecomputedDetail data={event.data as unknown as Recomputed} /> : null}
              </li>
            ))}
          </ol>
        )}
      </ListState>
    </section>
  );
}

interface Recomputed {
  readonly deadline: 'conclusion' | 'response';
  readonly previousDueAt: string;
  readonly dueAt: string;
  readonly reason: string;
}

/** A calendar correction says what moved, from when to when, and why. */
function RecomputedDetail({ data }: { data: Recomputed }) {
  const { t } = useTranslation('inspections');
  return (
    <p>
      {t('timeline.recomputed', { deadline: t(`timeline.deadlines.${data.deadline}`), from: formatDate(data.previousDueAt), to: formatDate(data.dueAt), reason: data.reason })}
    </p>
  );
}
