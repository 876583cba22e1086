import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { formatDate, todayInVietnam } from '../../i18n/format';
import { useCommand } from '../../session/use-command';
import { ErrorMessage, ListState } from '../../ui/feedback';
import { Field } from '../../ui/Field';
import { usePageTitle } from '../../ui/use-page-title';
import { AdminNav } from '../admin/AdminNav';
import { AFTER_EDIT, calendarKeys, listYears, readYear, removeEntry, type CalendarEntry } from './calendar-api';
import { CalendarCorrection } from './CalendarCorrection';
import { CalendarEntryForm } from './CalendarEntryForm';

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const weekdayOf = (date: string) => WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()];

/**
 * The working-day calendar (lịch ngày làm việc): one year's holidays and make-up working days,
 * each with its source; the admin adds, corrects and removes them, then applies the correction
 * to running inspections. The year is kept in the address.
 */
export default function CalendarPage() {
  const { t, i18n } = useTranslation('calendar');
  usePageTitle(t('title'));
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || Number(todayInVietnam().slice(0, 4));
  const years = useQuery({ queryKey: calendarKeys.years, queryFn: listYears });
  const entries = useQuery({ queryKey: calendarKeys.year(year), queryFn: () => readYear(year) });
  const [editing, setEditing] = useState<CalendarEntry>();
  const remove = useCommand((id: string, key) => removeEntry(id, key), { invalidate: AFTER_EDIT });
  const choices = [...new Set([...(years.data?.items.map((y) => y.year) ?? []), year, year + 1])].sort((a, b) => a - b);
  const nameOf = (entry: CalendarEntry) => (i18n.language === 'en' ? entry.nameEn : entry.nameVi);

  return (
    <section>
      <h1>{t('title')}</h1>
      <AdminNav />
      <p>{t('explain')}</p>
      <div className="filters">
        <Field label={t('year')}>
          {(props) => (
            <select {...props} value={year} onChange={(event) => setParams({ year: event.target.value }, { replace: true })}>
              {choices.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {entries.data && !entries.data.covered ? (
        <p role="alert" className="notice">
          {t('uncovered', { year })}
        </p>
      ) : null}
      <h2>{t('entries', { year })}</h2>
      <ListState query={{ ...entries, data: entries.data?.entries }} empty={t('empty')}>
        {(items) => (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('date')}</th>
                  <th scope="col">{t('kind')}</th>
                  <th scope="col">{t('name')}</th>
                  <th scope="col">{t('source')}</th>
                  <th scope="col">{t('actions')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((entry) => (
                  <tr key={entry.id}>
                    <td>
                      {t(`weekdays.${weekdayOf(entry.date)}`)} {formatDate(entry.date)}
                    </td>
                    <td>{t(`kinds.${entry.kind}`)}</td>
                    <td>{nameOf(entry)}</td>
                    <td>{entry.source}</td>
                    <td>
                      <button type="button" onClick={() => setEditing(entry)} aria-label={t('editOne', { date: formatDate(entry.date) })}>
                        {t('edit')}
                      </button>{' '}
                      <button
                        type="button"
                        disabled={remove.isPending}
                        onClick={() => remove.mutate(entry.id)}
                        aria-label={t('removeOne', { date: formatDate(entry.date) })}
                      >
                        {t('remove')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </ListState>
      {remove.error ? <ErrorMessage error={remove.error} /> : null}
      <CalendarEntryForm key={editing?.id ?? 'new'} year={year} editing={editing} onDone={() => setEditing(undefined)} />
      <CalendarCorrection />
    </section>
  );
}
