import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/problem';
import { formatDate } from '../../i18n/format';
import { useCommand } from '../../session/use-command';
import { ErrorMessage } from '../../ui/feedback';
import { Field } from '../../ui/Field';
import { applyCorrection, calendarKeys, previewCorrection, type CorrectionResult } from './calendar-api';

/**
 * Applying the calendar to running inspections. Editing the calendar changes only the deadlines
 * set from then on; this shows how many running ones it would move, and moves them on request
 * (each inspection records the change in its history).
 */
export function CalendarCorrection() {
  const { t } = useTranslation('calendar');
  const preview = useQuery({ queryKey: calendarKeys.corrections, queryFn: previewCorrection });
  const [reason, setReason] = useState('');
  const [result, setResult] = useState<CorrectionResult>();
  const apply = useCommand((why: string, key) => applyCorrection(why, key), {
    invalidate: [['calendar'], ['inspections']],
    onSuccess: (answer) => {
      setResult(answer);
      setReason('');
    },
  });
  const error = apply.error instanceof ApiError ? apply.error : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setResult(undefined);
    apply.mutate(reason.trim());
  };
  const affected = preview.data?.affectedInspections ?? 0;
  return (
    <form className="panel" onSubmit={submit} noValidate aria-labelledby="calendar-correction-title">
      <h2 id="calendar-correction-title">{t('correction.title')}</h2>
      <p>{t('correction.explain')}</p>
      {preview.error ? <ErrorMessage error={preview.error} /> : null}
      {preview.data ? (
        <p role="status" data-testid="correction-count">
          {t('correction.affected', { count: affected })}
        </p>
      ) : null}
      {preview.data?.missingYears.length ? <p className="notice">{t('correction.missingYears', { years: preview.data.missingYears.join(', ') })}</p> : null}
      {affected > 0 ? (
        <ul>
          {preview.data!.items.map((item) => (
            <li key={`${item.inspectionId}:${item.deadline}`}>
              {t('correction.item', { unit: item.unitName, deadline: t(`correction.deadlines.${item.deadline}`), from: formatDate(item.previousDueAt), to: formatDate(item.dueAt) })}
            </li>
          ))}
        </ul>
      ) : null}
      <Field label={t('correction.reason')} error={error?.fieldError('reason')} hint={t('correction.reasonHint')}>
        {(props) => <input {...props} name="reason" required value={reason} onChange={(event) => setReason(event.target.value)} />}
      </Field>
      {error && !error.problem?.errors?.length ? <ErrorMessage error={error} /> : null}
      {result ? (
        <p role="status" className="notice">
          {t('correction.applied', { count: result.appliedInspections })}
        </p>
      ) : null}
      <button type="submit" className="primary" disabled={apply.isPending || affected === 0}>
        {apply.isPending ? t('common:states.saving') : t('correction.apply', { count: affected })}
      </button>
    </form>
  );
}
