import { pendingContentHash } from './approval';
import { InspectionCommand } from './commands';
import { UPHELD_ACTION_OWNER } from './decide';
import { InspectionEventType } from './events';
import { INSPECTION_STATUSES, InspectionStatus } from './model';
import { InspectionState } from './state';
import { dueTimers } from './timers';
import { actionFor, findingById, given, InspectionStory, openCase, When } from '../testing/decider-spec';
import { endOfDay, localTime, minutesAfter, PERSON_LABELS, PersonName, people, QUICK_POLICY, system, T } from '../testing/fixtures';
import {
  acceptItem,
  awaitingApprovalStory,
  awaitingResponseStory,
  cancelledBeforeVisitStory,
  cancelledStory,
  closedStory,
  conclusionCommand,
  disputeItem,
  draftingStory,
  FINDINGS,
  inProgressStory,
  planCommand,
  plannedStory,
  remediatingStory,
  REPRESENTATIVE_STORIES,
  responseItems,
} from '../testing/inspection-stories';
import { Actor } from '../shared/actor';
import { RejectionCode } from '../shared/rejection';

type Expectation = { accepted: InspectionEventType[] } | { rejected: RejectionCode; reason?: RegExp };

const later = (s: InspectionState, at: When | undefined): Date => {
  const next = Date.parse(s.lastEventAt) + 60_000;
  return at === undefined ? new Date(next) : new Date(Math.max(next, localTime(at).getTime()));
};

const reminderCommand = (s: InspectionState, subject: 'conclusion' | 'response' | 'verification'): InspectionCommand => {
  const timer = dueTimers(s).find((t) => t.command.type === 'SendReminder' && t.command.subject === subject);
  return timer?.command ?? { type: 'SendReminder', subject, dueAt: endOfDay(T.responseDue), reminderKey: `${subject}:made-up` };
};

const reminderTime = (s: InspectionState, subject: 'conclusion' | 'response' | 'verification'): string | undefined =>
  dueTimers(s).find((t) => t.command.type === 'SendReminder' && t.command.subject === subject)?.at;

const actionIdFor = (s: InspectionState, findingId: string, fallback: string) =>
  s.actions.find((a) => a.findingId === findingId)?.id ?? fallback;

interface MatrixRow {
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

const MATRIX: MatrixRow[] = [
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

function expectationFor(row: MatrixRow, status: InspectionStatus, s: InspectionState): Expectation {
  const allowed = row.allowedIn[status];
  if (allowed) return { accepted: allowed };
  const special = row.otherwise?.(status, s);
  if (special) return special;
  if (row.actor.kind === 'user' && row.actor.role === 'unit_head' && !s.startedAt) return { rejected: 'not_found' };
  return { rejected: 'conflict', reason: new RegExp(`\\b${status}\\b`) };
}

const HTTP: Record<RejectionCode, number> = { not_found: 404, forbidden: 403, conflict: 409, invalid: 400 };

const describeExpectation = (e: Expectation) => {
  if ('accepted' in e) return `→ ${[...new Set(e.accepted)].join(' + ')}`;
  const because = e.reason?.source.startsWith('\\b')
    ? `, naming "${e.reason.source.replace(/\\b/g, '')}"`
    : e.reason
      ? ` (${e.reason.source})`
      : '';
  return `→ ${HTTP[e.rejected]}${because}`;
};

describe('every inspection command in every status (the transition table)', () => {
  it('covers every command type of the decider', () => {
    const covered = new Set(MATRIX.map((row) => row.name.split(' ')[0]));
    const all: InspectionCommand['type'][] = [
      'PlanInspection',
      'RescheduleVisit',
      'StartVisit',
      'RecordFinding',
      'AmendFinding',
      'WithdrawFinding',
      'EndVisit',
      'SubmitConclusion',
      'RecordDissent',
      'ReturnConclusion',
      'ApproveConclusion',
      'SubmitResponse',
      'RequestExtension',
      'DecideExtension',
      'ResolveDispute',
      'ReportAction',
      'VerifyAction',
      'ScheduleFollowUp',
      'CancelInspection',
      'DecideAccountability',
      'MarkVisitWindowMissed',
      'SendReminder',
      'MarkConclusionOverdue',
      'MarkResponseOverdue',
      'MarkActionOverdue',
    ];
    expect([...covered].sort()).toEqual([...all].sort());
  });

  describe.each(INSPECTION_STATUSES.map((status) => [status]))('when the inspection is %s', (status) => {
    const story = REPRESENTATIVE_STORIES[status]();
    const s = story.state;

    it('the representative story really is in that status', () => {
      expect(s.status).toBe(status);
    });

    it.each(MATRIX.map((row) => [`${row.name} by ${row.who} ${describeExpectation(expectationFor(row, status, s))}`, row] as const))(
      '%s',
      (_title, row) => {
        const expected = expectationFor(row, status, s);
        const outcome = given(story).when(row.actor, row.command(s), later(s, row.at?.(s)));
        if ('accepted' in expected) outcome.thenEvents(...expected.accepted);
        else outcome.thenRejected(expected.rejected, expected.reason);
      },
    );
  });
});

// ---------------------------------------------------------------------------------------------

const EVERYONE = Object.keys(people) as PersonName[];

interface WhoMayRow {
  readonly name: string;
  readonly story: () => InspectionStory;
  readonly command: (s: InspectionState) => InspectionCommand;
  readonly at?: When;
  readonly may: PersonName[];
  readonly missingRight: RegExp;
}

const withPendingExtension = () =>
  awaitingResponseStory().run(
    people.unitHead,
    { type: 'RequestExtension', reason: 'Flooding closed the office.', requestedDeadline: '2026-04-10' },
    '2026-03-18 09:00',
  );

const WHO_MAY: WhoMayRow[] = [
  {
    name: 'reschedule the visit',
    story: plannedStory,
    command: () => ({ type: 'RescheduleVisit', windowStart: '2026-03-16', windowEnd: '2026-03-20' }),
    may: ['lead'],
    missingRight: /lead inspector/,
  },
  {
    name: 'start the visit',
    story: plannedStory,
    command: () => ({ type: 'StartVisit' }),
    at: T.visitStarted,
    may: ['lead'],
    missingRight: /lead inspector/,
  },
  {
    name: 'cancel a planned inspection',
    story: plannedStory,
    command: () => ({ type: 'CancelInspection', reason: 'Leaked.' }),
    may: ['lead', 'chairman'],
    missingRight: /lead inspector or the chairman/,
  },
  {
    name: 'record a finding',
    story: inProgressStory,
    command: () => ({ type: 'RecordFinding', findingId: 'f-new', criterionCode: 'KL-01', severity: 'minor', description: 'Late arrival.' }),
    may: ['lead', 'inspectorAn', 'inspectorBinh'],
    missingRight: /member of the inspection team/,
  },
  {
    name: 'amend a finding',
    story: inProgressStory,
    command: () => ({ type: 'AmendFinding', findingId: 'f-1', changes: { severity: 'minor' } }),
    may: ['inspectorAn'],
    missingRight: /author/,
  },
  {
    name: 'withdraw a finding',
    story: inProgressStory,
    command: () => ({ type: 'WithdrawFinding', findingId: 'f-1', reason: 'On leave.' }),
    may: ['inspectorAn', 'lead'],
    missingRight: /author of a finding or the lead inspector/,
  },
  { name: 'end the visit', story: inProgressStory, command: () => ({ type: 'EndVisit' }), may: ['lead'], missingRight: /lead inspector/ },
  {
    name: 'submit the conclusion',
    story: draftingStory,
    command: () => conclusionCommand(),
    may: ['lead'],
    missingRight: /lead inspector/,
  },
  {
    name: 'record a dissent',
    story: awaitingApprovalStory,
    command: () => ({ type: 'RecordDissent', text: 'I disagree.' }),
    may: ['inspectorAn', 'inspectorBinh'],
    missingRight: /inspector of this inspection's team/,
  },
  {
    name: 'return the conclusion',
    story: awaitingApprovalStory,
    command: () => ({ type: 'ReturnConclusion', comment: 'Redo.' }),
    may: ['chairman'],
    missingRight: /chairman/,
  },
  {
    name: 'approve the conclusion',
    story: awaitingApprovalStory,
    command: () => ({ type: 'ApproveConclusion' }),
    may: ['chairman'],
    missingRight: /chairman/,
  },
  {
    name: 'submit the response',
    story: awaitingResponseStory,
    command: () => ({ type: 'SubmitResponse', items: responseItems() }),
    may: ['unitHead'],
    missingRight: /head of the inspected unit/,
  },
  {
    name: 'request an extension',
    story: awaitingResponseStory,
    command: () => ({ type: 'RequestExtension', reason: 'Flooding.', requestedDeadline: '2026-04-10' }),
    may: ['unitHead'],
    missingRight: /head of the inspected unit/,
  },
  {
    name: 'decide an extension',
    story: withPendingExtension,
    command: () => ({ type: 'DecideExtension', decision: 'refused', note: 'No.' }),
    may: ['lead'],
    missingRight: /lead inspector/,
  },
  {
    name: 'resolve a dispute',
    story: remediatingStory,
    command: () => ({ type: 'ResolveDispute', findingId: 'f-5', decision: 'withdrawn', note: 'Fine.' }),
    may: ['lead'],
    missingRight: /lead inspector/,
  },
  {
    name: 'report a corrective action',
    story: remediatingStory,
    command: (s) => ({ type: 'ReportAction', actionId: actionFor(s, 'f-1').id, note: 'Done.' }),
    may: ['unitHead'],
    missingRight: /head of the inspected unit/,
  },
  {
    name: 'verify a corrective action',
    story: remediatingStory,
    command: (s) => ({ type: 'VerifyAction', actionId: actionFor(s, 'f-2').id, decision: 'verified', note: '' }),
    may: ['lead'],
    missingRight: /lead inspector/,
  },
  {
    name: 'schedule a follow-up',
    story: remediatingStory,
    command: () => ({ type: 'ScheduleFollowUp', followUpInspectionId: 'fu-1', windowStart: '2026-09-14', windowEnd: '2026-09-18' }),
    may: ['lead'],
    missingRight: /lead inspector/,
  },
  {
    name: 'cancel an inspection under way',
    story: remediatingStory,
    command: () => ({ type: 'CancelInspection', reason: 'Merged.' }),
    may: ['lead', 'chairman'],
    missingRight: /lead inspector or the chairman/,
  },
  {
    name: 'decide an accountability case',
    story: remediatingStory,
    command: (s) => ({ type: 'DecideAccountability', caseId: openCase(s)!.id, outcome: 'reminded', note: 'First time.' }),
    may: ['chairman'],
    missingRight: /chairman/,
  },
];

describe('who may send each command (in a status where it is allowed)', () => {
  describe.each(WHO_MAY.map((row) => [row.name, row] as const))('to %s', (_name, row) => {
    const story = row.story();
    const s = story.state;
    const visibleTo = (name: PersonName) => {
      if (s.startedAt) return name !== 'otherUnitHead';
      return ['lead', 'inspectorAn', 'inspectorBinh', 'chairman'].includes(name);
    };
    it.each(
      EVERYONE.map(
        (name) =>
          [
            PERSON_LABELS[name],
            row.may.includes(name) ? 'may' : visibleTo(name) ? 'is refused (403)' : 'is told it does not exist (404)',
            name,
          ] as const,
      ),
    )('%s %s', (_label, _verdict, name) => {
      const outcome = given(story).when(people[name], row.command(s), later(s, row.at));
      if (row.may.includes(name)) expect(outcome.events.length).toBeGreaterThan(0);
      else if (visibleTo(name)) outcome.thenForbidden(row.missingRight);
      else outcome.thenNotFound(/^Inspection not found\.$/);
    });
  });

  it.each([
    ['the lead of the team', 'may', people.lead, true],
    ['another lead inspector (a campaign may be created for the lead it names)', 'may', people.otherLead, true],
    ['an inspector', 'may not', people.inspectorAn, false],
    ['the chairman', 'may not', people.chairman, false],
    ['an admin', 'may not', people.admin, false],
    ['a unit head', 'may not', people.unitHead, false],
  ] as const)('planning an inspection: %s %s', (_who, _verdict, actor, may) => {
    const outcome = given(InspectionStory.empty()).when(actor, planCommand(), T.planned);
    if (may) outcome.thenEvents('InspectionPlanned');
    else outcome.thenForbidden(/lead inspector/);
  });

  it('a unit head planning over an existing (secret) inspection is refused without learning that it exists', () => {
    const rejection = given(plannedStory())
      .when(people.unitHead, planCommand(), '2026-03-03 09:00')
      .thenForbidden(/lead inspector/);
    expect(rejection.reason).not.toMatch(/planned|exists/);
  });
});

describe('secrecy: before the visit an inspection does not exist for the unit or for staff outside the team', () => {
  const userCommands = (s: InspectionState) =>
    MATRIX.filter((row) => row.actor.kind === 'user' && row.name !== 'PlanInspection').map((row) => row.command(s));
  const outsiders: [string, Actor][] = [
    ['the head of the inspected unit', people.unitHead],
    ['the head of another unit', people.otherUnitHead],
    ['an inspector outside the team', people.outsideInspector],
    ['another lead inspector', people.otherLead],
    ['an admin', people.admin],
  ];

  describe.each([
    ['a planned inspection', plannedStory],
    ['an inspection cancelled before its visit', cancelledBeforeVisitStory],
    [
      'a planned inspection whose window was missed',
      () => plannedStory().run(system, { type: 'MarkVisitWindowMissed' }, '2026-03-14 00:00'),
    ],
  ] as const)('%s', (_what, build) => {
    const story = build();
    const s = story.state;
    it.each(outsiders)('%s gets 404 for every command, with no hint of the status', (_who, actor) => {
      const answers = userCommands(s).map((command) => {
        const decision = story.decide(actor, command, later(s, undefined));
        return 'code' in decision ? `${command.type}: ${decision.code} ${decision.reason}` : `${command.type}: accepted`;
      });
      expect(answers).toEqual(userCommands(s).map((command) => `${command.type}: not_found Inspection not found.`));
    });
  });

  it('once the visit started, the head of the inspected unit may see it but the head of another unit still may not', () => {
    const story = inProgressStory();
    given(story)
      .when(people.unitHead, { type: 'EndVisit' })
      .thenForbidden(/lead inspector/);
    given(story).when(people.otherUnitHead, { type: 'EndVisit' }).thenNotFound();
  });
});

describe('people and timers keep to their own commands', () => {
  const timerCommands: InspectionCommand[] = [
    { type: 'MarkVisitWindowMissed' },
    { type: 'SendReminder', subject: 'response', dueAt: endOfDay(T.responseDue), reminderKey: 'response:x' },
    { type: 'MarkConclusionOverdue' },
    { type: 'MarkResponseOverdue' },
    { type: 'MarkActionOverdue', actionId: 'id-1' },
  ];
  it.each(timerCommands.map((c) => [c.type, c] as const))(
    '%s sent by a person (even the lead or the chairman) is refused',
    (_type, command) => {
      for (const actor of [people.lead, people.chairman, people.admin]) {
        given(remediatingStory())
          .when(actor, command)
          .thenForbidden(/done by the system's timers/);
      }
    },
  );

  it.each([
    ['start the visit', plannedStory, { type: 'StartVisit' }, T.visitStarted],
    ['cancel', remediatingStory, { type: 'CancelInspection', reason: 'x' }, undefined],
    ['approve', awaitingApprovalStory, { type: 'ApproveConclusion' }, undefined],
    ['decide a case', remediatingStory, { type: 'DecideAccountability', caseId: 'id-5', outcome: 'reminded', note: 'x' }, undefined],
  ] as [string, () => InspectionStory, InspectionCommand, When | undefined][])(
    'the system may not %s on its own',
    (_what, build, command, at) => {
      given(build())
        .when(system, command, at)
        .thenForbidden(/must be sent by a person/);
    },
  );
});

describe('commands are dated', () => {
  it('a command dated before the last event is refused', () => {
    const story = inProgressStory();
    given(story)
      .when(people.lead, { type: 'EndVisit' }, minutesAfter(story.state.lastEventAt, -1))
      .thenRejected('invalid', /before the inspection's last event/);
  });

  it('a command dated at the very instant of the last event is accepted', () => {
    const story = inProgressStory();
    given(story).when(people.lead, { type: 'EndVisit' }, story.state.lastEventAt).thenEvents('VisitEnded');
  });

  it('a timer dated before the last event is refused too', () => {
    const story = plannedStory().run(
      people.lead,
      { type: 'RescheduleVisit', windowStart: '2026-03-02', windowEnd: '2026-03-02' },
      '2026-03-02 10:00',
    );
    given(story).when(system, { type: 'MarkVisitWindowMissed' }, '2026-03-02 09:59').thenRejected('invalid');
  });
});

describe('planning and the visit window', () => {
  it('plans with the window resolved to instants in Ho Chi Minh City', () => {
    const data = given(InspectionStory.empty()).when(people.lead, planCommand(), T.planned).thenEvent('InspectionPlanned');
    expect(data.window).toEqual({
      windowStart: T.windowStart,
      windowEnd: T.windowEnd,
      opensAt: '2026-03-08T17:00:00.000Z',
      closesAt: endOfDay(T.windowEnd),
    });
  });

  it.each([
    ['a window that ended already', { windowStart: '2026-02-23', windowEnd: '2026-02-27' }, ['windowEnd']],
    ['a window that ends before it starts', { windowStart: '2026-03-13', windowEnd: '2026-03-09' }, ['windowEnd']],
    ['a window with a malformed start', { windowStart: '9/3/2026', windowEnd: '2026-03-13' }, ['windowStart']],
  ])('refuses %s', (_what, window, fields) => {
    given(InspectionStory.empty())
      .when(people.lead, planCommand(window), T.planned)
      .thenInvalid(...fields);
  });

  it('refuses an unknown checklist version', () => {
    given(InspectionStory.empty())
      .when(people.lead, { ...planCommand(), checklistVersion: 'demo-1999' }, T.planned)
      .thenRejected('invalid', /checklist/);
  });

  it('planning twice names the status the inspection already has', () => {
    given(inProgressStory()).when(people.lead, planCommand()).thenConflictNaming('in_progress');
  });

  it.each([
    ['just before the window opens', '2026-03-08 23:59', 'conflict'],
    ['as the window opens', '2026-03-09 00:00', 'accepted'],
    ['in the last minute of the window', '2026-03-13 23:59', 'accepted'],
    ['after the window closed', '2026-03-14 00:00', 'conflict'],
  ])('the lead starting the visit %s: %s', (_when, at, expected) => {
    const outcome = given(plannedStory()).when(people.lead, { type: 'StartVisit' }, at);
    if (expected === 'accepted') expect(outcome.thenEvent('VisitStarted')).toEqual({ startedAt: localTime(at).toISOString() });
    else outcome.thenRejected('conflict', /window/);
  });

  it('honours exact instants at both ends of a window', () => {
    const story = plannedStory({ windowStart: '2026-03-10T08:00:00+07:00', windowEnd: '2026-03-10T11:00:00+07:00' });
    given(story).when(people.lead, { type: 'StartVisit' }, '2026-03-10 07:59').thenRejected('conflict', /opens/);
    given(story).when(people.lead, { type: 'StartVisit' }, '2026-03-10 08:00').thenEvents('VisitStarted');
    given(story)
      .when(people.lead, { type: 'StartVisit' }, '2026-03-10 11:01')
      .thenRejected('conflict', /closed/);
  });

  it('after a missed window, the lead reschedules (the missed flag clears) and may then start', () => {
    const missed = plannedStory().run(system, { type: 'MarkVisitWindowMissed' }, '2026-03-14 00:00');
    expect(missed.state.windowMissed).toBe(true);
    given(missed)
      .when(people.lead, { type: 'StartVisit' }, '2026-03-16 08:00')
      .thenRejected('conflict', /reschedule/);
    const rescheduled = given(missed).when(
      people.lead,
      { type: 'RescheduleVisit', windowStart: '2026-03-16', windowEnd: '2026-03-20' },
      '2026-03-15 09:00',
    );
    expect(rescheduled.thenEvent('VisitRescheduled').previousWindow.windowEnd).toBe(T.windowEnd);
    expect(rescheduled.after.windowMissed).toBe(false);
    given(rescheduled.next).when(people.lead, { type: 'StartVisit' }, '2026-03-16 08:00').thenEvents('VisitStarted');
  });

  it('the window is marked missed only once it closed, and only once', () => {
    given(plannedStory())
      .when(system, { type: 'MarkVisitWindowMissed' }, '2026-03-13 23:00')
      .thenRejected('conflict', /not closed yet/);
    const missed = plannedStory().run(system, { type: 'MarkVisitWindowMissed' }, '2026-03-14 00:00');
    given(missed).when(system, { type: 'MarkVisitWindowMissed' }).thenRejected('conflict');
  });
});

describe('findings during the visit', () => {
  it('records a finding with its author and cleaned content', () => {
    const data = given(inProgressStory())
      .when(people.inspectorBinh, {
        type: 'RecordFinding',
        findingId: 'f-7',
        criterionCode: 'KL-02',
        severity: 'minor',
        description: '  No badge.  ',
        evidence: [{ text: ' photo ' }],
        people: [' Ông A '],
      })
      .thenEvent('FindingRecorded');
    expect(data).toEqual({
      findingId: 'f-7',
      authorId: people.inspectorBinh.userId,
      criterionCode: 'KL-02',
      severity: 'minor',
      description: 'No badge.',
      evidence: [{ text: 'photo' }],
      people: ['Ông A'],
    });
  });

  it.each([
    ['an unknown criterion', { criterionCode: 'XX-99' }, ['criterionCode']],
    ['an unknown severity', { severity: 'terrible' }, ['severity']],
    ['an empty description', { description: '  ' }, ['description']],
    ['evidence that is neither an attachment nor text', { evidence: [{ url: 'http://x' }] }, ['evidence.0']],
  ])('refuses a finding with %s', (_what, change, fields) => {
    const command = {
      type: 'RecordFinding',
      findingId: 'f-7',
      criterionCode: 'KL-02',
      severity: 'minor',
      description: 'No badge.',
      ...change,
    } as InspectionCommand;
    given(inProgressStory())
      .when(people.inspectorAn, command)
      .thenInvalid(...fields);
  });

  it('refuses a second finding with the same id', () => {
    given(inProgressStory())
      .when(people.inspectorAn, { type: 'RecordFinding', findingId: 'f-1', ...FINDINGS['f-1'] })
      .thenRejected('conflict', /already exists/);
  });

  it('its author amends it; the lead, who is not its author, may not', () => {
    given(inProgressStory())
      .when(people.inspectorAn, { type: 'AmendFinding', findingId: 'f-1', changes: { severity: 'critical' } })
      .thenEvents('FindingAmended');
    given(inProgressStory())
      .when(people.lead, { type: 'AmendFinding', findingId: 'f-1', changes: { severity: 'critical' } })
      .thenForbidden(/author/);
    given(inProgressStory())
      .when(people.inspectorBinh, { type: 'AmendFinding', findingId: 'f-1', changes: { severity: 'critical' } })
      .thenForbidden(/author/);
  });

  it('an amendment is checked and stored cleaned, like a recording', () => {
    const outcome = given(inProgressStory()).when(people.inspectorAn, {
      type: 'AmendFinding',
      findingId: 'f-1',
      changes: { description: '  Three officers absent.  ', people: [' Bà B '] },
    });
    expect(outcome.thenEvent('FindingAmended')).toEqual({
      findingId: 'f-1',
      changes: { description: 'Three officers absent.', people: ['Bà B'] },
    });
    expect(findingById(outcome.after, 'f-1')).toMatchObject({
      description: 'Three officers absent.',
      people: ['Bà B'],
      severity: 'major',
      authorId: people.inspectorAn.userId,
    });
  });

  it('an amendment cannot rewrite who wrote a finding or whether it is withdrawn', () => {
    const changes = { severity: 'minor', authorId: people.inspectorBinh.userId, status: 'withdrawn', id: 'f-99' } as never;
    const outcome = given(inProgressStory()).when(people.inspectorAn, { type: 'AmendFinding', findingId: 'f-1', changes });
    expect(outcome.thenEvent('FindingAmended')).toEqual({ findingId: 'f-1', changes: { severity: 'minor' } });
    expect(findingById(outcome.after, 'f-1')).toMatchObject({
      id: 'f-1',
      authorId: people.inspectorAn.userId,
      status: 'open',
      severity: 'minor',
    });
  });

  it.each([
    ['nothing to change', {}, 'invalid'],
    ['an unknown criterion', { criterionCode: 'XX-99' }, 'invalid'],
  ] as const)('refuses an amendment with %s', (_what, changes, code) => {
    given(inProgressStory()).when(people.inspectorAn, { type: 'AmendFinding', findingId: 'f-1', changes }).thenRejected(code);
  });

  it('a withdrawn finding cannot be amended or withdrawn again; an unknown one is not found', () => {
    given(inProgressStory())
      .when(people.inspectorAn, { type: 'AmendFinding', findingId: 'f-6', changes: { severity: 'major' } })
      .thenRejected('conflict', /withdrawn/);
    given(inProgressStory())
      .when(people.inspectorAn, { type: 'WithdrawFinding', findingId: 'f-6', reason: 'again' })
      .thenRejected('conflict', /withdrawn/);
    given(inProgressStory())
      .when(people.inspectorAn, { type: 'AmendFinding', findingId: 'f-404', changes: { severity: 'major' } })
      .thenNotFound(/f-404/);
  });

  it('the lead withdraws any finding, with a reason, and is recorded as the one who did', () => {
    const outcome = given(inProgressStory()).when(people.lead, {
      type: 'WithdrawFinding',
      findingId: 'f-2',
      reason: 'Badges were in the drawer.',
    });
    expect(outcome.thenEvent('FindingWithdrawn')).toEqual({
      findingId: 'f-2',
      reason: 'Badges were in the drawer.',
      withdrawnBy: people.lead.userId,
    });
    expect(findingById(outcome.after, 'f-2').status).toBe('withdrawn');
    given(inProgressStory()).when(people.lead, { type: 'WithdrawFinding', findingId: 'f-2', reason: ' ' }).thenInvalid('reason');
  });

  it('after the visit ended, even the author may no longer amend or withdraw', () => {
    given(draftingStory())
      .when(people.inspectorAn, { type: 'AmendFinding', findingId: 'f-1', changes: { severity: 'minor' } })
      .thenConflictNaming('drafting');
    given(draftingStory())
      .when(people.inspectorAn, { type: 'WithdrawFinding', findingId: 'f-1', reason: 'x' })
      .thenConflictNaming('drafting');
  });

  it('ending the visit starts the conclusion deadline: 15 working days by default', () => {
    const data = given(inProgressStory()).when(people.lead, { type: 'EndVisit' }, T.visitEnded).thenEvent('VisitEnded');
    expect(data).toEqual({ endedAt: localTime(T.visitEnded).toISOString(), conclusionDueAt: endOfDay(T.conclusionDue) });
  });

  it('ending the visit with a duration policy sets the deadline exactly', () => {
    const data = given(inProgressStory({ policy: QUICK_POLICY }))
      .when(people.lead, { type: 'EndVisit' }, T.visitEnded)
      .thenEvent('VisitEnded');
    expect(data.conclusionDueAt).toBe(minutesAfter(T.visitEnded, 240).toISOString());
  });
});

describe('the conclusion', () => {
  it('is submitted with each required action resolved to its due instant', () => {
    const data = given(draftingStory())
      .when(people.lead, conclusionCommand(['f-1']), T.conclusionSubmitted)
      .thenEvent('ConclusionSubmitted');
    expect(data.conclusion.actions).toEqual([
      { findingId: 'f-1', requirement: 'Remedy f-1 and report with evidence.', dueDate: T.requiredDue, dueAt: endOfDay(T.requiredDue) },
    ]);
  });

  it('may require no action at all', () => {
    given(draftingStory()).when(people.lead, conclusionCommand([]), T.conclusionSubmitted).thenEvents('ConclusionSubmitted');
  });

  it.each([
    ['a withdrawn finding', { findingId: 'f-6' }, 'actions.0.findingId'],
    ['a finding that does not exist', { findingId: 'f-404' }, 'actions.0.findingId'],
    ['a due date already past', { dueDate: '2026-03-11' }, 'actions.0.dueDate'],
    ['a due date that is not a date', { dueDate: '29/05/2026' }, 'actions.0.dueDate'],
    ['a due date beyond the policy maximum (120 working days)', { dueDate: '2026-12-31' }, 'actions.0.dueDate'],
    ['an empty requirement', { requirement: '' }, 'actions.0.requirement'],
  ])('refuses an action naming %s', (_what, change, field) => {
    const command = conclusionCommand(['f-1']);
    const actions = [{ ...command.actions[0], ...change }];
    given(draftingStory())
      .when(people.lead, { ...command, actions }, T.conclusionSubmitted)
      .thenInvalid(field);
  });

  it('refuses two actions for the same finding', () => {
    given(draftingStory())
      .when(people.lead, conclusionCommand(['f-1', 'f-1']), T.conclusionSubmitted)
      .thenInvalid('actions.1.findingId');
  });

  it('accepts a due date on the last day the policy allows and refuses the day after', () => {
    const story = draftingStory({ policy: { ...QUICK_POLICY, remediationMaxDeadline: { duration: 'P30D' } } });
    given(story)
      .when(people.lead, conclusionCommand(['f-1'], '2026-04-11T10:00:00+07:00'), T.conclusionSubmitted)
      .thenEvents('ConclusionSubmitted');
    given(story)
      .when(people.lead, conclusionCommand(['f-1'], '2026-04-11T10:01:00+07:00'), T.conclusionSubmitted)
      .thenInvalid('actions.0.dueDate');
  });

  it('refuses an unknown rating and an empty summary, naming both fields', () => {
    given(draftingStory())
      .when(people.lead, { ...conclusionCommand(), summary: '', rating: 'excellent' as never })
      .thenInvalid('summary', 'rating');
  });

  it('a dissent travels with the conclusion; the lead cannot dissent from their own draft', () => {
    expect(
      given(draftingStory())
        .when(people.inspectorAn, { type: 'RecordDissent', text: '  f-3 is not critical.  ' })
        .thenEvent('DissentRecorded'),
    ).toEqual({
      authorId: people.inspectorAn.userId,
      text: 'f-3 is not critical.',
    });
    given(draftingStory())
      .when(people.lead, { type: 'RecordDissent', text: 'x' })
      .thenForbidden(/inspector of this inspection's team/);
  });

  it('returned by the chairman, it goes back to drafting with the comment kept', () => {
    const outcome = given(awaitingApprovalStory()).when(people.chairman, {
      type: 'ReturnConclusion',
      comment: 'Name the officers responsible.',
    });
    expect(outcome.after.status).toBe('drafting');
    expect(outcome.after.conclusion?.returns).toEqual([{ comment: 'Name the officers responsible.', at: outcome.at.toISOString() }]);
    given(awaitingApprovalStory()).when(people.chairman, { type: 'ReturnConclusion', comment: '' }).thenInvalid('comment');
  });
});

describe('approval binds to the content approved', () => {
  it('approving with the hash the chairman read records that hash and the snapshot', () => {
    const story = awaitingApprovalStory();
    const hash = pendingContentHash(story.state)!;
    const data = given(story)
      .when(people.chairman, { type: 'ApproveConclusion', contentHash: hash }, T.approved)
      .thenEvent('ConclusionApproved');
    expect(data.contentHash).toBe(hash);
    expect(data.approved.findings.map((f) => f.id)).toEqual(['f-1', 'f-2', 'f-3', 'f-4', 'f-5']);
    expect(data.approved.dissents.map((d) => d.authorId)).toEqual([people.inspectorBinh.userId]);
  });

  it('a stale hash (a dissent was added after the chairman read it) is a conflict', () => {
    const story = awaitingApprovalStory();
    const read = pendingContentHash(story.state)!;
    const changed = story.run(people.inspectorAn, { type: 'RecordDissent', text: 'Late dissent.' });
    given(changed)
      .when(people.chairman, { type: 'ApproveConclusion', contentHash: read })
      .thenRejected('conflict', /content hash/);
    given(changed)
      .when(people.chairman, { type: 'ApproveConclusion', contentHash: pendingContentHash(changed.state) })
      .thenEvents('ConclusionApproved', 'UnitNotified');
  });

  it('after a return and a resubmission the old hash no longer approves anything', () => {
    const story = awaitingApprovalStory();
    const read = pendingContentHash(story.state)!;
    const resubmitted = story
      .run(people.chairman, { type: 'ReturnConclusion', comment: 'Lower the rating.' })
      .run(people.lead, { ...conclusionCommand(), rating: 'poor' });
    given(resubmitted).when(people.chairman, { type: 'ApproveConclusion', contentHash: read }).thenRejected('conflict');
  });

  it('notifies the unit with a response deadline of 10 working days', () => {
    const data = given(awaitingApprovalStory()).when(people.chairman, { type: 'ApproveConclusion' }, T.approved).thenEvent('UnitNotified');
    expect(data).toEqual({ unitId: 'unit-ward-3', responseDueAt: endOfDay(T.responseDue) });
  });

  it('closes the inspection at once when the conclusion requires no action', () => {
    const story = draftingStory().run(people.lead, conclusionCommand([]), T.conclusionSubmitted);
    const outcome = given(story).when(people.chairman, { type: 'ApproveConclusion' }, T.approved);
    outcome.thenEvents('ConclusionApproved', 'UnitNotified', 'InspectionClosed');
    expect(outcome.after.status).toBe('closed');
  });
});

describe("the unit's response", () => {
  const respond = (items: ReturnType<typeof responseItems>, at: When = T.responded) =>
    given(awaitingResponseStory()).when(people.unitHead, { type: 'SubmitResponse', items }, at);

  it('plans one corrective action per accepted finding, with the required due date kept beside the planned one', () => {
    const outcome = respond(responseItems());
    outcome.thenEvents(
      'ResponseSubmitted',
      'CorrectiveActionPlanned',
      'CorrectiveActionPlanned',
      'CorrectiveActionPlanned',
      'CorrectiveActionPlanned',
    );
    expect(outcome.events[1]).toEqual({
      type: 'CorrectiveActionPlanned',
      data: {
        actionId: 'id-1',
        findingId: 'f-1',
        requirement: 'Remedy f-1 and report with evidence.',
        owner: 'Deputy head Phạm Văn Tâm',
        dueDate: T.plannedDue,
        dueAt: endOfDay(T.plannedDue),
        requiredDueAt: endOfDay(T.requiredDue),
      },
    });
    expect(outcome.after.status).toBe('remediating');
    expect(findingById(outcome.after, 'f-5').dispute).toEqual({ status: 'pending', explanation: disputeItem('f-5').explanation });
  });

  it('must answer every finding with a required action', () => {
    const errors = respond(responseItems().filter((i) => i.findingId !== 'f-5')).thenInvalid('items');
    expect(errors[0].message).toMatch(/missing: f-5/);
  });

  it.each([
    ['a plan due later than the conclusion requires', [acceptItem('f-1', '2026-06-01')], 'items.0.plan.dueDate'],
    ['a plan due in the past', [acceptItem('f-1', '2026-03-19')], 'items.0.plan.dueDate'],
    ['an acceptance without a plan', [{ findingId: 'f-1', position: 'accepted', explanation: '' }], 'items.0.plan'],
    ['a dispute without an explanation', [{ findingId: 'f-1', position: 'disputed', explanation: ' ' }], 'items.0.explanation'],
    ['a withdrawn finding', [{ findingId: 'f-6', position: 'disputed', explanation: 'x' }], 'items.0.findingId'],
    ['the same finding twice', [acceptItem('f-1'), acceptItem('f-1')], 'items.1.findingId'],
  ] as const)('refuses %s', (_what, first, field) => {
    const items = [...first, ...responseItems().filter((i) => !first.some((f) => f.findingId === i.findingId))];
    respond(items as never).thenInvalid(field);
  });

  it('accepts a plan due exactly on the required date', () => {
    respond([acceptItem('f-1', T.requiredDue), ...responseItems().slice(1)]).thenEvent('ResponseSubmitted');
  });

  it('an empty response is refused', () => {
    respond([]).thenInvalid('items');
  });

  it('on time is not late; after the deadline it is still accepted, marked late', () => {
    expect(respond(responseItems(), '2026-03-30 23:59').thenEvent('ResponseSubmitted').late).toBe(false);
    expect(respond(responseItems(), '2026-03-31 08:00').thenEvent('ResponseSubmitted').late).toBe(true);
  });

  it('a response after the overdue escalation is accepted and marked late', () => {
    const overdue = awaitingResponseStory().run(system, { type: 'MarkResponseOverdue' }, '2026-03-31 00:00');
    const data = given(overdue)
      .when(people.unitHead, { type: 'SubmitResponse', items: responseItems() }, '2026-04-02 10:00')
      .thenEvent('ResponseSubmitted');
    expect(data).toMatchObject({ late: true, dueAt: endOfDay(T.responseDue) });
  });

  it('the overdue escalation opens an accountability case for the head of unit', () => {
    const outcome = given(awaitingResponseStory()).when(system, { type: 'MarkResponseOverdue' }, '2026-03-31 00:00');
    outcome.thenEvents('ResponseOverdue', 'AccountabilityCaseOpened');
    expect(outcome.thenEvent('AccountabilityCaseOpened')).toEqual({ caseId: 'id-1', reason: 'response_overdue', unitId: 'unit-ward-3' });
    expect(outcome.after.status).toBe('awaiting_response');
    given(awaitingResponseStory())
      .when(system, { type: 'MarkResponseOverdue' }, '2026-03-30 23:59')
      .thenRejected('conflict', /not passed/);
    given(outcome.next).when(system, { type: 'MarkResponseOverdue' }).thenRejected('conflict');
  });
});

describe('extensions of the response deadline', () => {
  const request = (requestedDeadline = '2026-04-10') =>
    ({ type: 'RequestExtension', reason: 'Flooding closed the office.', requestedDeadline }) as const;

  it('is requested with a later deadline, resolved to its instant', () => {
    const data = given(awaitingResponseStory()).when(people.unitHead, request(), '2026-03-18 09:00').thenEvent('ExtensionRequested');
    expect(data).toEqual({
      reason: 'Flooding closed the office.',
      requestedDeadline: '2026-04-10',
      requestedDueAt: endOfDay('2026-04-10'),
      currentDueAt: endOfDay(T.responseDue),
    });
  });

  it.each([
    ['the current deadline itself', T.responseDue],
    ['an earlier date', '2026-03-27'],
    ['something that is not a date', 'next week'],
  ])('refuses a requested deadline that is %s', (_what, requestedDeadline) => {
    given(awaitingResponseStory()).when(people.unitHead, request(requestedDeadline)).thenInvalid('requestedDeadline');
  });

  it('may be asked only once, whatever became of the first request', () => {
    const refused = withPendingExtension().run(people.lead, { type: 'DecideExtension', decision: 'refused', note: 'No reason to.' });
    given(withPendingExtension())
      .when(people.unitHead, request('2026-04-15'))
      .thenRejected('conflict', /only once/);
    given(refused)
      .when(people.unitHead, request('2026-04-15'))
      .thenRejected('conflict', /only once/);
  });

  it('a grant moves the response deadline (to the requested date by default)', () => {
    const outcome = given(withPendingExtension()).when(
      people.lead,
      { type: 'DecideExtension', decision: 'granted', note: 'Agreed.' },
      '2026-03-19 09:00',
    );
    expect(outcome.thenEvent('ExtensionDecided')).toEqual({
      decision: 'granted',
      note: 'Agreed.',
      previousDueAt: endOfDay(T.responseDue),
      newDueAt: endOfDay('2026-04-10'),
    });
    expect(outcome.after.responseDeadline).toEqual({ dueAt: endOfDay('2026-04-10'), setAt: outcome.at.toISOString() });
    expect(outcome.after.extension?.status).toBe('granted');
  });

  it('the lead may grant another date than the one asked for', () => {
    const data = given(withPendingExtension())
      .when(people.lead, { type: 'DecideExtension', decision: 'granted', deadline: '2026-04-03', note: '' })
      .thenEvent('ExtensionDecided');
    expect(data.newDueAt).toBe(endOfDay('2026-04-03'));
  });

  it('a grant is an extension: it may not bring the deadline forward', () => {
    given(withPendingExtension())
      .when(people.lead, { type: 'DecideExtension', decision: 'granted', deadline: '2026-03-25', note: '' }, '2026-03-19 09:00')
      .thenInvalid('deadline');
  });

  it('a grant after the deadline passed clears the overdue flag, and a response before the new deadline is on time', () => {
    const overdue = withPendingExtension().run(system, { type: 'MarkResponseOverdue' }, '2026-03-31 00:00');
    expect(overdue.state.responseOverdue).toBe(true);
    given(overdue)
      .when(people.lead, { type: 'DecideExtension', decision: 'granted', deadline: '2026-03-20', note: '' }, '2026-03-31 09:00')
      .thenInvalid('deadline');
    const granted = overdue.run(people.lead, { type: 'DecideExtension', decision: 'granted', note: '' }, '2026-03-31 09:00');
    expect(granted.state.responseOverdue).toBe(false);
    expect(
      given(granted)
        .when(people.unitHead, { type: 'SubmitResponse', items: responseItems() }, '2026-04-08 10:00')
        .thenEvent('ResponseSubmitted').late,
    ).toBe(false);
  });

  it('a refusal keeps the deadline', () => {
    const outcome = given(withPendingExtension()).when(people.lead, {
      type: 'DecideExtension',
      decision: 'refused',
      note: 'The deadline stands.',
    });
    expect(outcome.thenEvent('ExtensionDecided')).toEqual({
      decision: 'refused',
      note: 'The deadline stands.',
      previousDueAt: endOfDay(T.responseDue),
    });
    expect(outcome.after.responseDeadline?.dueAt).toBe(endOfDay(T.responseDue));
  });

  it('there is nothing to decide without a pending request, or once it was decided', () => {
    given(awaitingResponseStory())
      .when(people.lead, { type: 'DecideExtension', decision: 'granted', note: '' })
      .thenRejected('conflict', /no pending extension/);
    const refused = withPendingExtension().run(people.lead, { type: 'DecideExtension', decision: 'refused', note: '' });
    given(refused)
      .when(people.lead, { type: 'DecideExtension', decision: 'granted', note: '' })
      .thenRejected('conflict', /no pending extension/);
  });
});

describe('disputes', () => {
  it('upheld: the unit must remedy it by the due date of the conclusion', () => {
    const outcome = given(remediatingStory()).when(people.lead, {
      type: 'ResolveDispute',
      findingId: 'f-5',
      decision: 'upheld',
      note: 'No plan was shown.',
    });
    const planned = outcome.thenEvent('CorrectiveActionPlanned');
    expect(planned).toEqual({
      actionId: 'id-6',
      findingId: 'f-5',
      requirement: 'Remedy f-5 and report with evidence.',
      owner: UPHELD_ACTION_OWNER,
      dueDate: T.requiredDue,
      dueAt: endOfDay(T.requiredDue),
      requiredDueAt: endOfDay(T.requiredDue),
    });
    expect(findingById(outcome.after, 'f-5').dispute?.status).toBe('upheld');
    expect(outcome.after.status).toBe('remediating');
  });

  it('withdrawn: the finding is out, and nothing more is asked for it', () => {
    const outcome = given(remediatingStory()).when(people.lead, {
      type: 'ResolveDispute',
      findingId: 'f-5',
      decision: 'withdrawn',
      note: 'The plan exists.',
    });
    outcome.thenEvents('DisputeResolved');
    expect(findingById(outcome.after, 'f-5')).toMatchObject({
      status: 'withdrawn',
      withdrawal: { reason: 'The plan exists.', by: people.lead.userId },
    });
  });

  it('withdrawing the last open matter closes the inspection', () => {
    let story = remediatingStory();
    const id = (f: string) => actionFor(story.state, f).id;
    story = story
      .run(people.unitHead, { type: 'ReportAction', actionId: id('f-1'), note: 'Done.' })
      .run(people.unitHead, { type: 'ReportAction', actionId: id('f-4'), note: 'Done.' })
      .run(people.lead, { type: 'VerifyAction', actionId: id('f-1'), decision: 'verified', note: '' })
      .run(people.lead, { type: 'VerifyAction', actionId: id('f-2'), decision: 'verified', note: '' })
      .run(people.lead, { type: 'VerifyAction', actionId: id('f-4'), decision: 'verified', note: '' });
    expect(story.state.status).toBe('remediating');
    given(story)
      .when(people.lead, { type: 'ResolveDispute', findingId: 'f-5', decision: 'withdrawn', note: '' })
      .thenEvents('DisputeResolved', 'InspectionClosed');
  });

  it('upholding a dispute of a finding that needed no action may also close the inspection', () => {
    const story = draftingStory()
      .run(people.lead, conclusionCommand(['f-1']))
      .run(people.chairman, { type: 'ApproveConclusion' })
      .run(people.unitHead, { type: 'SubmitResponse', items: [acceptItem('f-1'), disputeItem('f-2')] });
    const reported = story.run(people.unitHead, { type: 'ReportAction', actionId: actionFor(story.state, 'f-1').id, note: 'Done.' });
    const verified = reported.run(people.lead, {
      type: 'VerifyAction',
      actionId: actionFor(story.state, 'f-1').id,
      decision: 'verified',
      note: '',
    });
    expect(verified.state.status).toBe('remediating');
    given(verified)
      .when(people.lead, { type: 'ResolveDispute', findingId: 'f-2', decision: 'upheld', note: 'It stands.' })
      .thenEvents('DisputeResolved', 'InspectionClosed');
  });

  it('a finding without a pending dispute cannot be resolved; an unknown one is not found', () => {
    given(remediatingStory())
      .when(people.lead, { type: 'ResolveDispute', findingId: 'f-1', decision: 'upheld', note: '' })
      .thenRejected('conflict', /no pending dispute/);
    const resolved = remediatingStory().run(people.lead, { type: 'ResolveDispute', findingId: 'f-5', decision: 'upheld', note: '' });
    given(resolved)
      .when(people.lead, { type: 'ResolveDispute', findingId: 'f-5', decision: 'withdrawn', note: '' })
      .thenRejected('conflict', /no pending dispute/);
    given(remediatingStory())
      .when(people.lead, { type: 'ResolveDispute', findingId: 'f-404', decision: 'upheld', note: '' })
      .thenNotFound(/f-404/);
  });
});

describe('corrective actions', () => {
  const story = remediatingStory();
  const id = (f: string) => actionFor(story.state, f).id;

  it('the unit head reports an open action with evidence', () => {
    const data = given(story)
      .when(people.unitHead, { type: 'ReportAction', actionId: id('f-1'), note: ' Checked daily. ', evidence: [{ attachmentId: 'att-1' }] })
      .thenEvent('CorrectiveActionReported');
    expect(data).toEqual({ actionId: id('f-1'), note: 'Checked daily.', evidence: [{ attachmentId: 'att-1' }] });
  });

  it('a rejected action may be reported again; a reported or verified one may not', () => {
    given(story)
      .when(people.unitHead, { type: 'ReportAction', actionId: id('f-4'), note: 'Posted at the door.' })
      .thenEvents('CorrectiveActionReported');
    given(story)
      .when(people.unitHead, { type: 'ReportAction', actionId: id('f-2'), note: 'Again.' })
      .thenRejected('conflict', /reported/);
    given(story)
      .when(people.unitHead, { type: 'ReportAction', actionId: id('f-3'), note: 'Again.' })
      .thenRejected('conflict', /verified/);
    given(story)
      .when(people.unitHead, { type: 'ReportAction', actionId: 'id-404', note: 'x' })
      .thenNotFound(/id-404/);
  });

  it('only a reported action can be verified', () => {
    given(story)
      .when(people.lead, { type: 'VerifyAction', actionId: id('f-1'), decision: 'verified', note: '' })
      .thenRejected('conflict', /open/);
  });

  it('a rejection needs a reason and a new due date within the policy', () => {
    const reject = (change: object) =>
      given(story).when(people.lead, {
        type: 'VerifyAction',
        actionId: id('f-2'),
        decision: 'rejected',
        note: 'Badges still missing.',
        newDueDate: '2026-05-08',
        ...change,
      });
    reject({ newDueDate: undefined }).thenInvalid('newDueDate');
    reject({ newDueDate: '2026-04-01' }).thenInvalid('newDueDate');
    reject({ newDueDate: '2027-12-31' }).thenInvalid('newDueDate');
    reject({ note: '' }).thenInvalid('note');
    expect(reject({}).thenEvent('CorrectiveActionRejected')).toEqual({
      actionId: id('f-2'),
      note: 'Badges still missing.',
      newDueDate: '2026-05-08',
      newDueAt: endOfDay('2026-05-08'),
      rejectionCount: 1,
    });
  });

  it('the first rejection opens no case; the second opens one; the third does not open another', () => {
    let s = remediatingStory();
    const f2 = actionFor(s.state, 'f-2').id;
    const reject = (at: When) =>
      given(s).when(
        people.lead,
        { type: 'VerifyAction', actionId: f2, decision: 'rejected', note: 'Not done.', newDueDate: '2026-05-08' },
        at,
      );
    const report = (at: When) => (s = s.run(people.unitHead, { type: 'ReportAction', actionId: f2, note: 'Done now.' }, at));

    reject('2026-04-10 09:00').thenEvents('CorrectiveActionRejected');
    s = reject('2026-04-10 09:00').next;
    report('2026-04-13 09:00');
    const second = reject('2026-04-14 09:00');
    second.thenEvents('CorrectiveActionRejected', 'AccountabilityCaseOpened');
    expect(second.thenEvent('AccountabilityCaseOpened')).toEqual({
      caseId: 'id-6',
      reason: 'action_rejected_twice',
      unitId: 'unit-ward-3',
      actionId: f2,
    });
    s = second.next;
    report('2026-04-15 09:00');
    expect(reject('2026-04-16 09:00').thenEvents('CorrectiveActionRejected')[0]).toMatchObject({ data: { rejectionCount: 3 } });
  });

  it('an action past its due date is marked overdue once, and not before its due date', () => {
    const f1 = id('f-1');
    given(story)
      .when(system, { type: 'MarkActionOverdue', actionId: f1 }, '2026-05-15 23:59')
      .thenRejected('conflict', /not due yet/);
    const overdue = given(story).when(system, { type: 'MarkActionOverdue', actionId: f1 }, '2026-05-16 00:00');
    expect(overdue.thenEvent('CorrectiveActionOverdue')).toEqual({ actionId: f1, dueAt: endOfDay(T.plannedDue) });
    given(overdue.next).when(system, { type: 'MarkActionOverdue', actionId: f1 }).thenRejected('conflict');
    given(story)
      .when(system, { type: 'MarkActionOverdue', actionId: id('f-2') }, '2026-05-16 00:00')
      .thenRejected('conflict');
    given(story).when(system, { type: 'MarkActionOverdue', actionId: 'id-404' }, '2026-05-16 00:00').thenNotFound();
  });

  it('an overdue action may still be reported', () => {
    const overdue = story.run(system, { type: 'MarkActionOverdue', actionId: id('f-1') }, '2026-05-16 00:00');
    given(overdue)
      .when(people.unitHead, { type: 'ReportAction', actionId: id('f-1'), note: 'Late, but done.' })
      .thenEvents('CorrectiveActionReported');
  });
});

describe('closure', () => {
  it('verifying the last open action closes the inspection', () => {
    const closed = closedStory();
    const last = closed.events.slice(-2).map((e) => e.type);
    expect(last).toEqual(['CorrectiveActionVerified', 'InspectionClosed']);
    expect(closed.state.closedAt).toBe(closed.state.lastEventAt);
  });

  it('not while a dispute is pending, even when every action is verified', () => {
    let story = remediatingStory();
    const id = (f: string) => actionFor(story.state, f).id;
    story = story
      .run(people.unitHead, { type: 'ReportAction', actionId: id('f-1'), note: 'Done.' })
      .run(people.unitHead, { type: 'ReportAction', actionId: id('f-4'), note: 'Done.' })
      .run(people.lead, { type: 'VerifyAction', actionId: id('f-1'), decision: 'verified', note: '' })
      .run(people.lead, { type: 'VerifyAction', actionId: id('f-4'), decision: 'verified', note: '' });
    given(story)
      .when(people.lead, { type: 'VerifyAction', actionId: id('f-2'), decision: 'verified', note: '' })
      .thenEvents('CorrectiveActionVerified');
  });

  it('a closed inspection accepts no more work on its findings', () => {
    const closed = closedStory();
    given(closed)
      .when(people.unitHead, { type: 'ReportAction', actionId: actionFor(closed.state, 'f-1').id, note: 'x' })
      .thenConflictNaming('closed');
    given(closed).when(people.lead, { type: 'CancelInspection', reason: 'x' }).thenConflictNaming('closed');
  });
});

describe('follow-ups', () => {
  it.each([
    ['remediating', remediatingStory],
    ['closed', closedStory],
  ] as const)('are scheduled by the lead when %s, with a resolved window', (_status, build) => {
    const data = given(build())
      .when(people.lead, { type: 'ScheduleFollowUp', followUpInspectionId: 'fu-1', windowStart: '2026-09-14', windowEnd: '2026-09-18' })
      .thenEvent('FollowUpScheduled');
    expect(data).toEqual({
      followUpInspectionId: 'fu-1',
      window: { windowStart: '2026-09-14', windowEnd: '2026-09-18', opensAt: '2026-09-13T17:00:00.000Z', closesAt: endOfDay('2026-09-18') },
    });
  });

  it('may not reuse the id of this inspection or of an earlier follow-up', () => {
    const story = closedStory().run(people.lead, {
      type: 'ScheduleFollowUp',
      followUpInspectionId: 'fu-1',
      windowStart: '2026-09-14',
      windowEnd: '2026-09-18',
    });
    given(story)
      .when(people.lead, { type: 'ScheduleFollowUp', followUpInspectionId: 'fu-1', windowStart: '2026-10-12', windowEnd: '2026-10-16' })
      .thenRejected('conflict', /already exists/);
    given(story)
      .when(people.lead, {
        type: 'ScheduleFollowUp',
        followUpInspectionId: story.state.id,
        windowStart: '2026-10-12',
        windowEnd: '2026-10-16',
      })
      .thenRejected('conflict', /already exists/);
    given(story)
      .when(people.lead, { type: 'ScheduleFollowUp', followUpInspectionId: 'fu-2', windowStart: '2026-04-01', windowEnd: '2026-04-03' })
      .thenInvalid('windowEnd');
  });
});

describe('cancellation', () => {
  it.each([
    ['the lead', people.lead, plannedStory],
    ['the chairman', people.chairman, awaitingResponseStory],
  ] as const)('%s cancels with a reason; the status before is kept', (_who, actor, build) => {
    const story = build();
    const outcome = given(story).when(actor, { type: 'CancelInspection', reason: ' Merged into commune 2. ' });
    expect(outcome.thenEvent('InspectionCancelled')).toEqual({ reason: 'Merged into commune 2.', statusBefore: story.state.status });
    expect(outcome.after.cancellation).toMatchObject({ by: actor.userId, statusBefore: story.state.status });
  });

  it('needs a reason', () => {
    given(plannedStory()).when(people.lead, { type: 'CancelInspection', reason: '' }).thenInvalid('reason');
  });

  it('cannot happen twice', () => {
    given(cancelledStory()).when(people.chairman, { type: 'CancelInspection', reason: 'x' }).thenConflictNaming('cancelled');
  });
});

describe('accountability cases', () => {
  const story = remediatingStory();
  const caseId = openCase(story.state)!.id;

  it('the chairman decides an open case once', () => {
    const outcome = given(story).when(people.chairman, {
      type: 'DecideAccountability',
      caseId,
      outcome: 'disciplinary_review',
      note: 'Second failure this year.',
    });
    expect(outcome.thenEvent('AccountabilityDecided')).toEqual({
      caseId,
      outcome: 'disciplinary_review',
      note: 'Second failure this year.',
    });
    expect(outcome.after.cases[0]).toMatchObject({ status: 'decided', outcome: 'disciplinary_review' });
    given(outcome.next)
      .when(people.chairman, { type: 'DecideAccountability', caseId, outcome: 'reminded', note: 'x' })
      .thenRejected('conflict', /already decided/);
  });

  it('needs a known outcome and a note; an unknown case is not found', () => {
    given(story)
      .when(people.chairman, { type: 'DecideAccountability', caseId, outcome: 'fired' as never, note: 'x' })
      .thenInvalid('outcome');
    given(story).when(people.chairman, { type: 'DecideAccountability', caseId, outcome: 'reminded', note: '' }).thenInvalid('note');
    given(story)
      .when(people.chairman, { type: 'DecideAccountability', caseId: 'case-404', outcome: 'reminded', note: 'x' })
      .thenNotFound(/case-404/);
  });

  it('a case stays open to decide after the inspection was cancelled', () => {
    given(cancelledStory())
      .when(people.chairman, { type: 'DecideAccountability', caseId, outcome: 'criticized', note: 'x' })
      .thenEvents('AccountabilityDecided');
  });
});

describe('timers as commands', () => {
  it('a reminder is sent once', () => {
    const story = awaitingResponseStory();
    const command = reminderCommand(story.state, 'response');
    const sent = given(story).when(system, command, '2026-03-25 08:00');
    sent.thenEvents('ReminderSent');
    given(sent.next)
      .when(system, command)
      .thenRejected('conflict', /already sent/);
  });

  it.each([
    ['a response reminder while the conclusion is still being drafted', draftingStory, 'response', 'drafting'],
    ['a conclusion reminder once the unit is responding', awaitingResponseStory, 'conclusion', 'awaiting_response'],
    ['a response reminder to a planned inspection (the unit would learn of it)', plannedStory, 'response', 'planned'],
    ['a response reminder after cancellation (timers stop)', cancelledStory, 'response', 'cancelled'],
  ] as const)('refuses %s', (_what, build, subject, status) => {
    const story = build();
    given(story).when(system, reminderCommand(story.state, subject)).thenConflictNaming(status);
  });

  it('the conclusion is marked overdue only once its deadline passed', () => {
    given(draftingStory())
      .when(system, { type: 'MarkConclusionOverdue' }, '2026-03-31 23:59')
      .thenRejected('conflict', /not passed/);
    const overdue = given(draftingStory()).when(system, { type: 'MarkConclusionOverdue' }, '2026-04-01 00:00');
    expect(overdue.thenEvent('ConclusionOverdue')).toEqual({ dueAt: endOfDay(T.conclusionDue) });
    given(overdue.next).when(system, { type: 'MarkConclusionOverdue' }).thenRejected('conflict');
    given(overdue.next).when(people.lead, conclusionCommand()).thenEvents('ConclusionSubmitted');
  });
});

describe('text that the event log could not store', () => {
  it.each([
    ['a NUL character in the description', { description: 'Hai công chức\u0000vắng mặt' }, 'description'],
    ['a lone high surrogate in the description', { description: 'vắng mặt \uD83D' }, 'description'],
    ['a lone low surrogate in a person', { people: ['\uDE00 Ông A'] }, 'people'],
    ['a NUL character in written evidence', { evidence: [{ text: 'ảnh\u0000' }] }, 'evidence.0'],
  ])('refuses %s as a field error, so no unstorable event is ever decided', (_, change, field) => {
    const rejection = given(inProgressStory())
      .when(people.inspectorBinh, { type: 'RecordFinding', findingId: 'f-nul', criterionCode: 'KL-01', severity: 'minor', description: 'Đi trễ.', ...change })
      .thenRejected('invalid');
    expect(rejection.errors?.map((e) => e.field)).toContain(field);
  });

  it('accepts Vietnamese text and emoji made of proper surrogate pairs', () => {
    given(inProgressStory())
      .when(people.inspectorBinh, { type: 'RecordFinding', findingId: 'f-ok', criterionCode: 'KL-01', severity: 'minor', description: 'Không đeo thẻ 😀' })
      .thenEvents('FindingRecorded');
  });
});
