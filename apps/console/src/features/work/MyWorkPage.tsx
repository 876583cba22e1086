import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, call } from '../../api/client';
import type { components } from '../../api/openapi';
import { useFormat } from '../../i18n/format';
import { ListState } from '../../ui/feedback';
import { usePageTitle } from '../../ui/use-page-title';
import { DeadlineText } from '../../ui/DeadlineText';

type WorkItem = components['schemas']['WorkItemView'];

async function fetchWork(): Promise<WorkItem[]> {
  return (await call(api.GET('/api/v1/me/work'))).items;
}

/** Where a piece of work is done. */
function linkFor(item: WorkItem): string {
  if (item.kind === 'decide_case') return '/accountability';
  if (item.kind === 'approve_conclusion') return `/approvals#${item.inspectionId}`;
  if (item.kind === 'open_visit') return `/inspections/${item.inspectionId}/visit`;
  return `/inspections/${item.inspectionId}`;
}

export default function MyWorkPage() {
  const { t } = useTranslation('work');
  const format = useFormat();
  usePageTitle(t('title'));
  const work = useQuery({ queryKey: ['me', 'work'], queryFn: fetchWork, refetchInterval: 60_000 });
  return (
    <section>
      <h1>{t('title')}</h1>
      <ListState query={work} empty={t('empty')}>
        {(items) => (
          <ul className="cards">
            {items.map((item) => (
              <li key={`${item.kind}-${item.inspectionId}-${item.findingId ?? ''}-${item.actionId ?? ''}-${item.caseId ?? ''}`} className={item.overdue ? 'card overdue' : 'card'}>
                <Link to={linkFor(item)} className="card-title">
                  {t(`kind.${item.kind}`)}: {item.unitName}
                </Link>
                <span className="muted">{item.campaignTitle}</span>
                <span>{item.dueAt ? <DeadlineText dueAt={item.dueAt} workingDaysLeft={item.workingDaysLeft} overdue={item.overdue} /> : t('noDue')}</span>
                <span className="sr-only">{item.dueAt ? format.date(item.dueAt) : ''}</span>
              </li>
            ))}
          </ul>
        )}
      </ListState>
    </section>
  );
}
