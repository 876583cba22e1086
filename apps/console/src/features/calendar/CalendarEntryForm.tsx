import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/problem';
import { formatDate } from '../../i18n/format';
import { useCommand } from '../../session/use-command';
import { ErrorMessage } from '../../ui/feedback';
import { Field } from '../../ui/Field';
import { addEntry, AFTER_EDIT, changeEntry, type CalendarEntry, type NewCalendarEntry } from './calendar-api';

const KINDS: readonly NewCalendarEntry['kind'][] = ['holiday', 'make_up_working_day'];

/** Adds an entry, or corrects the one being edited. The server checks the day (a holiday on a weekday, a make-up day on a weekend). */
export function CalendarEntryForm({ year, editing, onDone }: { year: number; editing?: CalendarEntry; onDone: () => void }) {
  const { t } = useTranslation('calendar');
  const blank: NewCalendarEntry = { date: `${year}-01-01`, kind: 'holiday', nameVi: '', nameEn: '', source: '' };
  const [entry, setEntry] = useState<NewCalendarEntry>(
    editing ? { date: editing.date, kind: editing.kind, nameVi: editing.nameVi, nameEn: editing.nameEn, source: editing.source } : blank,
  );
  const [saved, setSaved] = useState<CalendarEntry>();
  const command = useCommand((body: NewCalendarEntry, key) => (editing ? changeEntry(editing.id, body, key) : addEntry(body, key)), {
    invalidate: AFTER_EDIT,
    onSuccess: (answer) => {
      setSaved(answer);
      if (editing) onDone();
      else setEntry(blank);
    },
  });
  const error = command.error instanceof ApiError ? command.error : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(undefined);
    command.mutate({ ...entry, nameVi: entry.nameVi.trim(), nameEn: entry.nameEn.trim(), source: entry.source.trim() });
  };
  const text = (field: 'nameVi' | 'nameEn' | 'source') => (
    <Field label={t(field)} error={error?.fieldError(field)}>
      {(props) => <input {...props} name={field} required value={entry[field]} onChange={(event) => setEntry({ ...entry, [field]: event.target.value })} />}
    </Field>
  );
  return (
    <form className="panel" onSubmit={submit} noValidate aria-labelledby="calendar-entry-title">
      <h2 id="calendar-entry-title">{editing ? t('editTitle', { date: formatDate(editing.date) }) : t('addTitle')}</h2>
      <div className="filters">
        <Field label={t('date')} error={error?.fieldError('date')}>
          {(props) => <input {...props} name="date" type="date" required value={entry.date} onChange={(event) => setEntry({ ...entry, date: event.target.value })} />}
        </Field>
        <Field label={t('kind')} error={error?.fieldError('kind')}>
          {(props) => (
            <select {...props} name="kind" value={entry.kind} onChange={(event) => setEntry({ ...entry, kind: event.target.value as NewCalendarEntry['kind'] })}>
              {KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`kinds.${kind}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {text('nameVi')}
        {text('nameEn')}
        {text('source')}
      </div>
      {error && !error.problem?.errors?.length ? <ErrorMessage error={error} /> : null}
      {command.error && !error ? <ErrorMessage error={command.error} /> : null}
      {saved ? (
        <p role="status" className="notice">
          {t('saved', { date: formatDate(saved.date) })}
        </p>
      ) : null}
      <button type="submit" className="primary" disabled={command.isPending}>
        {command.isPending ? t('common:states.saving') : editing ? t('saveChange') : t('add')}
      </button>{' '}
      {editing ? (
        <button type="button" onClick={onDone}>
          {t('cancelEdit')}
        </button>
      ) : null}
    </form>
  );
}
