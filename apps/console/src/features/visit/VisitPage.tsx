import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Finding, Inspection } from '../../api/types';
import { useDraft } from '../../session/drafts';
import { useUser } from '../../session/use-session';
import { ErrorMessage, Loading } from '../../ui/feedback';
import { Field } from '../../ui/Field';
import { fieldErrors } from '../../ui/forms';
import { TextCommand } from '../../ui/TextCommand';
import { usePageTitle } from '../../ui/use-page-title';
import { commands, getInspection, inspectionKeys, uploadAttachment, type RecordFinding } from '../inspections/api';
import { EvidenceList } from '../inspections/sections/Findings';
import { useInspectionCommand } from '../inspections/use-inspection-command';
import { useChecklist } from '../shared/checklist';
import { useNames } from '../shared/directory';

const SEVERITIES = ['minor', 'major', 'critical'] as const;
type Severity = (typeof SEVERITIES)[number];

/** One finding after another: the form empties after each and the cursor goes back to the criterion. */
function RecordFindingForm({ inspection }: { inspection: Inspection }) {
  const { name: criterionName, criteria, loading } = useChecklist(inspection.checklistVersion);
  const { t, i18n } = useTranslation('visit');
  const [draft, setDraft, clear] = useDraft('record-finding', { criterionCode: '', severity: 'minor' as Severity, description: '' });
  const [files, setFiles] = useState<File[]>([]);
  const [uploading, setUploading] = useState(false);
  const [recorded, setRecorded] = useState(false);
  const criterionRef = useRef<HTMLSelectElement>(null);
  const photoRef = useRef<HTMLInputElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const command = useInspectionCommand(
    inspection.id,
    async ({ files: _files, ...body }: RecordFinding & { files: string[] }, key: string) => {
      setUploading(files.length > 0);
      try {
        const evidence = await Promise.all(files.map(async (file) => ({ attachmentId: (await uploadAttachment(file)).id })));
        return await commands.recordFinding(inspection.id, { ...body, ...(evidence.length > 0 ? { evidence } : {}) }, key);
      } finally {
        setUploading(false);
      }
    },
    () => {
      clear();
      setFiles([]);
      if (photoRef.current) photoRef.current.value = '';
      if (fileRef.current) fileRef.current.value = '';
      setRecorded(true);
      criterionRef.current?.focus();
    },
  );
  const errors = fieldErrors(command.error);
  // The criteria come from the campaign's stored version; the form waits for them.
  if (loading) return <Loading />;
  return (
    <form
      className="panel"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setRecorded(false);
        // The chosen files are part of the intent: other files make another finding (and another key).
        command.mutate({ ...draft, files: files.map((file) => `${file.name}:${file.size}:${file.lastModified}`) });
      }}
    >
      <h2>{t('record')}</h2>
      <Field label={t('criterion')} error={errors('criterionCode')}>
        {(props) => (
          <select {...props} ref={criterionRef} value={draft.criterionCode} onChange={(event) => setDraft({ ...draft, criterionCode: event.target.value })}>
            <option value="">{t('chooseCriterion')}</option>
            {criteria.map((criterion) => (
              <option key={criterion.code} value={criterion.code}>
                {criterionName(criterion.code, i18n.language)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('severity')} error={errors('severity')}>
        {(props) => (
          <select {...props} value={draft.severity} onChange={(event) => setDraft({ ...draft, severity: event.target.value as Severity })}>
            {SEVERITIES.map((severity) => (
              <option key={severity} value={severity}>
                {t(`common:severity.${severity}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('description')} error={errors('description')}>
        {(props) => <textarea {...props} value={draft.description} onChange={(event) => setDraft({ ...draft, description: event.target.value })} />}
      </Field>
      <Field label={t('photo')}>
        {(props) => <input {...props} ref={photoRef} type="file" accept="image/*" capture="environment" onChange={(event) => setFiles([...(event.target.files ?? [])])} />}
      </Field>
      <Field label={t('file')}>{(props) => <input {...props} ref={fileRef} type="file" onChange={(event) => setFiles([...(event.target.files ?? [])])} />}</Field>
      {uploading ? <p role="status">{t('uploading')}</p> : null}
      {recorded ? <p role="status">{t('recorded')}</p> : null}
      <ErrorMessage error={command.error} />
      <button type="submit" className="primary" disabled={command.isPending}>
        {t('record')}
      </button>
    </form>
  );
}

function OwnFinding({ inspection, finding }: { inspection: Inspection; finding: Finding }) {
  const { name: criterionName } = useChecklist(inspection.checklistVersion);
  const { t, i18n } = useTranslation('visit');
  const user = useUser();
  const [editing, setEditing] = useState(false);
  const [withdrawing, setWithdrawing] = useState(false);
  const [draft, setDraft, clear] = useDraft(`amend-${finding.id}`, { severity: finding.severity as Severity, description: finding.description });
  const amend = useInspectionCommand(inspection.id, (body: typeof draft, key: string) => commands.amendFinding(inspection.id, finding.id, body, key), () => {
    clear();
    setEditing(false);
  });
  const withdraw = useInspectionCommand(inspection.id, (reason: string, key: string) => commands.withdrawFinding(inspection.id, finding.id, reason, key));
  const mine = finding.authorId === user.id;
  const mayWithdraw = mine || inspection.team.leadInspectorId === user.id;
  const name = criterionName(finding.criterionCode, i18n.language);
  return (
    <li className="card">
      <h3>{name}</h3>
      <p>
        {t(`common:severity.${finding.severity}`)}
        {finding.status === 'withdrawn' ? ` · ${t('withdrawn')}` : ''}
      </p>
      <p className="prewrap">{finding.description}</p>
      <EvidenceList evidence={finding.evidence} />
      {finding.status === 'open' && mine && !editing ? (
        <button type="button" onClick={() => setEditing(true)} aria-label={`${t('amend')}: ${name}`}>
          {t('amend')}
        </button>
      ) : null}
      {editing ? (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            amend.mutate(draft);
          }}
        >
          <Field label={`${t('severity')} (${finding.criterionCode})`} error={fieldErrors(amend.error)('severity')}>
            {(props) => (
              <select {...props} value={draft.severity} onChange={(event) => setDraft({ ...draft, severity: event.target.value as Severity })}>
                {SEVERITIES.map((severity) => (
                  <option key={severity} value={severity}>
                    {t(`common:severity.${severity}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={`${t('description')} (${finding.criterionCode})`} error={fieldErrors(amend.error)('description')}>
            {(props) => <textarea {...props} value={draft.description} onChange={(event) => setDraft({ ...draft, description: event.target.value })} />}
          </Field>
          <ErrorMessage error={amend.error} />
          <button type="submit" className="primary" disabled={amend.isPending}>
            {t('saveAmendment')}
          </button>
        </form>
      ) : null}
      {finding.status === 'open' && mayWithdraw && !withdrawing ? (
        <button type="button" className="danger" onClick={() => setWithdrawing(true)} aria-label={`${t('withdraw')}: ${name}`}>
          {t('withdraw')}
        </button>
      ) : null}
      {finding.status === 'open' && mayWithdraw && withdrawing ? (
        <TextCommand
          formId={`withdraw-${finding.id}`}
          label={`${t('withdrawReason')} (${finding.criterionCode})`}
          field="reason"
          command={withdraw}
          buttons={[{ label: t('withdraw'), className: 'danger', send: (reason) => withdraw.mutateAsync(reason) }]}
        />
      ) : null}
    </li>
  );
}

export default function VisitPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('visit');
  const user = useUser();
  const names = useNames();
  const query = useQuery({ queryKey: inspectionKeys.one(id), queryFn: () => getInspection(id) });
  const end = useInspectionCommand(id, (_: undefined, key: string) => commands.endVisit(id, key));
  const unitName = query.data ? names.unit(query.data.unitId) : '';
  usePageTitle(t('title', { unit: unitName }));
  if (query.isPending) return <Loading />;
  if (query.error || !query.data) return <ErrorMessage error={query.error} />;
  const inspection = query.data;
  const isLead = inspection.team.leadInspectorId === user.id;
  return (
    <section className="visit">
      <h1>{t('title', { unit: unitName })}</h1>
      <p>
        <Link to={`/inspections/${inspection.id}`}>{t('back')}</Link>
      </p>
      {inspection.status !== 'in_progress' ? (
        <p className="notice">{t('notInProgress')}</p>
      ) : (
        <>
          <RecordFindingForm inspection={inspection} />
          <h2>{t('mine', { count: inspection.findings.filter((finding) => finding.status === 'open').length })}</h2>
          {inspection.findings.length === 0 ? <p className="muted">{t('none')}</p> : null}
          <ul className="cards">
            {inspection.findings.map((finding) => (
              <OwnFinding key={finding.id} inspection={inspection} finding={finding} />
            ))}
          </ul>
          {isLead ? (
            <div className="button-row">
              <button type="button" className="primary" disabled={end.isPending} onClick={() => end.mutate(undefined)}>
                {t('inspections:actions.endVisit')}
              </button>
            </div>
          ) : null}
          <ErrorMessage error={end.error} />
        </>
      )}
    </section>
  );
}
