import { useTranslation } from 'react-i18next';
import type { Campaign } from '../../api/types';
import { useUser } from '../../session/use-session';
import { Field } from '../../ui/Field';
import { usePeople } from '../shared/directory';
import { cancelCampaign, changeDetails, changeTeam, removeTarget } from './api';
import { ChangePanel, ConfirmedChange, useChange } from './ChangePanel';
import { TeamFields } from './TeamFields';

/** The lead edits the title and the legal basis. */
export function EditDetails({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation('campaigns');
  const change = useChange(`campaign-details-${campaign.id}`, { title: campaign.title, legalBasis: campaign.legalBasis }, (body, key) =>
    changeDetails(campaign.id, body, key),
  );
  const { draft, setDraft } = change;
  return (
    <ChangePanel title={t('change.editDetails')} change={change}>
      {(error) => (
        <>
          <Field label={t('form.title')} error={error('title')}>
            {(props) => <input {...props} value={draft.title} onChange={(event) => setDraft({ ...draft, title: event.target.value })} size={60} />}
          </Field>
          <Field label={t('form.legalBasis')} error={error('legalBasis')}>
            {(props) => <textarea {...props} value={draft.legalBasis} onChange={(event) => setDraft({ ...draft, legalBasis: event.target.value })} />}
          </Field>
        </>
      )}
    </ChangePanel>
  );
}

/** The lead (or the chairman) adds or removes inspectors and may hand the lead to another lead inspector. */
export function ChangeTeam({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation('campaigns');
  const leads = usePeople('lead_inspector');
  const inspectors = usePeople('inspector');
  const change = useChange(`campaign-team-${campaign.id}`, { leadInspectorId: campaign.leadInspectorId, inspectorIds: campaign.inspectorIds }, (body, key) =>
    changeTeam(campaign.id, body, key),
  );
  return (
    <ChangePanel title={t('change.team')} hint={t('change.teamHint')} change={change}>
      {(error) => <TeamFields team={change.draft} leads={leads.data ?? []} inspectors={inspectors.data ?? []} error={error} onChange={change.setDraft} />}
    </ChangePanel>
  );
}

/** Removes a target whose visit has not started, after a confirmation with the reason. */
export function RemoveTarget({ campaignId, inspectionId, unitName }: { campaignId: string; inspectionId: string; unitName: string }) {
  const { t } = useTranslation('campaigns');
  return (
    <ConfirmedChange
      formId={`remove-target-${inspectionId}`}
      label={t('change.removeTarget')}
      buttonLabel={`${t('change.removeTarget')}: ${unitName}`}
      title={t('change.removeTargetTitle', { unit: unitName })}
      message={t('change.removeTargetMessage')}
      send={(reason, key) => removeTarget(campaignId, inspectionId, reason, key)}
    />
  );
}

/** Cancels the whole campaign (every open inspection with it), after a confirmation with the reason. */
export function CancelCampaign({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation('campaigns');
  return (
    <ConfirmedChange
      formId={`cancel-campaign-${campaign.id}`}
      label={t('change.cancel')}
      title={t('change.cancelTitle', { title: campaign.title })}
      message={t('change.cancelMessage')}
      send={(reason, key) => cancelCampaign(campaign.id, reason, key)}
    />
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
