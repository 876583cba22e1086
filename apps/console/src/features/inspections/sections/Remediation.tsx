import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CorrectiveAction, Inspection } from '../../../api/types';
import { formatDate, todayInVietnam } from '../../../i18n/format';
import { useDraft } from '../../../session/drafts';
import { useUser } from '../../../session/use-session';
import { DeadlineText } from '../../../ui/DeadlineText';
import { ErrorMessage } from '../../../ui/feedback';
import { Field } from '../../../ui/Field';
import { fieldErrors } from '../../../ui/forms';
import { TextCommand } from '../../../ui/TextCommand';
import { useChecklist } from '../../shared/checklist';
import { commands, uploadAttachment } from '../api';
import { useInspectionCommand } from '../use-inspection-command';
import { EvidenceList } from './Findings';

export function ExtensionSection({ inspection }: { inspection: Inspection }) {
  const { t } = useTranslation('inspections');
  const user = useUser();
  const extension = inspection.extension;
  const [deadline, setDeadline] = useDraft('extension-deadline', extension?.requestedDeadline ?? '');
  const command = useInspectionCommand(inspection.id, (body: { decision: 'granted' | 'refused'; note: string; deadline: string }, key: string) =>
    commands.decideExtension(inspection.id, { decision: body.decision, note: body.note, ...(body.decision === 'granted' && body.deadline ? { deadline: body.deadline } : {}) }, key),
  );
  if (!extension) return null;
  const decides = user.role === 'lead_inspector' && user.id === inspection.team.leadInspectorId && extension.status === 'pending';
  return (
    <section className="panel" aria-labelledby="extension-view-title">
      <h2 id="extension-view-title">{t('extension.title')}</h2>
      <p>{t('extension.requested', { date: formatDate(extension.requestedDeadline), reason: extension.reason })}</p>
      <p>
        <strong>{t(`extension.status.${extension.status}`)}</strong>
        {extension.note ? ` — ${extension.note}` : ''}
      </p>
      {decides ? (
        <TextCommand
          formId="extension-decision"
          label={t('extension.note')}
          field="note"
          required={false}
          command={command}
          buttons={[
            { label: t('actions.grant'), send: (note) => command.mutateAsync({ decision: 'granted', note, deadline }) },
            { label: t('actions.refuse'), className: 'danger', send: (note) => command.mutateAsync({ decision: 'refused', note, deadline }) },
          ]}
        >
          <Field label={t('extension.deadline')} error={fieldErrors(command.error)('deadline')}>
            {(props) => <input {...props} type="date" value={deadline} onChange={(event) => setDeadline(event.target.value)} />}
          </Field>
        </TextCommand>
      ) : null}
    </section>
  );
}

export function DisputesSection({ inspection }: { inspection: Inspection }) {
  const { name: criterionName } = useChecklist(inspection.checklistVersion);
  const { t, i18n } = useTranslation('inspections');
  const user = useUser();
  const pending = inspection.findings.filter((finding) => finding.dispute?.status === 'pending');
  const command = useInspectionCommand(inspection.id, (body: { findingId: string; decision: 'upheld' | 'withdrawn'; note: string }, key: string) =>
    commands.resolveDispute(inspection.id, body.findingId, { decision: body.decision, note: body.note }, key),
  );
  if (pending.length === 0 || user.role !== 'lead_inspector' || user.id !== inspection.team.leadInspectorId || inspection.status !== 'remediating') return null;
  return (
    <section className="panel" aria-labelledby="disputes-title">
      <h2 id="disputes-title">{t('disputes.title')}</h2>
      {pending.map((finding) => (
        <div key={finding.id} className="dispute">
          <h3>{criterionName(finding.criterionCode, i18n.language)}</h3>
          <p>{t('findings.dispute', { explanation: finding.dispute?.explanation ?? '' })}</p>
          <TextCommand
            formId={`dispute-${finding.id}`}
            label={`${t('disputes.note')} (${finding.criterionCode})`}
            field="note"
            required={false}
            command={command}
            buttons={[
              { label: t('actions.uphold'), send: (note) => command.mutateAsync({ findingId: finding.id, decision: 'upheld', note }) },
              { label: t('actions.withdrawDisputed'), className: 'danger', send: (note) => command.mutateAsync({ findingId: finding.id, decision: 'withdrawn', note }) },
            ]}
          />
        </div>
      ))}
    </section>
  );
}

function ReportForm({ inspection, action }: { inspection: Inspection; action: CorrectiveAction }) {
  const { t } = useTranslation('inspections');
  const [file, setFile] = useState<File | null>(null);
  // The file's identity is part of the intent: another file is another report (and another key).
  const command = useInspectionCommand(inspection.id, async (input: { note: string; file?: string }, key: string) => {
    const evidence = file ? [{ attachmentId: (await uploadAttachment(file)).id }] : [];
    return commands.reportAction(inspection.id, action.id, { note: input.note, evidence }, key);
  });
  const fileIdentity = file ? `${file.name}:${file.size}:${file.lastModified}` : undefined;
  return (
    <TextCommand formId={`report-${action.id}`} label={t('remediation.note')} field="note" command={command} buttons={[{ label: t('actions.report'), send: (note) => command.mutateAsync({ note, file: fileIdentity }) }]}>
      <Field label={t('remediation.evidence')}>{(props) => <input {...props} type="file" onChange={(event) => setFile(event.target.files?.[0] ?? null)} />}</Field>
    </TextCommand>
  );
}

function VerifyForm({ inspection, action }: { inspection: Inspection; action: CorrectiveAction }) {
  const { t } = useTranslation('inspections');
  const [newDueDate, setNewDueDate] = useDraft(`verify-due-${action.id}`, '');
  const command = useInspectionCommand(inspection.id, (body: { decision: 'verified' | 'rejected'; note: string; newDueDate: string }, key: string) =>
    commands.verifyAction(inspection.id, action.id, { decision: body.decision, note: body.note, ...(body.decision === 'rejected' ? { newDueDate: body.newDueDate } : {}) }, key),
  );
  return (
    <TextCommand
      formId={`verify-${action.id}`}
      label={t('remediation.verifyNote')}
      field="note"
      required={false}
      command={command}
      buttons={[
        { label: t('actions.verify'), send: (note) => command.mutateAsync({ decision: 'verified', note, newDueDate }) },
        { label: t('actions.reject'), className: 'danger', send: (note) => command.mutateAsync({ decision: 'rejected', note, newDueDate }) },
      ]}
    >
      <Field label={t('remediation.newDueDate')} error={fieldErrors(command.error)('newDueDate')}>
        {(props) => <input {...props} type="date" min={todayInVietnam()} value={newDueDate} onChange={(event) => setNewDueDate(event.target.value)} />}
      </Field>
    </TextCommand>
  );
}

export function RemediationSection({ inspection }: { inspection: Inspection }) {
  const { name: criterionName } = useChecklist(inspection.checklistVersion);
  const { t, i18n } = useTranslation('inspections');
  const user = useUser();
  if (inspection.actions.length === 0) return null;
  const isHead = user.role === 'unit_head' && user.unitId === inspection.unitId;
  const isLead = user.role === 'lead_inspector' && user.id === inspection.team.leadInspectorId;
  const live = inspection.status === 'remediating';
  return (
    <section className="panel" aria-labelledby="remediation-title">
      <h2 id="remediation-title">{t('remediation.title')}</h2>
      <ul className="cards">
        {inspection.actions.map((action) => {
          const finding = inspection.findings.find((candidate) => candidate.id === action.findingId);
          const last = action.reports[action.reports.length - 1];
          return (
            <li key={action.id} className={action.overdue ? 'card overdue' : 'card'}>
              <h3>{finding ? criterionName(finding.criterionCode, i18n.language) : action.findingId}</h3>
              <p>{action.requirement}</p>
              <p>{t('remediation.owner', { owner: action.owner })}</p>
              <p>
                <strong>{t(`remediation.status.${action.status}`)}</strong>
              </p>
              {action.status === 'open' || action.status === 'rejected' ? <DeadlineText dueAt={action.dueAt} overdue={action.overdue} /> : null}
              {last ? (
                <>
                  <p>{t('remediation.lastReport', { note: last.note })}</p>
                  <EvidenceList evidence={last.evidence} />
                </>
              ) : null}
              {action.lastRejection ? <p>{t('remediation.lastRejection', { note: action.lastRejection.note })}</p> : null}
              {live && isHead && (action.status === 'open' || action.status === 'rejected') ? <ReportForm inspection={inspection} action={action} /> : null}
              {live && isLead && action.status === 'reported' ? <VerifyForm inspection={inspection} action={action} /> : null}
            </li>
          );
        })}
      </ul>
      <ErrorMessage error={undefined} />
    </section>
  );
}
