import { InspectionCommand, InspectionCommandType, SYSTEM_COMMANDS } from './commands';
import { InspectionEvent } from './events';
import { evolve, assertNever } from './evolve';
import { ACCOUNTABILITY_OUTCOMES, Evidence, FindingContent, InspectionStatus, RATINGS, ReminderSubject, ResponseItem, SEVERITIES, VisitWindow } from './model';
import { ActionState, FindingState, InspectionState } from './state';
import { canSeeInspection, isTeamMember, isTerminal } from './visibility';
import { approvedContentHash, approvedSnapshot } from './approval';
import { deadlineAfter, defaultCalendar, WorkingCalendar } from '../calendar';
import { findChecklist, findCriterion } from '../checklist/templates';
import { Actor, isUser, UserActor } from '../shared/actor';
import { conflict, FieldError, forbidden, invalid, isRejection, notFound, Rejection } from '../shared/rejection';
import { isStorableText } from '../shared/text';
import { dueInstant, iso, startInstant } from '../shared/time';

export interface DecisionContext {
  /** The moment the command takes effect: workflow time, or the paper date of a back-filled record. */
  readonly now: Date;
  /** Names new things (corrective actions, accountability cases). Deterministic inside a workflow. */
  readonly newId: () => string;
  readonly calendar?: WorkingCalendar;
}

export type Decision = InspectionEvent[] | Rejection;

/** Bounds the domain enforces itself, whatever the edge already checked. */
export const LIMITS = {
  shortText: 200,
  longText: 10_000,
  evidenceItems: 50,
  people: 50,
  actions: 200,
  responseItems: 500,
};

/**
 * decide(state, command, actor) → the events that follow, or a rejection a person can read.
 * Checks run in the order a user would want to hear about them: whether the inspection exists
 * for you (404), whether you may do this (403), whether it can be done now (409), and whether
 * what you sent makes sense (400). Closing follows by itself when the last action is verified.
 */
export function decide(state: InspectionState | undefined, command: InspectionCommand, actor: Actor, ctx: DecisionContext): Decision {
  if (command.type === 'PlanInspection') return plan(state, command, actor, ctx);
  if (!state) return notFound('Inspection not found.');

  const isSystemCommand = SYSTEM_COMMANDS.has(command.type);
  if (isUser(actor)) {
    if (!canSeeInspection(actor, state)) return notFound('Inspection not found.');
    if (isSystemCommand) return forbidden(`${command.type} is done by the system's timers, not by a person.`);
  } else if (!isSystemCommand) {
    return forbidden(`${command.type} must be sent by a person, not by the system.`);
  }
  if (new Date(state.lastEventAt).getTime() > ctx.now.getTime()) {
    return invalid(`A command cannot take effect at ${iso(ctx.now)}, before the inspection's last event (${state.lastEventAt}).`);
  }

  const decided = decideCommand(state, command, actor, ctx);
  if (isRejection(decided)) return decided;
  return withClosure(state, decided, actor, ctx);
}

function decideCommand(s: InspectionState, command: Exclude<InspectionCommand, { type: 'PlanInspection' }>, actor: Actor, ctx: DecisionContext): Decision {
  const user = isUser(actor) ? actor : undefined;
  const now = ctx.now;
  const calendar = ctx.calendar ?? defaultCalendar;
  switch (command.type) {
    case 'RescheduleVisit': {
      const denied = requireLead(user, s, 'reschedule the visit') ?? requireStatus(s, ['planned'], 'reschedule the visit');
      if (denied) return denied;
      const window = resolveWindow(command.windowStart, command.windowEnd, now);
      if (isRejection(window)) return window;
      return [{ type: 'VisitRescheduled', data: { window, previousWindow: s.window } }];
    }

    case 'StartVisit': {
      const denied = requireLead(user, s, 'start the visit') ?? requireStatus(s, ['planned'], 'start the visit');
      if (denied) return denied;
      if (now.getTime() < Date.parse(s.window.opensAt)) {
        return conflict(`The visit window opens at ${s.window.opensAt} (${s.window.windowStart}); the visit cannot start before it.`);
      }
      if (now.getTime() > Date.parse(s.window.closesAt)) {
        return conflict(`The visit window closed at ${s.window.closesAt} (${s.window.windowEnd}); reschedule the visit first.`);
      }
      return [{ type: 'VisitStarted', data: { startedAt: iso(now) } }];
    }

    case 'RecordFinding': {
      const denied = requireTeamMember(user, s, 'record a finding') ?? requireStatus(s, ['in_progress'], 'record a finding');
      if (denied) return denied;
      if (s.findings.some((f) => f.id === command.findingId)) return conflict(`A finding with id ${command.findingId} already exists.`);
      const content = validateFindingContent(s, {
        criterionCode: command.criterionCode,
        severity: command.severity,
        description: command.description,
        evidence: command.evidence ?? [],
        people: command.people ?? [],
      });
      if (isRejection(content)) return content;
      return [{ type: 'FindingRecorded', data: { findingId: command.findingId, authorId: user!.userId, ...(content as FindingContent) } }];
    }

    case 'AmendFinding': {
      if (!user || !isTeamMember(user, s.team)) return forbidden('Only the author of a finding may amend it.');
      const busy = requireStatus(s, ['in_progress'], 'amend a finding');
      if (busy) return busy;
      const finding = findFinding(s, command.findingId);
      if (!finding) return notFound(`Finding ${command.findingId} not found.`);
      if (user.userId !== finding.authorId) return forbidden('Only the author of a finding may amend it.');
      const denied = requireOpenFinding(finding, 'amend');
      if (denied) return denied;
      const requested = command.changes ?? {};
      const keys = FINDING_CONTENT_KEYS.filter((key) => requested[key] !== undefined);
      if (keys.length === 0) return invalid('Nothing to amend: send at least one field to change.');
      const merged = validateFindingContent(s, { ...pickContent(finding), ...Object.fromEntries(keys.map((key) => [key, requested[key]])) });
      if (isRejection(merged)) return merged;
      const changes = Object.fromEntries(keys.map((key) => [key, merged[key]])) as Partial<FindingContent>;
      return [{ type: 'FindingAmended', data: { findingId: finding.id, changes } }];
    }

    case 'WithdrawFinding': {
      const refused = forbidden('Only the author of a finding or the lead inspector may withdraw it.');
      if (!user || !isTeamMember(user, s.team)) return refused;
      const busy = requireStatus(s, ['in_progress'], 'withdraw a finding');
      if (busy) return busy;
      const finding = findFinding(s, command.findingId);
      if (!finding) return notFound(`Finding ${command.findingId} not found.`);
      if (user.userId !== finding.authorId && user.userId !== s.team.leadInspectorId) return refused;
      const denied = requireOpenFinding(finding, 'withdraw');
      if (denied) return denied;
      const reason = requireText(command.reason, 'reason', LIMITS.longText);
      if (isRejection(reason)) return reason;
      return [{ type: 'FindingWithdrawn', data: { findingId: finding.id, reason, withdrawnBy: user.userId } }];
    }

    case 'EndVisit': {
      const denied = requireLead(user, s, 'end the visit') ?? requireStatus(s, ['in_progress'], 'end the visit');
      if (denied) return denied;
      const conclusionDueAt = deadlineAfter(now, s.policy.conclusionDeadline, calendar);
      return [{ type: 'VisitEnded', data: { endedAt: iso(now), conclusionDueAt: iso(conclusionDueAt) } }];
    }

    case 'SubmitConclusion': {
      const denied = requireLead(user, s, 'submit the conclusion') ?? requireStatus(s, ['drafting'], 'submit the conclusion');
      if (denied) return denied;
      return submitConclusion(s, command, now, calendar);
    }

    case 'RecordDissent': {
      if (!user || user.role !== 'inspector' || !s.team.inspectorIds.includes(user.userId)) {
        return forbidden("Only an inspector of this inspection's team may record a dissent.");
      }
      const denied = requireStatus(s, ['drafting', 'awaiting_approval'], 'record a dissent');
      if (denied) return denied;
      const text = requireText(command.text, 'text', LIMITS.longText);
      if (isRejection(text)) return text;
      return [{ type: 'DissentRecorded', data: { authorId: user.userId, text } }];
    }

    case 'ReturnConclusion': {
      const denied = requireChairman(user, 'return the conclusion') ?? requireStatus(s, ['awaiting_approval'], 'return the conclusion');
      if (denied) return denied;
      const comment = requireText(command.comment, 'comment', LIMITS.longText);
      if (isRejection(comment)) return comment;
      return [{ type: 'ConclusionReturned', data: { comment } }];
    }

    case 'ApproveConclusion': {
      const denied = requireChairman(user, 'approve the conclusion') ?? requireStatus(s, ['awaiting_approval'], 'approve the conclusion');
      if (denied) return denied;
      const approved = approvedSnapshot(s);
      const contentHash = approvedContentHash(approved);
      if (command.contentHash !== undefined && command.contentHash !== contentHash) {
        return conflict('The conclusion changed since you read it (its content hash differs); read it again before approving.');
      }
      // With nothing to remedy the unit is only informed: no response is due, and closure follows.
      const responseDueAt = approved.conclusion.actions.length > 0 ? iso(deadlineAfter(now, s.policy.responseDeadline, calendar)) : undefined;
      return [
        { type: 'ConclusionApproved', data: { contentHash, approved } },
        { type: 'UnitNotified', data: responseDueAt ? { unitId: s.unitId, responseDueAt } : { unitId: s.unitId } },
      ];
    }

    case 'SubmitResponse': {
      const denied = requireUnitHead(user, s, 'respond to the conclusion') ?? requireStatus(s, ['awaiting_response'], 'submit a response');
      if (denied) return denied;
      return submitResponse(s, command.items, now, ctx);
    }

    case 'RequestExtension': {
      const denied = requireUnitHead(user, s, 'request an extension') ?? requireStatus(s, ['awaiting_response'], 'request an extension');
      if (denied) return denied;
      if (s.extension) return conflict(`An extension may be requested only once; it was already requested (${s.extension.status}).`);
      const reason = requireText(command.reason, 'reason', LIMITS.longText);
      if (isRejection(reason)) return reason;
      const requestedDueAt = dueInstant(command.requestedDeadline);
      if (!requestedDueAt) return invalid('Invalid requested deadline.', [{ field: 'requestedDeadline', message: DATE_HINT }]);
      const currentDueAt = s.responseDeadline!.dueAt;
      if (requestedDueAt.getTime() <= Date.parse(currentDueAt)) {
        return invalid('The requested deadline must be later than the current one.', [
          { field: 'requestedDeadline', message: `must be after the current deadline ${currentDueAt}` },
        ]);
      }
      return [{ type: 'ExtensionRequested', data: { reason, requestedDeadline: command.requestedDeadline, requestedDueAt: iso(requestedDueAt), currentDueAt } }];
    }

    case 'DecideExtension': {
      const denied = requireLead(user, s, 'decide an extension request') ?? requireStatus(s, ['awaiting_response'], 'decide an extension request');
      if (denied) return denied;
      if (s.extension?.status !== 'pending') return conflict('There is no pending extension request to decide.');
      const note = requireText(command.note, 'note', LIMITS.longText, { allowEmpty: true });
      if (isRejection(note)) return note;
      const previousDueAt = s.responseDeadline!.dueAt;
      if (command.decision === 'refused') {
        return [{ type: 'ExtensionDecided', data: { decision: 'refused', note, previousDueAt } }];
      }
      if (command.decision !== 'granted') return invalid('Invalid decision.', [{ field: 'decision', message: 'must be "granted" or "refused"' }]);
      const deadline = command.deadline ?? s.extension.requestedDeadline;
      const newDueAt = dueInstant(deadline);
      if (!newDueAt) return invalid('Invalid deadline.', [{ field: 'deadline', message: DATE_HINT }]);
      if (newDueAt.getTime() <= now.getTime()) {
        return invalid('A granted deadline must be in the future.', [{ field: 'deadline', message: 'must be in the future' }]);
      }
      if (newDueAt.getTime() <= Date.parse(previousDueAt)) {
        return invalid('A granted deadline must be later than the current one.', [{ field: 'deadline', message: `must be after the current deadline ${previousDueAt}` }]);
      }
      return [{ type: 'ExtensionDecided', data: { decision: 'granted', note, previousDueAt, newDueAt: iso(newDueAt) } }];
    }

    case 'ResolveDispute': {
      const denied = requireLead(user, s, 'resolve a dispute') ?? requireStatus(s, ['remediating'], 'resolve a dispute');
      if (denied) return denied;
      const finding = findFinding(s, command.findingId);
      if (!finding) return notFound(`Finding ${command.findingId} not found.`);
      if (finding.dispute?.status !== 'pending') return conflict(`Finding ${finding.id} has no pending dispute.`);
      if (command.decision !== 'upheld' && command.decision !== 'withdrawn') {
        return invalid('Invalid decision.', [{ field: 'decision', message: 'must be "upheld" or "withdrawn"' }]);
      }
      const note = requireText(command.note, 'note', LIMITS.longText, { allowEmpty: true });
      if (isRejection(note)) return note;
      const events: InspectionEvent[] = [{ type: 'DisputeResolved', data: { findingId: finding.id, decision: command.decision, note } }];
      const required = s.approval?.approved.conclusion.actions.find((a) => a.findingId === finding.id);
      if (command.decision === 'upheld' && required) {
        events.push({
          type: 'CorrectiveActionPlanned',
          data: {
            actionId: ctx.newId(),
            findingId: finding.id,
            requirement: required.requirement,
            owner: UPHELD_ACTION_OWNER,
            dueDate: required.dueDate,
            dueAt: required.dueAt,
            requiredDueAt: required.dueAt,
          },
        });
      }
      return events;
    }

    case 'ReportAction': {
      const denied = requireUnitHead(user, s, 'report a corrective action') ?? requireStatus(s, ['remediating'], 'report a corrective action');
      if (denied) return denied;
      const action = findAction(s, command.actionId);
      if (!action) return notFound(`Corrective action ${command.actionId} not found.`);
      if (action.status !== 'open' && action.status !== 'rejected') {
        return conflict(`Corrective action ${action.id} is ${action.status}; only an open or rejected action can be reported.`);
      }
      const note = requireText(command.note, 'note', LIMITS.longText);
      if (isRejection(note)) return note;
      const evidence = validateEvidence(command.evidence ?? []);
      if (isRejection(evidence)) return evidence;
      return [{ type: 'CorrectiveActionReported', data: { actionId: action.id, note, evidence } }];
    }

    case 'VerifyAction': {
      const denied = requireLead(user, s, 'verify a corrective action') ?? requireStatus(s, ['remediating'], 'verify a corrective action');
      if (denied) return denied;
      const action = findAction(s, command.actionId);
      if (!action) return notFound(`Corrective action ${command.actionId} not found.`);
      if (action.status !== 'reported') {
        return conflict(`Corrective action ${action.id} is ${action.status}; only a reported action can be verified.`);
      }
      const note = requireText(command.note, 'note', LIMITS.longText, { allowEmpty: command.decision === 'verified' });
      if (isRejection(note)) return note;
      if (command.decision === 'verified') return [{ type: 'CorrectiveActionVerified', data: { actionId: action.id, note } }];
      if (command.decision !== 'rejected') return invalid('Invalid decision.', [{ field: 'decision', message: 'must be "verified" or "rejected"' }]);
      if (!command.newDueDate) return invalid('A rejection needs a new due date.', [{ field: 'newDueDate', message: 'is required when rejecting' }]);
      const newDueAt = validateDueDate(command.newDueDate, 'newDueDate', now, s, calendar);
      if (isRejection(newDueAt)) return newDueAt;
      const rejectionCount = action.rejections + 1;
      const events: InspectionEvent[] = [
        { type: 'CorrectiveActionRejected', data: { actionId: action.id, note, newDueDate: command.newDueDate, newDueAt: iso(newDueAt), rejectionCount } },
      ];
      if (rejectionCount === 2) {
        events.push({ type: 'AccountabilityCaseOpened', data: { caseId: ctx.newId(), reason: 'action_rejected_twice', unitId: s.unitId, actionId: action.id } });
      }
      return events;
    }

    case 'ScheduleFollowUp': {
      const denied = requireLead(user, s, 'schedule a follow-up inspection') ?? requireStatus(s, ['remediating', 'closed'], 'schedule a follow-up inspection');
      if (denied) return denied;
      if (command.followUpInspectionId === s.id || s.followUps.includes(command.followUpInspectionId)) {
        return conflict(`Follow-up inspection ${command.followUpInspectionId} already exists.`);
      }
      const window = resolveWindow(command.windowStart, command.windowEnd, now);
      if (isRejection(window)) return window;
      return [{ type: 'FollowUpScheduled', data: { followUpInspectionId: command.followUpInspectionId, window } }];
    }

    case 'CancelInspection': {
      if (!user || !(isLead(user, s) || user.role === 'chairman')) {
        return forbidden("Only the campaign's lead inspector or the chairman may cancel an inspection.");
      }
      if (isTerminal(s.status)) return conflict(`Cannot cancel the inspection: it is already ${s.status}.`);
      const reason = requireText(command.reason, 'reason', LIMITS.longText);
      if (isRejection(reason)) return reason;
      return [{ type: 'InspectionCancelled', data: { reason, statusBefore: s.status } }];
    }

    case 'DecideAccountability': {
      const denied = requireChairman(user, 'decide an accountability case');
      if (denied) return denied;
      const found = s.cases.find((c) => c.id === command.caseId);
      if (!found) return notFound(`Accountability case ${command.caseId} not found.`);
      if (found.status !== 'open') return conflict(`Accountability case ${found.id} was already decided (${found.outcome}).`);
      if (!ACCOUNTABILITY_OUTCOMES.includes(command.outcome)) {
        return invalid('Invalid outcome.', [{ field: 'outcome', message: `must be one of ${ACCOUNTABILITY_OUTCOMES.join(', ')}` }]);
      }
      const note = requireText(command.note, 'note', LIMITS.longText);
      if (isRejection(note)) return note;
      return [{ type: 'AccountabilityDecided', data: { caseId: found.id, outcome: command.outcome, note } }];
    }

    case 'MarkVisitWindowMissed': {
      const busy = requireStatus(s, ['planned'], 'mark the visit window missed');
      if (busy) return busy;
      if (s.windowMissed) return conflict('The visit window was already marked missed.');
      if (now.getTime() < Date.parse(s.window.closesAt)) return conflict('The visit window has not closed yet.');
      return [{ type: 'VisitWindowMissed', data: { window: s.window } }];
    }

    case 'SendReminder': {
      const busy = requireStatus(s, [REMINDER_STATUS[command.subject]], `send a ${command.subject} reminder`);
      if (busy) return busy;
      if (s.remindersSent.includes(command.reminderKey)) return conflict('This reminder was already sent.');
      return [{ type: 'ReminderSent', data: { subject: command.subject, dueAt: command.dueAt, reminderKey: command.reminderKey, actionId: command.actionId } }];
    }

    case 'MarkConclusionOverdue': {
      const busy = requireStatus(s, ['drafting'], 'mark the conclusion overdue');
      if (busy) return busy;
      if (s.conclusionOverdue || !s.conclusionDeadline) return conflict('No conclusion deadline is running.');
      if (now.getTime() < Date.parse(s.conclusionDeadline.dueAt)) return conflict('The conclusion deadline has not passed.');
      return [{ type: 'ConclusionOverdue', data: { dueAt: s.conclusionDeadline.dueAt } }];
    }

    case 'MarkResponseOverdue': {
      const busy = requireStatus(s, ['awaiting_response'], 'mark the response overdue');
      if (busy) return busy;
      if (s.responseOverdue || !s.responseDeadline) return conflict('No response deadline is running.');
      if (now.getTime() < Date.parse(s.responseDeadline.dueAt)) return conflict('The response deadline has not passed.');
      return [
        { type: 'ResponseOverdue', data: { dueAt: s.responseDeadline.dueAt } },
        { type: 'AccountabilityCaseOpened', data: { caseId: ctx.newId(), reason: 'response_overdue', unitId: s.unitId } },
      ];
    }

    case 'MarkActionOverdue': {
      const busy = requireStatus(s, ['remediating'], 'mark a corrective action overdue');
      if (busy) return busy;
      const action = findAction(s, command.actionId);
      if (!action) return notFound(`Corrective action ${command.actionId} not found.`);
      if (action.overdue || (action.status !== 'open' && action.status !== 'rejected')) {
        return conflict(`Corrective action ${action.id} is not open.`);
      }
      if (now.getTime() < Date.parse(action.dueAt)) return conflict(`Corrective action ${action.id} is not due yet.`);
      return [{ type: 'CorrectiveActionOverdue', data: { actionId: action.id, dueAt: action.dueAt } }];
    }

    default:
      return assertNever(command);
  }
}

const FINDING_CONTENT_KEYS = ['criterionCode', 'severity', 'description', 'evidence', 'people'] as const;

const REMINDER_STATUS: Record<ReminderSubject, InspectionStatus> = {
  conclusion: 'drafting',
  response: 'awaiting_response',
  verification: 'remediating',
};

/** Who owns an action planned because the lead upheld a disputed finding. */
export const UPHELD_ACTION_OWNER = 'Thủ trưởng đơn vị (head of unit)';

function plan(state: InspectionState | undefined, command: Extract<InspectionCommand, { type: 'PlanInspection' }>, actor: Actor, ctx: DecisionContext): Decision {
  if (isUser(actor) && actor.role !== 'lead_inspector') return forbidden('Only a lead inspector may plan an inspection.');
  if (state) return conflict(`Inspection ${command.inspectionId} already exists (it is ${state.status}).`);
  if (!findChecklist(command.checklistVersion)) return invalid(`Unknown checklist version ${command.checklistVersion}.`);
  const window = resolveWindow(command.windowStart, command.windowEnd, ctx.now);
  if (isRejection(window)) return window;
  return [
    {
      type: 'InspectionPlanned',
      data: {
        inspectionId: command.inspectionId,
        campaignId: command.campaignId,
        unitId: command.unitId,
        year: command.year,
        team: command.team,
        policy: command.policy,
        checklistVersion: command.checklistVersion,
        window,
        ...(command.followUpOf ? { followUpOf: command.followUpOf } : {}),
      },
    },
  ];
}

const DATE_HINT = 'must be a date (YYYY-MM-DD) or a date-time with an offset (ISO 8601)';

/** Checks a visit window and resolves it to instants; it must end in the future. */
export function resolveWindow(windowStart: string, windowEnd: string, now: Date, fieldPrefix = ''): VisitWindow | Rejection {
  const opensAt = startInstant(windowStart);
  const closesAt = dueInstant(windowEnd);
  const errors: FieldError[] = [];
  if (!opensAt) errors.push({ field: `${fieldPrefix}windowStart`, message: DATE_HINT });
  if (!closesAt) errors.push({ field: `${fieldPrefix}windowEnd`, message: DATE_HINT });
  if (opensAt && closesAt && closesAt.getTime() < opensAt.getTime()) {
    errors.push({ field: `${fieldPrefix}windowEnd`, message: 'must not be before windowStart' });
  }
  if (closesAt && closesAt.getTime() <= now.getTime()) {
    errors.push({ field: `${fieldPrefix}windowEnd`, message: 'must be in the future' });
  }
  if (errors.length > 0 || !opensAt || !closesAt) return invalid('Invalid visit window.', errors);
  return { windowStart, windowEnd, opensAt: iso(opensAt), closesAt: iso(closesAt) };
}

function submitConclusion(s: InspectionState, command: Extract<InspectionCommand, { type: 'SubmitConclusion' }>, now: Date, calendar: WorkingCalendar): Decision {
  const errors: FieldError[] = [];
  const summary = requireText(command.summary, 'summary', LIMITS.longText);
  if (isRejection(summary)) errors.push(...(summary.errors ?? []));
  if (!RATINGS.includes(command.rating)) errors.push({ field: 'rating', message: `must be one of ${RATINGS.join(', ')}` });
  const actions = Array.isArray(command.actions) ? command.actions : [];
  if (!Array.isArray(command.actions)) errors.push({ field: 'actions', message: 'must be a list' });
  if (actions.length > LIMITS.actions) errors.push({ field: 'actions', message: `must have at most ${LIMITS.actions} items` });
  const seen = new Set<string>();
  const resolved = actions.map((action, index) => {
    const finding = findFinding(s, action.findingId);
    if (!finding || finding.status !== 'open') {
      errors.push({ field: `actions.${index}.findingId`, message: 'must name a finding of this inspection that was not withdrawn' });
    } else if (seen.has(finding.id)) {
      errors.push({ field: `actions.${index}.findingId`, message: 'names the same finding as an earlier action' });
    }
    seen.add(action.findingId);
    const requirement = requireText(action.requirement, `actions.${index}.requirement`, LIMITS.longText);
    if (isRejection(requirement)) errors.push(...(requirement.errors ?? []));
    const dueAt = validateDueDate(action.dueDate, `actions.${index}.dueDate`, now, s, calendar);
    if (isRejection(dueAt)) errors.push(...(dueAt.errors ?? []));
    return {
      findingId: action.findingId,
      requirement: isRejection(requirement) ? '' : requirement,
      dueDate: action.dueDate,
      dueAt: isRejection(dueAt) ? '' : iso(dueAt),
    };
  });
  if (errors.length > 0 || isRejection(summary)) return invalid('The conclusion is not valid.', errors);
  return [{ type: 'ConclusionSubmitted', data: { conclusion: { summary, rating: command.rating, actions: resolved } } }];
}

function submitResponse(s: InspectionState, items: ResponseItem[], now: Date, ctx: DecisionContext): Decision {
  const approved = s.approval!.approved;
  const required = new Map(approved.conclusion.actions.map((a) => [a.findingId, a]));
  const liveFindings = new Set(approved.findings.map((f) => f.id));
  const errors: FieldError[] = [];
  if (!Array.isArray(items) || items.length === 0) return invalid('A response needs at least one item.', [{ field: 'items', message: 'must not be empty' }]);
  if (items.length > LIMITS.responseItems) return invalid('Too many items.', [{ field: 'items', message: `at most ${LIMITS.responseItems}` }]);
  const seen = new Set<string>();
  const cleaned: ResponseItem[] = [];
  items.forEach((item, index) => {
    const at = `items.${index}`;
    if (!liveFindings.has(item.findingId)) errors.push({ field: `${at}.findingId`, message: 'must name a finding of the approved conclusion' });
    else if (seen.has(item.findingId)) errors.push({ field: `${at}.findingId`, message: 'answers the same finding twice' });
    seen.add(item.findingId);
    if (item.position !== 'accepted' && item.position !== 'disputed') {
      errors.push({ field: `${at}.position`, message: 'must be "accepted" or "disputed"' });
      return;
    }
    const explanation = requireText(item.explanation, `${at}.explanation`, LIMITS.longText, { allowEmpty: item.position === 'accepted' });
    if (isRejection(explanation)) {
      errors.push(...(explanation.errors ?? []));
      return;
    }
    const requiredAction = required.get(item.findingId);
    if (item.position === 'accepted' && requiredAction) {
      if (!item.plan) {
        errors.push({ field: `${at}.plan`, message: 'is required when accepting a finding that needs a corrective action' });
        return;
      }
      const owner = requireText(item.plan.owner, `${at}.plan.owner`, LIMITS.shortText);
      if (isRejection(owner)) errors.push(...(owner.errors ?? []));
      const planDue = dueInstant(item.plan.dueDate);
      if (!planDue) errors.push({ field: `${at}.plan.dueDate`, message: DATE_HINT });
      else if (planDue.getTime() > Date.parse(requiredAction.dueAt)) {
        errors.push({ field: `${at}.plan.dueDate`, message: `must be no later than the required due date ${requiredAction.dueDate}` });
      } else if (planDue.getTime() <= now.getTime()) {
        errors.push({ field: `${at}.plan.dueDate`, message: 'must be in the future' });
      }
      if (!isRejection(owner)) cleaned.push({ findingId: item.findingId, position: 'accepted', explanation, plan: { owner, dueDate: item.plan.dueDate } });
      return;
    }
    cleaned.push({ findingId: item.findingId, position: item.position, explanation });
  });
  const missing = [...required.keys()].filter((id) => !seen.has(id));
  if (missing.length > 0) errors.push({ field: 'items', message: `must answer every finding with a required action; missing: ${missing.join(', ')}` });
  if (errors.length > 0) return invalid('The response is not valid.', errors);

  const dueAt = s.responseDeadline!.dueAt;
  const events: InspectionEvent[] = [{ type: 'ResponseSubmitted', data: { items: cleaned, late: now.getTime() > Date.parse(dueAt), dueAt } }];
  for (const item of cleaned) {
    const requiredAction = required.get(item.findingId);
    if (item.position === 'accepted' && requiredAction && item.plan) {
      events.push({
        type: 'CorrectiveActionPlanned',
        data: {
          actionId: ctx.newId(),
          findingId: item.findingId,
          requirement: requiredAction.requirement,
          owner: item.plan.owner,
          dueDate: item.plan.dueDate,
          dueAt: iso(dueInstant(item.plan.dueDate)!),
          requiredDueAt: requiredAction.dueAt,
        },
      });
    }
  }
  return events;
}

/**
 * Appends `InspectionClosed` when the decided events leave nothing to do: every corrective action
 * verified (or its finding withdrawn) and no dispute pending; or an approval that required nothing.
 */
function withClosure(before: InspectionState, events: InspectionEvent[], actor: Actor, ctx: DecisionContext): InspectionEvent[] {
  const stamp = { occurredAt: iso(ctx.now), actor };
  const after = events.reduce((state, event) => evolve(state, { ...event, ...stamp }), before);
  const approvedNow = events.some((e) => e.type === 'ConclusionApproved');
  if (approvedNow && after.approval!.approved.conclusion.actions.length === 0) {
    return [...events, { type: 'InspectionClosed', data: {} }];
  }
  if (after.status === 'remediating' && isRemediationComplete(after)) return [...events, { type: 'InspectionClosed', data: {} }];
  return events;
}

export function isRemediationComplete(s: InspectionState): boolean {
  const withdrawn = new Set(s.findings.filter((f) => f.status === 'withdrawn').map((f) => f.id));
  const disputePending = s.findings.some((f) => f.dispute?.status === 'pending');
  const actionsDone = s.actions.every((a) => a.status === 'verified' || withdrawn.has(a.findingId));
  return !disputePending && actionsDone;
}

function validateDueDate(input: string, field: string, now: Date, s: InspectionState, calendar: WorkingCalendar): Date | Rejection {
  const dueAt = typeof input === 'string' ? dueInstant(input) : undefined;
  if (!dueAt) return invalid('Invalid due date.', [{ field, message: DATE_HINT }]);
  if (dueAt.getTime() <= now.getTime()) return invalid('A due date must be in the future.', [{ field, message: 'must be after today' }]);
  const latest = deadlineAfter(now, s.policy.remediationMaxDeadline, calendar);
  if (dueAt.getTime() > latest.getTime()) {
    return invalid('The due date is beyond what the campaign policy allows.', [{ field, message: `must be no later than ${iso(latest)}` }]);
  }
  return dueAt;
}

function validateFindingContent(s: InspectionState, content: FindingContent): FindingContent | Rejection {
  const errors: FieldError[] = [];
  if (typeof content.criterionCode !== 'string' || !findCriterion(s.checklistVersion, content.criterionCode)) {
    errors.push({ field: 'criterionCode', message: `must be a criterion of checklist ${s.checklistVersion}` });
  }
  if (!SEVERITIES.includes(content.severity)) errors.push({ field: 'severity', message: `must be one of ${SEVERITIES.join(', ')}` });
  const description = requireText(content.description, 'description', LIMITS.longText);
  if (isRejection(description)) errors.push(...(description.errors ?? []));
  const evidence = validateEvidence(content.evidence);
  if (isRejection(evidence)) errors.push(...(evidence.errors ?? []));
  const people = Array.isArray(content.people) ? content.people : [];
  if (!Array.isArray(content.people) || people.length > LIMITS.people || people.some((p) => typeof p !== 'string' || p.trim() === '' || p.length > LIMITS.shortText || !isStorableText(p))) {
    errors.push({ field: 'people', message: `must be a list of at most ${LIMITS.people} names` });
  }
  if (errors.length > 0 || isRejection(description) || isRejection(evidence)) return invalid('The finding is not valid.', errors);
  return { criterionCode: content.criterionCode, severity: content.severity, description, evidence, people: people.map((p) => p.trim()) };
}

function validateEvidence(evidence: readonly Evidence[]): Evidence[] | Rejection {
  if (!Array.isArray(evidence) || evidence.length > LIMITS.evidenceItems) {
    return invalid('Invalid evidence.', [{ field: 'evidence', message: `must be a list of at most ${LIMITS.evidenceItems} items` }]);
  }
  const errors: FieldError[] = [];
  const cleaned = evidence.map((item, index) => {
    if (item && 'attachmentId' in item && typeof item.attachmentId === 'string' && item.attachmentId.length > 0) {
      return { attachmentId: item.attachmentId };
    }
    if (item && 'text' in item && typeof item.text === 'string' && item.text.trim() !== '' && item.text.length <= LIMITS.longText && isStorableText(item.text)) {
      return { text: item.text.trim() };
    }
    errors.push({ field: `evidence.${index}`, message: 'must be { attachmentId } or { text }' });
    return item;
  });
  return errors.length > 0 ? invalid('Invalid evidence.', errors) : cleaned;
}

function requireText(value: unknown, field: string, max: number, options: { allowEmpty?: boolean } = {}): string | Rejection {
  if (typeof value !== 'string' && !(options.allowEmpty && value === undefined)) {
    return invalid(`${field} is required.`, [{ field, message: 'must be a text' }]);
  }
  const text = (value ?? '').trim();
  if (!isStorableText(text)) return invalid(`${field} contains characters that cannot be stored.`, [{ field, message: 'must not contain NUL characters or lone surrogates' }]);
  if (!options.allowEmpty && text === '') return invalid(`${field} is required.`, [{ field, message: 'must not be empty' }]);
  if (text.length > max) return invalid(`${field} is too long.`, [{ field, message: `must be at most ${max} characters` }]);
  return text;
}

function pickContent(f: FindingState): FindingContent {
  return { criterionCode: f.criterionCode, severity: f.severity, description: f.description, evidence: f.evidence, people: f.people };
}

function findFinding(s: InspectionState, id: string): FindingState | undefined {
  return s.findings.find((f) => f.id === id);
}

function findAction(s: InspectionState, id: string): ActionState | undefined {
  return s.actions.find((a) => a.id === id);
}

function requireOpenFinding(finding: FindingState, verb: string): Rejection | undefined {
  return finding.status === 'open' ? undefined : conflict(`Cannot ${verb} finding ${finding.id}: it was withdrawn.`);
}

function isLead(user: UserActor, s: InspectionState): boolean {
  return user.role === 'lead_inspector' && user.userId === s.team.leadInspectorId;
}

function requireLead(user: UserActor | undefined, s: InspectionState, what: string): Rejection | undefined {
  return user && isLead(user, s) ? undefined : forbidden(`Only the campaign's lead inspector may ${what}.`);
}

function requireChairman(user: UserActor | undefined, what: string): Rejection | undefined {
  return user?.role === 'chairman' ? undefined : forbidden(`Only the chairman may ${what}.`);
}

function requireUnitHead(user: UserActor | undefined, s: InspectionState, what: string): Rejection | undefined {
  return user?.role === 'unit_head' && user.unitId === s.unitId ? undefined : forbidden(`Only the head of the inspected unit may ${what}.`);
}

function requireTeamMember(user: UserActor | undefined, s: InspectionState, what: string): Rejection | undefined {
  return user && (user.role === 'inspector' || user.role === 'lead_inspector') && isTeamMember(user, s.team)
    ? undefined
    : forbidden(`Only a member of the inspection team may ${what}.`);
}

function requireStatus(s: InspectionState, allowed: InspectionStatus[], what: string): Rejection | undefined {
  if (allowed.includes(s.status)) return undefined;
  const expected = allowed.length === 1 ? allowed[0] : `${allowed.slice(0, -1).join(', ')} or ${allowed[allowed.length - 1]}`;
  return conflict(`Cannot ${what}: the inspection is ${s.status} (it must be ${expected}).`);
}

export type { InspectionCommandType };
