import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Inspection } from '../../../api/types';
import { useDraft } from '../../../session/drafts';
import { useCommand } from '../../../session/use-command';
import { useUser } from '../../../session/use-session';
import { ErrorMessage } from '../../../ui/feedback';
import { Field } from '../../../ui/Field';
import { fieldErrors } from '../../../ui/forms';
import { TextCommand } from '../../../ui/TextCommand';
import { commands, inspectionKeys, isTeamMember } from '../api';
import { useInspectionCommand } from '../use-inspection-command';

function FollowUp({ inspection }: { inspection: Inspection }) {
  const { t } = useTranslation('inspections');
  const navigate = useNavigate();
  const [window, setWindow, clear] = useDraft('follow-up', { windowStart: '', windowEnd: '' });
  const command = useCommand((body: typeof window, key: string) => commands.followUp(inspection.id, body, key), {
    invalidate: [[...inspectionKeys.all], ['campaigns']],
    onSuccess: (created) => {
      clear();
      void navigate(`/inspections/${created.id}`);
    },
  });
  const errors = fieldErrors(command.error);
  return (
    <form
      className="panel"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        command.mutate(window);
      }}
    >
      <h2>{t('followUp.title')}</h2>
      <div className="filters">
        <Field label={t('campaigns:form.windowStart')} error={errors('windowStart')}>
          {(props) => <input {...props} type="date" value={window.windowStart} onChange={(event) => setWindow({ ...window, windowStart: event.target.value })} />}
        </Field>
        <Field label={t('campaigns:form.windowEnd')} error={errors('windowEnd')}>
          {(props) => <input {...props} type="date" value={window.windowEnd} onChange={(event) => setWindow({ ...window, windowEnd: event.target.value })} />}
        </Field>
      </div>
      <ErrorMessage error={command.error} />
      <button type="submit" className="primary" disabled={command.isPending}>
        {t('actions.followUp')}
      </button>
    </form>
  );
}

function Cancel({ inspection }: { inspection: Inspection }) {
  const { t } = useTranslation('inspections');
  const [open, setOpen] = useState(false);
  const command = useInspectionCommand(inspection.id, (reason: string, key: string) => commands.cancel(inspection.id, reason, key));
  if (!open) {
    return (
      <button type="button" className="danger" onClick={() => setOpen(true)}>
        {t('actions.cancel')}
      </button>
    );
  }
  return (
    <div className="panel">
      <TextCommand formId="cancel" label={t('cancel.reason')} field="reason" command={command} buttons={[{ label: t('actions.cancel'), className: 'danger', send: (reason) => command.mutateAsync(reason) }]} />
    </div>
  );
}

/** The state changes of the visit itself: start, visit mode, end; and follow-up and cancel. */
export function LifecycleActions({ inspection }: { inspection: Inspection }) {
  const { t } = useTranslation('inspections');
  const user = useUser();
  const isLead = user.role === 'lead_inspector' && user.id === inspection.team.leadInspectorId;
  const start = useInspectionCommand(inspection.id, (_: undefined, key: string) => commands.start(inspection.id, key));
  const end = useInspectionCommand(inspection.id, (_: undefined, key: string) => commands.endVisit(inspection.id, key));
  const canCancel = (isLead || user.role === 'chairman') && !['closed', 'cancelled'].includes(inspection.status);
  const canFollowUp = isLead && ['remediating', 'closed'].includes(inspection.status);
  return (
    <>
      <div className="button-row">
        {isLead && inspection.status === 'planned' ? (
          <button type="button" className="primary" disabled={start.isPending} onClick={() => start.mutate(undefined)}>
            {t('actions.start')}
          </button>
        ) : null}
        {inspection.status === 'in_progress' && isTeamMember(inspection, user.id) ? (
          <Link className="button-link" to={`/inspections/${inspection.id}/visit`}>
            {t('actions.visitMode')}
          </Link>
        ) : null}
        {isLead && inspection.status === 'in_progress' ? (
          <button type="button" className="primary" disabled={end.isPending} onClick={() => end.mutate(undefined)}>
            {t('actions.endVisit')}
          </button>
        ) : null}
        {canCancel ? <Cancel inspection={inspection} /> : null}
      </div>
      <ErrorMessage error={start.error ?? end.error} />
      {canFollowUp ? <FollowUp inspection={inspection} /> : null}
    </>
  );
}
