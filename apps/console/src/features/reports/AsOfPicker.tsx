import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, todayInVietnam } from '../../i18n/format';
import { Field } from '../../ui/Field';
import type { ReportParams } from './report-params';

/**
 * "Tính đến ngày": the report as it stood at the end of a past day. Applied with a button rather
 * than on every keystroke: a date typed digit by digit passes through valid dates, and each past
 * date is a replay of the log, which costs far more than today's figures.
 */
export function AsOfPicker({
  params,
  onChange,
  withYear,
}: {
  params: ReportParams;
  onChange: (next: ReportParams) => void;
  withYear?: boolean;
}) {
  const { t } = useTranslation('reports');
  const [asOf, setAsOf] = useState(params.asOf ?? '');
  const [year, setYear] = useState(params.year !== undefined ? String(params.year) : '');
  const today = todayInVietnam();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsedYear = Number(year);
    onChange({
      ...(asOf ? { asOf } : {}),
      ...(withYear && year && Number.isInteger(parsedYear) ? { year: parsedYear } : {}),
    });
  };
  return (
    <form className="filters as-of" onSubmit={submit} aria-label={t('asOf.form')}>
      <Field label={t('asOf.label')} hint={t('asOf.hint')}>
        {(props) => <input {...props} type="date" name="asOf" max={today} value={asOf} onChange={(event) => setAsOf(event.target.value)} />}
      </Field>
      {withYear ? (
        <Field label={t('asOf.year')}>
          {(props) => (
            <input
              {...props}
              type="number"
              name="year"
              min={2000}
              max={2100}
              inputMode="numeric"
              value={year}
              onChange={(event) => setYear(event.target.value)}
            />
          )}
        </Field>
      ) : null}
      <div className="field">
        <button type="submit" className="primary">
          {t('asOf.show')}
        </button>
      </div>
      {params.asOf ? (
        <div className="field">
          <button
            type="button"
            onClick={() => {
              setAsOf('');
              onChange({ ...(params.year !== undefined ? { year: params.year } : {}) });
            }}
          >
            {t('asOf.today')}
          </button>
        </div>
      ) : null}
    </form>
  );
}

/** Which moment the figures are of, and whether they were replayed from the log. */
export function AsOfLine({ meta }: { meta: { asOf: string; source: 'live' | 'replay' } }) {
  const { t } = useTranslation('reports');
  return (
    <p className="muted as-of-line" role="status">
      {t(meta.source === 'replay' ? 'asOf.replayed' : 'asOf.live', { when: formatDateTime(meta.asOf) })}
    </p>
  );
}
