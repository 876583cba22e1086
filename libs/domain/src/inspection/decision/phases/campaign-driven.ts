/**
 * Changes a campaign makes to its inspections. The campaign decider has already decided who may
 * make them (its lead, or the chairman for a cancellation); here the inspection only checks that
 * the change still fits its own state, since the campaign's knowledge of it may lag a moment.
 * Both are sent by the campaign's workflow as `system`; `by` names the person behind them.
 */
import { HandlerTable } from '../context';
import { requireText } from '../validation';
import { isTerminal } from '../../visibility';
import { LIMITS } from '../../../shared/limits';
import { conflict, isRejection } from '../../../shared/rejection';

export const campaignDrivenHandlers: Pick<HandlerTable, 'FollowCampaignTeam' | 'CancelWithCampaign'> = {
  FollowCampaignTeam: ({ state: s, command }) => {
    if (isTerminal(s.status)) return conflict(`The team of the inspection stays as it was: it is already ${s.status}.`);
    const team = { leadInspectorId: command.team.leadInspectorId, inspectorIds: [...command.team.inspectorIds] };
    const same = team.leadInspectorId === s.team.leadInspectorId && team.inspectorIds.join() === s.team.inspectorIds.join();
    if (same) return [];
    return [{ type: 'InspectionTeamChanged', data: { team, previousTeam: s.team, by: command.by } }];
  },

  CancelWithCampaign: ({ state: s, command }) => {
    if (isTerminal(s.status)) return conflict(`Cannot cancel the inspection: it is already ${s.status}.`);
    // A target may be removed only while secret; once its visit started it must be cancelled openly.
    if (command.cause === 'target_removed' && s.status !== 'planned') return conflict(`Cannot remove the target: its inspection is ${s.status}.`);
    const reason = requireText(command.reason, 'reason', LIMITS.text.long);
    if (isRejection(reason)) return reason;
    return [{ type: 'InspectionCancelled', data: { reason, statusBefore: s.status, cause: command.cause, by: command.by } }];
  },
};
