import { InspectionStatus, Team } from '../inspection/model';
import type { PlanInspectionCommand } from '../inspection/commands';
import { isTerminal } from '../inspection/visibility';
import { isComplete } from './completion';
import { Policy, resolvePolicy, validatePolicy } from '../policy/policy';
import { criterionCodesOf } from '../checklist/templates';
import { criterionCodesProblems } from '../checklist/validation';
import { Actor, isUser } from '../shared/actor';
import { EventShape, Stamped } from '../shared/envelope';
import { conflict, FieldError, forbidden, invalid, notFound, Rejection } from '../shared/rejection';
import { resolveWindow } from '../inspection/decision/validation';
import { isRejection } from '../shared/rejection';
import { isStorableText } from '../shared/text';
import { LIMITS } from '../shared/limits';
import { DecisionContext } from '../shared/decision-context';
import { CampaignChangeCommand, CampaignChangeEvent, CampaignStatus, decideCampaignChange, evolveCampaignChange, RemovedTarget } from './changes';

/** One unit of a campaign: the inspection that visits it. Its window lives only in that inspection's stream. */
export interface CampaignTarget {
  readonly inspectionId: string;
  readonly unitId: string;
  readonly followUpOf?: string;
}

export type CampaignEvent =
  | {
      type: 'CampaignCreated';
      data: { campaignId: string; title: string; year: number; legalBasis: string; team: Team; policy: Policy; checklistVersion: string; criterionCodes?: string[]; targets: CampaignTarget[] };
    }
  | { type: 'UnitAddedToCampaign'; data: CampaignTarget }
  | { type: 'CampaignCompleted'; data: { closed: number; cancelled: number } }
  | { type: 'CampaignReopened'; data: { inspectionId: string } }
  | CampaignChangeEvent;

/** Every campaign event type, as a record so that a new event cannot be forgotten here. */
const CAMPAIGN_EVENT_TYPES: Readonly<Record<CampaignEvent['type'], true>> = {
  CampaignCreated: true,
  UnitAddedToCampaign: true,
  CampaignCompleted: true,
  CampaignReopened: true,
  CampaignDetailsChanged: true,
  CampaignTeamChanged: true,
  CampaignTargetRemoved: true,
  CampaignCancelled: true,
};

/** Whether an event (of the log, of any stream) is a campaign's: narrows it without a cast. */
export function isCampaignEvent<E extends EventShape>(event: E): event is Extract<E, { type: CampaignEvent['type'] }> {
  return Object.hasOwn(CAMPAIGN_EVENT_TYPES, event.type);
}

export interface TargetInput {
  readonly inspectionId: string;
  readonly unitId: string;
  readonly windowStart: string;
  readonly windowEnd: string;
}

export type CampaignCommand =
  | {
      type: 'CreateCampaign';
      campaignId: string;
      title: string;
      year: number;
      legalBasis: string;
      leadInspectorId: string;
      inspectorIds: string[];
      targets: TargetInput[];
      policy?: unknown;
      checklistVersion: string;
      /** The codes of that version's criteria, resolved by the API from the stored version (absent in commands from before). */
      criterionCodes?: string[];
    }
  | ({ type: 'AddTarget' } & TargetInput)
  /** The system tells the campaign how one of its inspections stands (from the inspection workflow). */
  | { type: 'RecordInspectionStatus'; inspectionId: string; status: InspectionStatus }
  /** A follow-up inspection planned from one of this campaign's inspections joins the campaign. */
  | { type: 'AdoptFollowUp'; inspectionId: string; unitId: string; followUpOf: string }
  | CampaignChangeCommand;

export interface CampaignState {
  readonly id: string;
  readonly title: string;
  readonly year: number;
  readonly legalBasis: string;
  readonly team: Team;
  readonly policy: Policy;
  readonly checklistVersion: string;
  /** Absent for campaigns created before the codes travelled in events: see criterionCodesOf. */
  readonly criterionCodes?: readonly string[];
  readonly status: CampaignStatus;
  readonly targets: readonly CampaignTarget[];
  /** Targets removed while still planned (absent from states recorded before removal existed). */
  readonly removedTargets?: readonly RemovedTarget[];
  readonly cancellation?: { readonly reason: string; readonly at: string; readonly by: string };
  /** The latest known status of each inspection, for completion. */
  readonly inspectionStatus: Readonly<Record<string, InspectionStatus>>;
  readonly createdAt: string;
  readonly completedAt?: string;
}

export function evolveCampaign(state: CampaignState | undefined, event: Stamped<CampaignEvent>): CampaignState {
  if (event.type === 'CampaignCreated') {
    const d = event.data;
    return {
      id: d.campaignId,
      title: d.title,
      year: d.year,
      legalBasis: d.legalBasis,
      team: d.team,
      policy: d.policy,
      checklistVersion: d.checklistVersion,
      ...(d.criterionCodes ? { criterionCodes: d.criterionCodes } : {}),
      status: 'active',
      targets: d.targets,
      inspectionStatus: Object.fromEntries(d.targets.map((t) => [t.inspectionId, 'planned' as InspectionStatus])),
      createdAt: event.occurredAt,
    };
  }
  if (!state) throw new Error(`${event.type} cannot be the first event of a campaign`);
  switch (event.type) {
    case 'UnitAddedToCampaign':
      return {
        ...state,
        targets: [...state.targets, event.data],
        inspectionStatus: { ...state.inspectionStatus, [event.data.inspectionId]: 'planned' },
      };
    case 'CampaignCompleted':
      return { ...state, status: 'completed', completedAt: event.occurredAt };
    case 'CampaignReopened':
      return { ...state, status: 'active', completedAt: undefined };
    default:
      return evolveCampaignChange(state, event);
  }
}

/**
 * Campaign commands. Creating a campaign also plans one inspection per target; those
 * `InspectionPlanned` events belong to the inspections' own streams and are decided by the
 * inspection decider (see the campaign workflow), after the targets were checked here.
 * `RecordInspectionStatus` only updates the workflow's bookkeeping and may complete the campaign.
 */
export function decideCampaign(
  state: CampaignState | undefined,
  command: CampaignCommand,
  actor: Actor,
  ctx: DecisionContext,
): CampaignEvent[] | Rejection {
  const now = ctx.now;
  switch (command.type) {
    case 'CreateCampaign': {
      if (state) return conflict(`Campaign ${command.campaignId} already exists.`);
      if (!isUser(actor) || actor.role !== 'lead_inspector') return forbidden('Only a lead inspector may create a campaign.');
      const errors = validateCampaign(command, now);
      if (errors.length > 0) return invalid('The campaign is not valid.', errors);
      return [
        {
          type: 'CampaignCreated',
          data: {
            campaignId: command.campaignId,
            title: command.title.trim(),
            year: command.year,
            legalBasis: command.legalBasis.trim(),
            team: { leadInspectorId: command.leadInspectorId, inspectorIds: [...new Set(command.inspectorIds)] },
            policy: resolvePolicy(command.policy as Record<string, unknown> | undefined),
            checklistVersion: command.checklistVersion,
            ...(command.criterionCodes ? { criterionCodes: [...command.criterionCodes] } : {}),
            targets: command.targets.map((t) => ({ inspectionId: t.inspectionId, unitId: t.unitId })),
          },
        },
      ];
    }
    case 'AddTarget': {
      if (!state) return notFound('Campaign not found.');
      if (!isUser(actor) || actor.role !== 'lead_inspector' || actor.userId !== state.team.leadInspectorId) {
        return forbidden("Only the campaign's lead inspector may add a unit to it.");
      }
      if (state.status !== 'active') return conflict(`Cannot add a unit: the campaign is ${state.status}.`);
      const window = resolveWindow(command.windowStart, command.windowEnd, now);
      if (isRejection(window)) return window;
      const open = state.targets.find((t) => t.unitId === command.unitId && !isTerminal(state.inspectionStatus[t.inspectionId] ?? 'planned'));
      if (open) return conflict(`Unit ${command.unitId} already has an open inspection in this campaign.`);
      return [{ type: 'UnitAddedToCampaign', data: { inspectionId: command.inspectionId, unitId: command.unitId } }];
    }
    case 'AdoptFollowUp': {
      if (!state) return notFound('Campaign not found.');
      if (isUser(actor)) return forbidden('Follow-ups join a campaign through their parent inspection.');
      const events: CampaignEvent[] = [];
      if (state.status === 'completed') events.push({ type: 'CampaignReopened', data: { inspectionId: command.inspectionId } });
      events.push({ type: 'UnitAddedToCampaign', data: { inspectionId: command.inspectionId, unitId: command.unitId, followUpOf: command.followUpOf } });
      return events;
    }
    case 'RecordInspectionStatus': {
      if (!state) return notFound('Campaign not found.');
      if (isUser(actor)) return forbidden('Inspection status reaches a campaign from the inspection itself.');
      const statuses = { ...state.inspectionStatus, [command.inspectionId]: command.status };
      const all = Object.values(statuses);
      if (state.status === 'active' && isComplete(all)) {
        return [
          {
            type: 'CampaignCompleted',
            data: { closed: all.filter((s) => s === 'closed').length, cancelled: all.filter((s) => s === 'cancelled').length },
          },
        ];
      }
      return [];
    }
    default:
      if (!state) return notFound('Campaign not found.');
      return decideCampaignChange(state, command, actor);
  }
}

/** Records an inspection's status in the workflow's bookkeeping (not an event: the inspection's own stream has it). */
export function withInspectionStatus(state: CampaignState, inspectionId: string, status: InspectionStatus): CampaignState {
  return { ...state, inspectionStatus: { ...state.inspectionStatus, [inspectionId]: status } };
}

function validateCampaign(c: Extract<CampaignCommand, { type: 'CreateCampaign' }>, now: Date): FieldError[] {
  const errors: FieldError[] = [];
  const text = (value: unknown, field: string, max: number) => {
    if (typeof value !== 'string' || value.trim() === '') errors.push({ field, message: 'must not be empty' });
    else if (!isStorableText(value)) errors.push({ field, message: 'must not contain NUL characters or lone surrogates' });
    else if (value.length > max) errors.push({ field, message: `must be at most ${max} characters` });
  };
  text(c.title, 'title', LIMITS.campaign.title);
  text(c.legalBasis, 'legalBasis', LIMITS.campaign.legalBasis);
  if (!Number.isInteger(c.year) || c.year < 2000 || c.year > 2100) errors.push({ field: 'year', message: 'must be a year between 2000 and 2100' });
  if (!Array.isArray(c.inspectorIds) || c.inspectorIds.length > LIMITS.campaign.inspectors) {
    errors.push({ field: 'inspectorIds', message: `must be a list of at most ${LIMITS.campaign.inspectors} inspectors` });
  } else if (c.inspectorIds.includes(c.leadInspectorId)) {
    errors.push({ field: 'inspectorIds', message: 'must not include the lead inspector' });
  }
  if (typeof c.checklistVersion !== 'string' || c.checklistVersion.trim() === '') errors.push({ field: 'checklistVersion', message: 'must not be empty' });
  else if (c.criterionCodes !== undefined) errors.push(...criterionCodesProblems(c.criterionCodes));
  else if (!criterionCodesOf(c)) errors.push({ field: 'checklistVersion', message: 'is not a known checklist version' });
  errors.push(...validatePolicy(c.policy));
  if (!Array.isArray(c.targets) || c.targets.length === 0 || c.targets.length > LIMITS.campaign.targets) {
    errors.push({ field: 'targets', message: `must list 1 to ${LIMITS.campaign.targets} units` });
    return errors;
  }
  const units = new Set<string>();
  c.targets.forEach((t, index) => {
    if (units.has(t.unitId)) errors.push({ field: `targets.${index}.unitId`, message: 'appears twice in this campaign' });
    units.add(t.unitId);
    const window = resolveWindow(t.windowStart, t.windowEnd, now, `targets.${index}.`);
    if (isRejection(window)) errors.push(...(window.errors ?? []));
  });
  return errors;
}

/**
 * The command that plans the inspection of one of the campaign's targets: the campaign's year,
 * team, policy and checklist, the target's unit and window. The campaign workflow decides it with
 * the inspection decider and appends its `InspectionPlanned` with the campaign's own events.
 */
export function targetPlan(campaign: CampaignState, target: TargetInput): PlanInspectionCommand {
  return {
    type: 'PlanInspection',
    inspectionId: target.inspectionId,
    campaignId: campaign.id,
    unitId: target.unitId,
    year: campaign.year,
    team: campaign.team,
    policy: campaign.policy,
    checklistVersion: campaign.checklistVersion,
    // The version's codes travel with it, so the inspection checks findings without a read.
    ...(campaign.criterionCodes ? { criterionCodes: campaign.criterionCodes } : {}),
    windowStart: target.windowStart,
    windowEnd: target.windowEnd,
  };
}
