import { useTranslation } from 'react-i18next';
import { formatDate } from '../i18n/format';

/** "Due: 12/09/2023 · 3 working days left", with the overdue state in words, not only in colour. */
export function DeadlineText({ dueAt, workingDaysLeft, overdue }: { dueAt: string; workingDaysLeft?: number | null; overdue: boolean }) {
  const { t } = useTranslation();
  let left = '';
  if (typeof workingDaysLeft === 'number') {
    if (workingDaysLeft < 0 || overdue) left = t('common:deadline.daysOver', { count: Math.abs(workingDaysLeft) });
    else if (workingDaysLeft === 0) left = t('common:deadline.today');
    else left = t('common:deadline.daysLeft', { count: workingDaysLeft });
  }
  return (
    <span className={overdue ? 'deadline overdue' : 'deadline'}>
      {t('common:deadline.due', { date: formatDate(dueAt) })}
      {left ? ` · ${left}` : ''}
      {overdue ? <strong className="flag"> · {t('common:states.overdue')}</strong> : null}
    </span>
  );
}
