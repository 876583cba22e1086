/**
 * Every inspection command as one row of the transition table (who sends it, when it makes sense,
 * where the table allows it and what follows), for the table spec and the secrecy spec. Test code only.
 */
import { InspectionCommand } from '../src/inspection/commands';
import { InspectionEventType } from '../src/inspection/events';
import { INSPECTION_STATUSES, InspectionStatus } from '../src/inspection/model';
import { InspectionState } from '../src/inspection/state';
import { dueTimers } from '../src/inspection/timers';
import { Actor } from '../src/shared/actor';
import { RejectionCode } from '../src/shared/rejection';
import { openCase, When } from './decider-spec';
import { endOfDay, minutesAfter, people, system, T } from './fixtures';
import { conclusionCommand, planCommand, responseItems } from './inspection-stories';

export type Expectation = { accepted: InspectionEventType[] } | { rejected: RejectionCode; reason?: RegExp };


export const reminderCommand = (s: InspectionState, subject: 'conclusion' | 'response' | 'verification'): InspectionCommand => {
  const timer = dueTimers(s).find((t) => t.command.type === 'SendReminder' && t.command.subject === subject);
  return timer?.command ?? { type: 'SendReminder', subject, dueAt: endOfDay(T.responseDue), reminderKey: `${subject}:made-up` };
};

export const reminderTime = (s: InspectionState, subject: 'conclusion' | 'response' | 'verification'): string | undefined =>
  dueTimers(s).find((t) => t.command.type === 'SendReminder' && t.command.subject === subject)?.at;

export const actionIdFor = (s: InspectionState, findingId: string, fallback: string) =>
  s.actions.find((a) => a.findingId === findingId)?.id ?? fallback;

export interface MatrixRow {
  readonly name: string;
  readonly actor: Actor;
  readonly who: string;
  readonly command: (s: InspectionState) => InspectionCommand;
  /** The earliest sensible time for the command (a window, a deadline); never before the last event. */
  readonly at?: (s: InspectionState) => When | undefined;
  /** What the transition table allows, and the events that follow. */
  readonly allowedIn: Partial<Record<InspectionStatus, InspectionEventType[]>>;
  /** Cells the table answers otherwise than "409 naming the status". */
  readonly otherwise?: (status: InspectionStatus, s: InspectionState) => Expectation | undefined;
}

export const MATRIX: MatrixRow[] = [
  {
    name: 'PlanInspection',
    actor: people.lead,
    who: 'the lead',
    command: () => planCommand({ windowStart: '2026-06-08', windowEnd: '2026-06-12' }),
    allowedIn: {},
  },
  {
    name: 'RescheduleVisit',
    actor: people.lead,
    who: 'the lead',
    command: () => ({ type: 'RescheduleVisit', windowStart: '2026-06-08', windowEnd: '2026-06-12' }),
    allowedIn: { planned: ['VisitRescheduled'] },
  },
  {
    name: 'StartVisit',
    actor: people.lead,
    who: 'the lead',
    command: () => ({ type: 'StartVisit' }),
    at: () => T.visitStarted,
    allowedIn: { planned: ['VisitStarted'] },
  },
  {
    name: 'RecordFinding',
    actor: people.inspectorAn,
    who: 'an inspector of the team',
    command: () => ({
      type: 'RecordFinding',
      findingId: 'f-new',
      criterionCode: 'TS-01',
      severity: 'minor',
      description: 'Office car used for a private errand.',
    }),
    allowedIn: { in_progress: ['FindingRecorded'] },
  },
  {
    name: 'AmendFinding',
    actor: people.inspectorAn,
    who: 'its author',
    command: () => ({ type: 'AmendFinding', findingId: 'f-1', changes: { severity: 'critical' } }),
    allowedIn: { in_progress: ['FindingAmended'] },
  },
  {
    name: 'WithdrawFinding',
    actor: people.inspectorAn,
    who: 'its author',
    command: () => ({ type: 'WithdrawFinding', findingId: 'f-1', reason: 'Both officers were on approved leave.' }),
    allowedIn: { in_progress: ['FindingWithdrawn'] },
  },
  {
    name: 'EndVisit',
    actor: people.lead,
    who: 'the lead',
    command: () => ({ type: 'EndVisit' }),
    allowedIn: { in_progress: ['VisitEnded'] },
  },
  {
    name: 'SubmitConclusion',
    actor: people.lead,
    who: 'the lead',
    command: () => conclusionCommand(),
    allowedIn: { drafting: ['ConclusionSubmitted'] },
  },
  {
    name: 'RecordDissent',
    actor: people.inspectorBinh,
    who: 'an inspector of the team',
    command: () => ({ type: 'RecordDissent', text: 'The rating should be poor.' }),
    allowedIn: { drafting: ['DissentRecorded'], awaiting_approval: ['DissentRecorded'] },
  },
  {
    name: 'ReturnConclusion',
    actor: people.chairman,
    who: 'the chairman',
    command: () => ({ type: 'ReturnConclusion', comment: 'Name the officers responsible.' }),
    allowedIn: { awaiting_approval: ['ConclusionReturned'] },
  },
  {
    name: 'ApproveConclusion',
    actor: people.chairman,
    who: 'the chairman',
    command: () => ({ type: 'ApproveConclusion' }),
    allowedIn: { awaiting_approval: ['ConclusionApproved', 'UnitNotified'] },
  },
  {
    name: 'SubmitResponse',
    actor: people.unitHead,
    who: 'the head of the unit',
    command: () => ({ type: 'SubmitResponse', items: responseItems() }),
    allowedIn: {
      awaiting_response: [
        'ResponseSubmitted',
        'CorrectiveActionPlanned',
        'CorrectiveActionPlanned',
        'CorrectiveActionPlanned',
        'CorrectiveActionPlanned',
      ],
    },
  },
  {
    name: 'RequestExtension',
    actor: people.unitHead,
    who: 'the head of the unit',
    command: () => ({ type: 'RequestExtension', reason: 'The head of unit is on a training course.', requestedDeadline: '2026-04-10' }),
    allowedIn: { awaiting_response: ['ExtensionRequested'] },
  },
  {
    name: 'DecideExtension',
    actor: people.lead,
    who: 'the lead',
    command: () => ({ type: 'DecideExtension', decision: 'granted', note: '' }),
    allowedIn: {},
    otherwise: (status) => (status === 'awaiting_response' ? { rejected: 'conflict', reason: /no pending extension request/ } : undefined),
  },
  {
    name: 'ResolveDispute',
    actor: people.lead,
    who: 'the lead',
    command: () => ({ type: 'ResolveDispute', findingId: 'f-5', decision: 'upheld', note: 'No approved plan was shown.' }),
    allowedIn: { remediating: ['DisputeResolved', 'CorrectiveActionPlanned'] },
  },
  {
    name: 'ReportAction',
    actor: people.unitHead,
    who: 'the head of the unit',
    command: (s) => ({ type: 'ReportAction', actionId: actionIdFor(s, 'f-1', 'id-1'), note: 'Attendance checked daily.' }),
    allowedIn: { remediating: ['CorrectiveActionReported'] },
  },
  {
    name: 'VerifyAction',
    actor: people.lead,
    who: 'the lead',
    command: (s) => ({ type: 'VerifyAction', actionId: actionIdFor(s, 'f-2', 'id-2'), decision: 'verified', note: '' }),
    allowedIn: { remediating: ['CorrectiveActionVerified'] },
  },
  {
    name: 'ScheduleFollowUp',
    actor: people.lead,
    who: 'the lead',
    command: () => ({
      type: 'ScheduleFollowUp',
      followUpInspectionId: 'inspection-ward-3-follow-up',
      windowStart: '2026-09-14',
      windowEnd: '2026-09-18',
    }),
    allowedIn: { remediating: ['FollowUpScheduled'], closed: ['FollowUpScheduled'] },
  },
  {
    name: 'CancelInspection',
    actor: people.lead,
    who: 'the lead',
    command: () => ({ type: 'CancelInspection', reason: 'The unit was dissolved.' }),
    allowedIn: Object.fromEntries(
      INSPECTION_STATUSES.filter((s) => s !== 'closed' && s !== 'cancelled').map((s) => [s, ['InspectionCancelled' as const]]),
    ),
  },
  {
    name: 'DecideAccountability',
    actor: people.chairman,
    who: 'the chairman',
    command: (s) => ({
      type: 'DecideAccountability',
      caseId: openCase(s)?.id ?? 'case-that-does-not-exist',
      outcome: 'criticized',
      note: 'Self-criticism session at the unit.',
    }),
    // Allowed wherever an open case exists: in the representative stories, from remediation on.
    allowedIn: { remediating: ['AccountabilityDecided'], closed: ['AccountabilityDecided'], cancelled: ['AccountabilityDecided'] },
    otherwise: () => ({ rejected: 'not_found', reason: /Accountability case/ }),
  },
  {
    name: 'MarkVisitWindowMissed',
    actor: system,
    who: 'the system',
    command: () => ({ type: 'MarkVisitWindowMissed' }),
    at: (s) => minutesAfter(s.window.closesAt, 1),
    allowedIn: { planned: ['VisitWindowMissed'] },
  },
  {
    name: 'SendReminder (conclusion)',
    actor: system,
    who: 'the system',
    command: (s) => reminderCommand(s, 'conclusion'),
    at: (s) => reminderTime(s, 'conclusion'),
    allowedIn: { drafting: ['ReminderSent'] },
  },
  {
    name: 'SendReminder (response)',
    actor: system,
    who: 'the system',
    command: (s) => reminderCommand(s, 'response'),
    at: (s) => reminderTime(s, 'response'),
    allowedIn: { awaiting_response: ['ReminderSent'] },
  },
  {
    name: 'SendReminder (verification)',
    actor: system,
    who: 'the system',
    command: (s) => reminderCommand(s, 'verification'),
    at: (s) => reminderTime(s, 'verification'),
    allowedIn: { remediating: ['ReminderSent'] },
  },
  {
    name: 'MarkConclusionOverdue',
    actor: system,
    who: 'the system',
    command: () => ({ type: 'MarkConclusionOverdue' }),
    at: (s) => s.conclusionDeadline && minutesAfter(s.conclusionDeadline.dueAt, 1),
    allowedIn: { drafting: ['ConclusionOverdue'] },
  },
  {
    name: 'MarkResponseOverdue',
    actor: system,
    who: 'the system',
    command: () => ({ type: 'MarkResponseOverdue' }),
    at: (s) => s.responseDeadline && minutesAfter(s.responseDeadline.dueAt, 1),
    allowedIn: { awaiting_response: ['ResponseOverdue', 'AccountabilityCaseOpened'] },
  },
  {
    name: 'MarkActionOverdue',
    actor: system,
    who: 'the system',
    command: (s) => ({ type: 'MarkActionOverdue', actionId: actionIdFor(s, 'f-1', 'id-1') }),
    at: (s) => {
      const action = s.actions.find((a) => a.findingId === 'f-1');
      return action && minutesAfter(action.dueAt, 1);
    },
    allowedIn: { remediating: ['CorrectiveActionOverdue'] },
  },
];

export function expectationFor(row: MatrixRow, status: InspectionStatus, s: InspectionState): Expectation {
  const allowed = row.allowedIn[status];
  if (allowed) return { accepted: allowed };
  const special = row.otherwise?.(status, s);
  if (special) return special;
  if (row.actor.kind === 'user' && row.actor.role === 'unit_head' && !s.startedAt) return { rejected: 'not_found' };
  return { rejected: 'conflict', reason: new RegExp(`\\b${status}\\b`) };
}

const HTTP: Record<RejectionCode, number> = { not_found: 404, forbidden: 403, conflict: 409, invalid: 400 };

export const describeExpectation = (e: Expectation) => {
  if ('accepted' in e) return `→ ${[...new Set(e.accepted)].join(' + ')}`;
  const because = e.reason?.source.startsWith('\\b')
    ? `, naming "${e.reason.source.replace(/\\b/g, '')}"`
    : e.reason
      ? ` (${e.reason.source})`
      : '';
  return `→ ${HTTP[e.rejected]}${because}`;
};
