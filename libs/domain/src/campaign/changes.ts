/**
 * Changes to a running campaign, each an event of its stream: its title and legal basis, its
 * team, a planned target removed, the whole campaign cancelled. The inspections follow the team
 * and the cancellations through their own streams (`ordersFor` says what each must be told); the
 * campaign workflow delivers those orders.
 *
 * Who may: the campaign's lead changes details, the team and targets; the chairman may also
 * change the team (a lead who left must be replaceable) and cancel, as with one inspection.
 * A cancelled campaign refuses every further change.
 */
import type { CampaignEvent, CampaignState } from './campaign';
import { CampaignCancellationCause, InspectionCommand } from '../inspection/commands';
import { InspectionStatus, Team } from '../inspection/model';
import { isTerminal } from '../inspection/visibility';
import { Actor, isUser, UserActor } from '../shared/actor';
import { LIMITS } from '../shared/limits';
import { conflict, FieldError, forbidden, invalid, Rejection } from '../shared/rejection';
import { isStorableText } from '../shared/text';

export type CampaignStatus = 'active' | 'completed' | 'cancelled';

export interface RemovedTarget {
  readonly inspectionId: string;
  readonly unitId: string;
  readonly reason: string;
  readonly at: string;
}

export type CampaignChangeCommand =
  | { type: 'ChangeCampaignDetails'; title?: string; legalBasis?: string }
  | { type: 'ChangeCampaignTeam'; leadInspectorId: string; inspectorIds: string[] }
  | { type: 'RemoveTarget'; inspectionId: string; reason: string }
  | { type: 'CancelCampaign'; reason: string };

export type CampaignChangeEvent =
  | { type: 'CampaignDetailsChanged'; data: { title: string; legalBasis: string; previousTitle: string; previousLegalBasis: string } }
  | { type: 'CampaignTeamChanged'; data: { team: Team; previousTeam: Team; added: string[]; removed: string[] } }
  | { type: 'CampaignTargetRemoved'; data: { inspectionId: string; unitId: string; reason: string } }
  | { type: 'CampaignCancelled'; data: { reason: string; openInspectionIds: string[] } };

interface StampedChange {
  readonly type: CampaignChangeEvent['type'];
  readonly data: unknown;
  readonly actor: Actor;
  readonly occurredAt: string;
}

export function evolveCampaignChange(state: CampaignState, event: StampedChange): CampaignState {
  const e = event as CampaignChangeEvent & StampedChange;
  switch (e.type) {
    case 'CampaignDetailsChanged':
      return { ...state, title: e.data.title, legalBasis: e.data.legalBasis };
    case 'CampaignTeamChanged':
      return { ...state, team: e.data.team };
    case 'CampaignTargetRemoved': {
      const removed: RemovedTarget = { inspectionId: e.data.inspectionId, unitId: e.data.unitId, reason: e.data.reason, at: e.occurredAt };
      return {
        ...state,
        targets: state.targets.filter((t) => t.inspectionId !== e.data.inspectionId),
        removedTargets: [...(state.removedTargets ?? []), removed],
        inspectionStatus: { ...state.inspectionStatus, [e.data.inspectionId]: 'cancelled' },
      };
    }
    case 'CampaignCancelled':
      return {
        ...state,
        status: 'cancelled',
        completedAt: undefined,
        cancellation: { reason: e.data.reason, at: e.occurredAt, by: isUser(e.actor) ? e.actor.userId : 'system' },
      };
  }
}

export function decideCampaignChange(state: CampaignState, command: CampaignChangeCommand, actor: Actor): CampaignChangeEvent[] | Rejection {
  const user = isUser(actor) ? actor : undefined;
  const isLead = user?.role === 'lead_inspector' && user.userId === state.team.leadInspectorId;
  const isChairman = user?.role === 'chairman';
  if (state.status === 'cancelled') return conflict('The campaign is cancelled: it cannot be changed any more.');
  switch (command.type) {
    case 'ChangeCampaignDetails': {
      if (!isLead) return forbidden("Only the campaign's lead inspector may change its title and legal basis.");
      const errors: FieldError[] = [];
      const title = command.title === undefined ? state.title : checkText(command.title, 'title', LIMITS.campaign.title, errors);
      const legalBasis = command.legalBasis === undefined ? state.legalBasis : checkText(command.legalBasis, 'legalBasis', LIMITS.campaign.legalBasis, errors);
      if (errors.length > 0) return invalid('The change is not valid.', errors);
      if (title === state.title && legalBasis === state.legalBasis) return [];
      return [{ type: 'CampaignDetailsChanged', data: { title, legalBasis, previousTitle: state.title, previousLegalBasis: state.legalBasis } }];
    }
    case 'ChangeCampaignTeam': {
      if (!isLead && !isChairman) return forbidden("Only the campaign's lead inspector or the chairman may change its team.");
      const errors = checkTeam(command);
      if (errors.length > 0) return invalid('The team is not valid.', errors);
      const team: Team = { leadInspectorId: command.leadInspectorId, inspectorIds: [...new Set(command.inspectorIds)] };
      const before = new Set([state.team.leadInspectorId, ...state.team.inspectorIds]);
      const after = new Set([team.leadInspectorId, ...team.inspectorIds]);
      const added = [...after].filter((id) => !before.has(id));
      const removed = [...before].filter((id) => !after.has(id));
      const same = team.leadInspectorId === state.team.leadInspectorId && team.inspectorIds.join() === state.team.inspectorIds.join();
      if (same) return [];
      return [{ type: 'CampaignTeamChanged', data: { team, previousTeam: state.team, added, removed } }];
    }
    case 'RemoveTarget': {
      if (!isLead) return forbidden("Only the campaign's lead inspector may remove a unit from it.");
      const target = state.targets.find((t) => t.inspectionId === command.inspectionId);
      if (!target) return conflict('That inspection is not a target of this campaign (any more).');
      const status = state.inspectionStatus[target.inspectionId] ?? 'planned';
      if (status !== 'planned') return targetNotRemovable(status);
      const errors: FieldError[] = [];
      const reason = checkText(command.reason, 'reason', LIMITS.text.long, errors);
      if (errors.length > 0) return invalid('The reason is not valid.', errors);
      return [{ type: 'CampaignTargetRemoved', data: { inspectionId: target.inspectionId, unitId: target.unitId, reason } }];
    }
    case 'CancelCampaign': {
      if (!isLead && !isChairman) return forbidden("Only the campaign's lead inspector or the chairman may cancel it.");
      if (state.status !== 'active') return conflict('Cannot cancel the campaign: it is already completed.');
      const errors: FieldError[] = [];
      const reason = checkText(command.reason, 'reason', LIMITS.text.long, errors);
      if (errors.length > 0) return invalid('The reason is not valid.', errors);
      const openInspectionIds = state.targets.map((t) => t.inspectionId).filter((id) => !isTerminal(state.inspectionStatus[id] ?? 'planned'));
      return [{ type: 'CampaignCancelled', data: { reason, openInspectionIds } }];
    }
  }
}

/**
 * The refusal of a removal, also when the campaign learns the status only from the inspection's
 * answer (its own knowledge of it may lag a visit that has just started).
 */
export function targetNotRemovable(status: InspectionStatus): Rejection {
  return conflict(`Only a target whose visit has not started can be removed; its inspection is ${status}.`);
}

/** An order from a campaign to one of its inspections, sent by the campaign workflow as `system`. */
export interface InspectionOrder {
  readonly inspectionId: string;
  readonly command: Extract<InspectionCommand, { type: 'FollowCampaignTeam' | 'CancelWithCampaign' }>;
}

/**
 * What the inspections must be told after a change: every open one follows a new team; a removed
 * target and every open inspection of a cancelled campaign are cancelled with the reason.
 * `before` is the campaign as it was when the change was decided.
 */
export function ordersFor(events: readonly CampaignEvent[], before: CampaignState, by: UserActor): InspectionOrder[] {
  const cancel = (inspectionId: string, reason: string, cause: CampaignCancellationCause) => cancelOrder(inspectionId, reason, cause, by.userId);
  return events.flatMap((event): InspectionOrder[] => {
    switch (event.type) {
      case 'CampaignTeamChanged':
        return before.targets
          .filter((t) => !isTerminal(before.inspectionStatus[t.inspectionId] ?? 'planned'))
          .map((t) => ({ inspectionId: t.inspectionId, command: { type: 'FollowCampaignTeam', team: event.data.team, by: by.userId } }));
      case 'CampaignTargetRemoved':
        return [cancel(event.data.inspectionId, event.data.reason, 'target_removed')];
      case 'CampaignCancelled':
        return event.data.openInspectionIds.map((id) => cancel(id, event.data.reason, 'campaign_cancelled'));
      default:
        return [];
    }
  });
}

/**
 * A follow-up that joins a campaign already cancelled (its parent had closed, and the follow-up was
 * scheduled in the very moment of the cancellation, past the API's check) is cancelled like the
 * campaign's other open inspections, with its reason: no visit stays planned under a cancelled campaign.
 */
export function ordersForFollowUp(state: CampaignState, inspectionId: string): InspectionOrder[] {
  if (state.status !== 'cancelled' || !state.cancellation) return [];
  const { reason, by } = state.cancellation;
  return [cancelOrder(inspectionId, reason, 'campaign_cancelled', by)];
}

function cancelOrder(inspectionId: string, reason: string, cause: CampaignCancellationCause, by: string): InspectionOrder {
  return { inspectionId, command: { type: 'CancelWithCampaign', reason, cause, by } };
}

export function isCampaignChange(command: { type: string }): command is CampaignChangeCommand {
  return ['ChangeCampaignDetails', 'ChangeCampaignTeam', 'RemoveTarget', 'CancelCampaign'].includes(command.type);
}

function checkText(value: unknown, field: string, max: number, errors: FieldError[]): string {
  if (typeof value !== 'string' || value.trim() === '') errors.push({ field, message: 'must not be empty' });
  else if (!isStorableText(value)) errors.push({ field, message: 'must not contain NUL characters or lone surrogates' });
  else if (value.trim().length > max) errors.push({ field, message: `must be at most ${max} characters` });
  return typeof value === 'string' ? value.trim() : '';
}

function checkTeam(c: Extract<CampaignChangeCommand, { type: 'ChangeCampaignTeam' }>): FieldError[] {
  const errors: FieldError[] = [];
  if (typeof c.leadInspectorId !== 'string' || c.leadInspectorId === '') errors.push({ field: 'leadInspectorId', message: 'must name the lead inspector' });
  if (!Array.isArray(c.inspectorIds) || c.inspectorIds.length > LIMITS.campaign.inspectors) {
    errors.push({ field: 'inspectorIds', message: `must be a list of at most ${LIMITS.campaign.inspectors} inspectors` });
  } else if (c.inspectorIds.includes(c.leadInspectorId)) {
    errors.push({ field: 'inspectorIds', message: 'must not include the lead inspector' });
  }
  return errors;
}
