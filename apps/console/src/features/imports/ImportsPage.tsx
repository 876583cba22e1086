import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { TableWrap } from '../../ui/TableWrap';
import { ApiError } from '../../api/problem';
import type { ImportApplied, ImportReport } from '../../api/types';
import { ErrorMessage } from '../../ui/feedback';
import { Field } from '../../ui/Field';
import { usePageTitle } from '../../ui/use-page-title';
import { AdminNav } from '../admin/AdminNav';
import { adminKeys } from '../admin/admin-api';
import { applyImport, downloadTemplate, dryRun } from './imports-api';
import { ImportCounts, ImportErrors, ImportRows } from './ImportReportView';

type Busy = 'template' | 'check' | 'apply' | undefined;

/**
 * Units and staff from a spreadsheet (issue 11, item 8): the template, a dry run that lists every
 * row's errors, then the apply. The temporary passwords of new accounts come in the apply's answer
 * only; they live in this screen's memory until the admin hides them or leaves, never in storage.
 */
export default function ImportsPage() {
  const { t } = useTranslation('imports');
  usePageTitle(t('title'));
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File>();
  const [report, setReport] = useState<ImportReport>();
  const [applied, setApplied] = useState<ImportApplied>();
  const [busy, setBusy] = useState<Busy>();
  const [error, setError] = useState<unknown>();
  const [missingFile, setMissingFile] = useState(false);
  const result = useRef<HTMLHeadingElement>(null);
  // The answer appears below the form: the focus goes to it, so keyboard and screen reader follow.
  useEffect(() => result.current?.focus(), [report, applied]);

  const run = async (what: Exclude<Busy, undefined>, work: () => Promise<void>) => {
    setBusy(what);
    setError(undefined);
    try {
      await work();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(undefined);
    }
  };
  const check = (event: FormEvent) => {
    event.preventDefault();
    setApplied(undefined);
    setMissingFile(!file);
    if (file) void run('check', async () => setReport(await dryRun(file)));
  };
  const apply = () =>
    file &&
    void run('apply', async () => {
      const answer = await applyImport(file);
      setApplied(answer);
      // The file stays chosen (the field still shows it): checked again, it shows that nothing is left to change.
      setReport(undefined);
      await Promise.all([adminKeys.units, adminKeys.users, ['units'], ['users']].map((queryKey) => queryClient.invalidateQueries({ queryKey: [...queryKey] })));
    });
  const fileError = missingFile ? t('file.missing') : error instanceof ApiError ? error.fieldError('file') : undefined;
  // An apply refused for rows with errors (the file changed since its check) names row and column in `field`.
  const rowErrors = error instanceof ApiError ? (error.problem?.errors ?? []).filter((item) => item.field !== 'file') : [];

  return (
    <section className="imports">
      <h1>{t('title')}</h1>
      <AdminNav />
      <div className="panel">
        <h2>{t('template.heading')}</h2>
        <p>{t('template.explain')}</p>
        <div className="button-row">
          {(['xlsx', 'csv'] as const).map((format) => (
            <button key={format} type="button" disabled={busy !== undefined} onClick={() => void run('template', () => downloadTemplate(format))}>
              {t(`template.${format}`)}
            </button>
          ))}
        </div>
      </div>
      <form className="panel" onSubmit={check} noValidate aria-labelledby="import-file-heading">
        <h2 id="import-file-heading">{t('file.heading')}</h2>
        <Field label={t('file.label')} hint={t('file.hint')} error={fileError}>
          {(props) => (
            <input
              {...props}
              type="file"
              name="file"
              accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(event) => {
                setFile(event.target.files?.[0]);
                setMissingFile(false);
                setReport(undefined);
                setError(undefined);
              }}
            />
          )}
        </Field>
        <button type="submit" className="primary" disabled={busy !== undefined}>
          {busy === 'check' ? t('file.checking') : t('file.check')}
        </button>
      </form>
      {busy === 'apply' ? (
        <p role="status" className="muted">
          {t('apply.applying')}
        </p>
      ) : null}
      {error && !fileError ? <ErrorMessage error={error} /> : null}
      {rowErrors.length > 0 ? (
        <ul className="error-text">
          {rowErrors.map((item) => (
            <li key={`${item.field}-${item.message}`}>
              {item.field}: {item.message}
            </li>
          ))}
        </ul>
      ) : null}
      {report ? <DryRun report={report} heading={result} busy={busy} onApply={apply} /> : null}
      {applied ? <Applied applied={applied} heading={result} onHide={() => setApplied(undefined)} /> : null}
    </section>
  );
}

function DryRun({ report, heading, busy, onApply }: { report: ImportReport; heading: RefObject<HTMLHeadingElement | null>; busy: Busy; onApply: () => void }) {
  const { t } = useTranslation('imports');
  return (
    <section className="panel" aria-labelledby="import-check">
      <h2 id="import-check" tabIndex={-1} ref={heading}>
        {t('check.heading')}
      </h2>
      <p>{t('check.rows', { count: report.rows })}</p>
      {report.valid ? (
        <p role="status" className="notice">
          {t('check.valid')}
        </p>
      ) : (
        <p role="alert" className="error-text">
          {t('check.invalid', { count: report.errors.length })}
        </p>
      )}
      <ImportCounts report={report} caption={t('check.counts')} />
      {report.errors.length > 0 ? <ImportErrors errors={report.errors} /> : null}
      {report.items.length > 0 ? <ImportRows items={report.items} /> : null}
      {report.valid ? (
        <button type="button" className="primary" onClick={onApply} disabled={busy !== undefined}>
          {t('apply.submit')}
        </button>
      ) : null}
    </section>
  );
}

function Applied({ applied, heading, onHide }: { applied: ImportApplied; heading: RefObject<HTMLHeadingElement | null>; onHide: () => void }) {
  const { t } = useTranslation('imports');
  return (
    <section className="panel" aria-labelledby="import-done">
      <h2 id="import-done" tabIndex={-1} ref={heading}>
        {t('apply.done')}
      </h2>
      <ImportCounts report={applied} caption={t('apply.counts')} />
      {applied.temporaryPasswords.length > 0 ? (
        <>
          <p role="alert" className="notice">
            {t('apply.passwordsOnce')}
          </p>
          <TableWrap label={t('apply.passwords')}>
            <table>
              <caption>{t('apply.passwords')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('rows.username')}</th>
                  <th scope="col">{t('apply.temporaryPassword')}</th>
                </tr>
              </thead>
              <tbody>
                {applied.temporaryPasswords.map((entry) => (
                  <tr key={entry.username}>
                    <td>{entry.username}</td>
                    <td>
                      <code>{entry.temporaryPassword}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          <button type="button" onClick={onHide}>
            {t('apply.hide')}
          </button>
        </>
      ) : (
        <p>{t('apply.noPasswords')}</p>
      )}
    </section>
  );
}
