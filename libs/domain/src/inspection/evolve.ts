import { InspectionEvent } from './events';
import { ActionState, FindingState, InspectionState } from './state';
import { describeActor, isUser } from '../shared/actor';
import { Stamped } from '../shared/envelope';

/**
 * Folds one event into the state. Pure and total: the workflow, the projector and the
 * "as of a past date" reports all use this one function, so they cannot disagree.
 */
export function evolve(state: InspectionState | undefined, event: Stamped<InspectionEvent>): InspectionState {
  const at = event.occurredAt;
  if (event.type === 'InspectionPlanned') {
    const d = event.data;
    return {
      id: d.inspectionId,
      campaignId: d.campaignId,
      unitId: d.unitId,
      year: d.year,
      status: 'planned',
      team: d.team,
      policy: d.policy,
      checklistVersion: d.checklistVersion,
      ...(d.criterionCodes ? { criterionCodes: d.criterionCodes } : {}),
      window: d.window,
      windowMissed: false,
      plannedAt: at,
      followUpOf: d.followUpOf,
      followUps: [],
      findings: [],
      conclusionOverdue: false,
      dissents: [],
      responseOverdue: false,
      actions: [],
      cases: [],
      remindersSent: [],
      lastEventAt: at,
    };
  }
  if (!state) throw new Error(`${event.type} cannot be the first event of an inspection`);
  const next = apply(state, event);
  return { ...next, lastEventAt: at };
}

function apply(s: InspectionState, event: Stamped<InspectionEvent>): InspectionState {
  const at = event.occurredAt;
  switch (event.type) {
    case 'InspectionPlanned':
      return s;
    case 'VisitRescheduled':
      return { ...s, window: event.data.window, windowMissed: false };
    case 'VisitWindowMissed':
      return { ...s, windowMissed: true };
    case 'VisitStarted':
      return { ...s, status: 'in_progress', startedAt: event.data.startedAt };
    case 'FindingRecorded': {
      const { findingId, authorId, ...content } = event.data;
      const finding: FindingState = { id: findingId, authorId, recordedAt: at, status: 'open', ...content };
      return { ...s, findings: [...s.findings, finding] };
    }
    case 'FindingAmended':
      return updateFinding(s, event.data.findingId, (f) => ({ ...f, ...event.data.changes, amendedAt: at }));
    case 'FindingWithdrawn':
      return updateFinding(s, event.data.findingId, (f) => ({
        ...f,
        status: 'withdrawn',
        withdrawal: { reason: event.data.reason, by: event.data.withdrawnBy, at },
      }));
    case 'VisitEnded':
      return {
        ...s,
        status: 'drafting',
        visitEndedAt: event.data.endedAt,
        conclusionDeadline: { dueAt: event.data.conclusionDueAt, setAt: at },
      };
    case 'ConclusionSubmitted':
      return {
        ...s,
        status: 'awaiting_approval',
        conclusion: { ...event.data.conclusion, submittedAt: at, returns: s.conclusion?.returns ?? [] },
      };
    case 'DissentRecorded':
      return { ...s, dissents: [...s.dissents, { authorId: event.data.authorId, text: event.data.text, recordedAt: at }] };
    case 'ConclusionReturned':
      return {
        ...s,
        status: 'drafting',
        conclusion: s.conclusion && { ...s.conclusion, returns: [...s.conclusion.returns, { comment: event.data.comment, at }] },
      };
    case 'ConclusionOverdue':
      return { ...s, conclusionOverdue: true };
    case 'ConclusionApproved':
      return { ...s, approval: { contentHash: event.data.contentHash, approvedAt: at, approved: event.data.approved } };
    case 'UnitNotified':
      return event.data.responseDueAt
        ? { ...s, status: 'awaiting_response', responseDeadline: { dueAt: event.data.responseDueAt, setAt: at } }
        : { ...s, status: 'awaiting_response' };
    case 'ReminderSent':
      return { ...s, remindersSent: [...s.remindersSent, event.data.reminderKey] };
    case 'ResponseSubmitted': {
      const disputed = new Map(event.data.items.filter((i) => i.position === 'disputed').map((i) => [i.findingId, i.explanation]));
      return {
        ...s,
        status: 'remediating',
        response: { items: event.data.items, submittedAt: at, late: event.data.late },
        findings: s.findings.map((f) =>
          disputed.has(f.id) ? { ...f, dispute: { status: 'pending', explanation: disputed.get(f.id) ?? '' } } : f,
        ),
      };
    }
    case 'ResponseOverdue':
      return { ...s, responseOverdue: true };
    case 'ExtensionRequested':
      return {
        ...s,
        extension: {
          status: 'pending',
          reason: event.data.reason,
          requestedDeadline: event.data.requestedDeadline,
          requestedDueAt: event.data.requestedDueAt,
          requestedAt: at,
        },
      };
    case 'ExtensionDecided': {
      const extension = s.extension && { ...s.extension, status: event.data.decision, note: event.data.note, decidedAt: at };
      const newDueAt = event.data.newDueAt;
      return newDueAt
        ? { ...s, extension, responseDeadline: { dueAt: newDueAt, setAt: at }, responseOverdue: false }
        : { ...s, extension };
    }
    case 'DisputeResolved':
      return updateFinding(s, event.data.findingId, (f) => ({
        ...f,
        status: event.data.decision === 'withdrawn' ? 'withdrawn' : f.status,
        withdrawal:
          event.data.decision === 'withdrawn'
            ? { reason: event.data.note, by: isUser(event.actor) ? event.actor.userId : describeActor(event.actor), at }
            : f.withdrawal,
        dispute: f.dispute && { ...f.dispute, status: event.data.decision, note: event.data.note, resolvedAt: at },
      }));
    case 'CorrectiveActionPlanned': {
      const d = event.data;
      const action: ActionState = {
        id: d.actionId,
        findingId: d.findingId,
        requirement: d.requirement,
        owner: d.owner,
        dueDate: d.dueDate,
        dueAt: d.dueAt,
        requiredDueAt: d.requiredDueAt,
        status: 'open',
        overdue: false,
        plannedAt: at,
        rejections: 0,
        reports: [],
      };
      return { ...s, actions: [...s.actions, action] };
    }
    case 'CorrectiveActionReported':
      return updateAction(s, event.data.actionId, (a) => ({
        ...a,
        status: 'reported',
        reportedAt: at,
        reports: [...a.reports, { note: event.data.note, evidence: event.data.evidence, at }],
      }));
    case 'CorrectiveActionVerified':
      return updateAction(s, event.data.actionId, (a) => ({ ...a, status: 'verified', verifiedAt: at }));
    case 'CorrectiveActionRejected':
      return updateAction(s, event.data.actionId, (a) => ({
        ...a,
        status: 'rejected',
        overdue: false,
        dueDate: event.data.newDueDate,
        dueAt: event.data.newDueAt,
        rejections: event.data.rejectionCount,
        lastRejection: { note: event.data.note, at },
      }));
    case 'CorrectiveActionOverdue':
      return updateAction(s, event.data.actionId, (a) => ({ ...a, overdue: true }));
    case 'AccountabilityCaseOpened':
      return {
        ...s,
        cases: [
          ...s.cases,
          {
            id: event.data.caseId,
            reason: event.data.reason,
            unitId: event.data.unitId,
            actionId: event.data.actionId,
            openedAt: at,
            status: 'open',
          },
        ],
      };
    case 'AccountabilityDecided':
      return {
        ...s,
        cases: s.cases.map((c) =>
          c.id === event.data.caseId ? { ...c, status: 'decided', outcome: event.data.outcome, note: event.data.note, decidedAt: at } : c,
        ),
      };
    case 'FollowUpScheduled':
      return { ...s, followUps: [...s.followUps, event.data.followUpInspectionId] };
    case 'InspectionClosed':
      return { ...s, status: 'closed', closedAt: at };
    case 'DeadlineRecomputed':
      return event.data.deadline === 'conclusion'
        ? { ...s, conclusionDeadline: { dueAt: event.data.dueAt, setAt: at } }
        : { ...s, responseDeadline: { dueAt: event.data.dueAt, setAt: at } };
    case 'InspectionCancelled':
      return {
        ...s,
        status: 'cancelled',
        cancellation: {
          reason: event.data.reason,
          at,
          by: event.data.by ?? (isUser(event.actor) ? event.actor.userId : 'system'),
          statusBefore: event.data.statusBefore,
          ...(event.data.cause ? { cause: event.data.cause } : {}),
        },
      };
    case 'InspectionTeamChanged':
      return { ...s, team: event.data.team };
    default:
      return assertNever(event);
  }
}

function updateFinding(s: InspectionState, id: string, change: (f: FindingState) => FindingState): InspectionState {
  return { ...s, findings: s.findings.map((f) => (f.id === id ? change(f) : f)) };
}

function updateAction(s: InspectionState, id: string, change: (a: ActionState) => ActionState): InspectionState {
  return { ...s, actions: s.actions.map((a) => (a.id === id ? change(a) : a)) };
}

export function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}

export function fold(events: readonly Stamped<InspectionEvent>[]): InspectionState | undefined {
  return events.reduce<InspectionState | undefined>((state, event) => evolve(state, event), undefined);
}
