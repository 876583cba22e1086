import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Campaign } from '../../api/types';
import { useDraft } from '../../session/drafts';
import { useCommand } from '../../session/use-command';
import { useUser } from '../../session/use-session';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ErrorMessage } from '../../ui/feedback';
import { Field } from '../../ui/Field';
import { fieldErrors } from '../../ui/forms';
import { usePeople } from '../shared/directory';
import { cancelCampaign, changeDetails, changeTeam, removeTarget } from './api';

/** Everything a change touches: the campaign, its inspections, and the lists and work built from them. */
const INVALIDATE = [['campaigns'], ['inspections'], ['me']];

/** The lead edits the title and the legal basis. */
export function EditDetails({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation('campaigns');
  const [open, setOpen] = useState(false);
  const [draft, setDraft, clear] = useDraft(`campaign-details-${campaign.id}`, { title: campaign.title, legalBasis: campaign.legalBasis });
  const command = useCommand((body: { title: string; legalBasis: string }, key: string) => changeDetails(campaign.id, body, key), {
    invalidate: INVALIDATE,
    onSuccess: () => {
      clear();
      setOpen(false);
    },
  });
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)}>
        {t('change.editDetails')}
      </button>
    );
  }
  const error = fieldErrors(command.error);
  return (
    <form
      className="panel"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        command.mutate(draft);
      }}
    >
      <h2>{t('change.editDetails')}</h2>
      <Field label={t('form.title')} error={error('title')}>
        {(props) => <input {...props} value={draft.title} onChange={(event) => setDraft({ ...draft, title: event.target.value })} size={60} />}
      </Field>
      <Field label={t('form.legalBasis')} error={error('legalBasis')}>
        {(props) => <textarea {...props} value={draft.legalBasis} onChange={(event) => setDraft({ ...draft, legalBasis: event.target.value })} />}
      </Field>
      <ErrorMessage error={command.error} />
      <div className="button-row">
        <button type="submit" className="primary" disabled={command.isPending}>
          {t('change.save')}
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          {t('change.back')}
        </button>
      </div>
    </form>
  );
}

/** The lead (or the chairman) adds or removes inspectors and may hand the lead to another lead inspector. */
export function ChangeTeam({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation('campaigns');
  const [open, setOpen] = useState(false);
  const leads = usePeople('lead_inspector');
  const inspectors = usePeople('inspector');
  const [draft, setDraft, clear] = useDraft(`campaign-team-${campaign.id}`, { leadInspectorId: campaign.leadInspectorId, inspectorIds: campaign.inspectorIds });
  const command = useCommand((body: { leadInspectorId: string; inspectorIds: string[] }, key: string) => changeTeam(campaign.id, body, key), {
    invalidate: INVALIDATE,
    onSuccess: () => {
      clear();
      setOpen(false);
    },
  });
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)}>
        {t('change.team')}
      </button>
    );
  }
  const error = fieldErrors(command.error);
  return (
    <form
      className="panel"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        command.mutate(draft);
      }}
    >
      <h2>{t('change.team')}</h2>
      <p className="hint">{t('change.teamHint')}</p>
      <Field label={t('form.lead')} error={error('leadInspectorId')}>
        {(props) => (
          <select {...props} value={draft.leadInspectorId} onChange={(event) => setDraft({ ...draft, leadInspectorId: event.target.value })}>
            {(leads.data ?? []).map((person) => (
              <option key={person.id} value={person.id}>
                {person.displayName}
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset>
        <legend>{t('form.inspectors')}</legend>
        {(inspectors.data ?? []).map((person) => (
          <label key={person.id} className="check">
            <input
              type="checkbox"
              checked={draft.inspectorIds.includes(person.id)}
              onChange={(event) =>
                setDraft({ ...draft, inspectorIds: event.target.checked ? [...draft.inspectorIds, person.id] : draft.inspectorIds.filter((id) => id !== person.id) })
              }
            />{' '}
            {person.displayName}
          </label>
        ))}
        {error('inspectorIds') ? <span className="field-error">{error('inspectorIds')}</span> : null}
      </fieldset>
      <ErrorMessage error={command.error} />
      <div className="button-row">
        <button type="submit" className="primary" disabled={command.isPending}>
          {t('change.save')}
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          {t('change.back')}
        </button>
      </div>
    </form>
  );
}

/** Removes a target whose visit has not started, after a confirmation with the reason. */
export function RemoveTarget({ campaignId, inspectionId, unitName }: { campaignId: string; inspectionId: string; unitName: string }) {
  const { t } = useTranslation('campaigns');
  const [open, setOpen] = useState(false);
  const command = useCommand((reason: string, key: string) => removeTarget(campaignId, inspectionId, reason, key), { invalidate: INVALIDATE });
  return (
    <>
      <button type="button" className="danger" onClick={() => setOpen(true)} aria-label={`${t('change.removeTarget')}: ${unitName}`}>
        {t('change.removeTarget')}
      </button>
      {open ? (
        <ConfirmDialog
          formId={`remove-target-${inspectionId}`}
          title={t('change.removeTargetTitle', { unit: unitName })}
          message={t('change.removeTargetMessage')}
          reasonLabel={t('change.reason')}
          confirmLabel={t('change.removeTarget')}
          backLabel={t('change.back')}
          command={command}
          onConfirm={(reason) => command.mutateAsync(reason)}
          onClose={() => setOpen(false)}
        />
      ) : null}
    </>
  );
}

/** Cancels the whole campaign (every open inspection with it), after a confirmation with the reason. */
export function CancelCampaign({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation('campaigns');
  const [open, setOpen] = useState(false);
  const command = useCommand((reason: string, key: string) => cancelCampaign(campaign.id, reason, key), { invalidate: INVALIDATE });
  return (
    <>
      <button type="button" className="danger" onClick={() => setOpen(true)}>
        {t('change.cancel')}
      </button>
      {open ? (
        <ConfirmDialog
          formId={`cancel-campaign-${campaign.id}`}
          title={t('change.cancelTitle', { title: campaign.title })}
          message={t('change.cancelMessage')}
          reasonLabel={t('change.reason')}
          confirmLabel={t('change.cancel')}
          backLabel={t('change.back')}
          command={command}
          onConfirm={(reason) => command.mutateAsync(reason)}
          onClose={() => setOpen(false)}
        />
      ) : null}
    </>
  );
}

/** Who may change what: the campaign's lead everything; the chairman the team and the cancellation. */
export function useCampaignRights(campaign: Campaign) {
  const user = useUser();
  const isLead = user.role === 'lead_inspector' && user.id === campaign.leadInspectorId;
  const changeable = campaign.status !== 'cancelled';
  return {
    details: changeable && isLead,
    team: changeable && (isLead || user.role === 'chairman'),
    targets: changeable && isLead,
    cancel: campaign.status === 'active' && (isLead || user.role === 'chairman'),
  };
}
