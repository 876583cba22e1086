import { InspectionCommand } from './commands';
import { Audience, notificationsFor, NotificationDraft } from './notifications';
import { dueTimers } from './timers';
import { actionFor, foldEvents, InspectionStory, openCase, When } from '@inspectorate/domain-testing/decider-spec';
import { people, system, T, UNIT_ID } from '@inspectorate/domain-testing/fixtures';
import {
  awaitingApprovalStory,
  awaitingResponseStory,
  cancelledBeforeVisitStory,
  closedStory,
  draftingStory,
  inProgressStory,
  planCommand,
  plannedStory,
  remediatingStory,
  responseItems,
} from '@inspectorate/domain-testing/inspection-stories';
import { Actor } from '../shared/actor';

const who = (audience: Audience): string => {
  if ('userId' in audience) return audience.userId === people.lead.userId ? 'the lead' : `user ${audience.userId}`;
  return audience.role === 'chairman' ? 'the chairman' : `the head of ${audience.unitId}`;
};

/** Every notification of a story's events from `from` on, each with the state right after its event. */
function notificationsOf(story: InspectionStory, from = 0): { type: string; note: NotificationDraft }[] {
  return story.events.slice(from).flatMap((event, i) => {
    const after = foldEvents(story.events.slice(0, from + i + 1))!;
    return notificationsFor(event, after).map((note) => ({ type: event.type, note }));
  });
}

/** What the people are told when `actor` sends `command`, as `Event → audience (kind, topic)`. */
function told(story: InspectionStory, actor: Actor, command: InspectionCommand, at?: When): string[] {
  return notificationsOf(story.run(actor, command, at), story.events.length).map(
    ({ type, note }) => `${type} → ${who(note.audience)} (${note.kind}, ${note.topic})`,
  );
}

const HEAD = `the head of ${UNIT_ID}`;

describe('who is told what', () => {
  const remediating = remediatingStory();
  const action = (f: string) => actionFor(remediating.state, f).id;
  const withRequest = awaitingResponseStory().run(people.unitHead, {
    type: 'RequestExtension',
    reason: 'Flooding.',
    requestedDeadline: '2026-04-10',
  });
  const timer = (story: InspectionStory, subject: string) =>
    dueTimers(story.state).find((t) => t.command.type === 'SendReminder' && t.command.subject === subject)!;

  it.each<
    [string, () => InspectionStory, Actor, InspectionCommand | ((s: InspectionStory) => InspectionCommand), When | undefined, string[]]
  >([
    [
      'the window closes unvisited: only the lead',
      plannedStory,
      system,
      { type: 'MarkVisitWindowMissed' },
      '2026-03-14 00:00',
      ['VisitWindowMissed → the lead (escalation, visit.window_missed)'],
    ],
    [
      'the visit starts: the unit learns of it now',
      plannedStory,
      people.lead,
      { type: 'StartVisit' },
      T.visitStarted,
      [`VisitStarted → ${HEAD} (information, visit.started)`],
    ],
    [
      'a finding is recorded: nobody',
      inProgressStory,
      people.inspectorAn,
      { type: 'RecordFinding', findingId: 'f-9', criterionCode: 'KL-01', severity: 'minor', description: 'x' },
      undefined,
      [],
    ],
    ['the visit ends: nobody', inProgressStory, people.lead, { type: 'EndVisit' }, undefined, []],
    [
      'a conclusion reminder: the lead',
      draftingStory,
      system,
      (s) => timer(s, 'conclusion').command,
      '2026-03-26 08:00',
      ['ReminderSent → the lead (reminder, conclusion.reminder)'],
    ],
    [
      'the conclusion is overdue: the lead',
      draftingStory,
      system,
      { type: 'MarkConclusionOverdue' },
      '2026-04-01 00:00',
      ['ConclusionOverdue → the lead (escalation, conclusion.overdue)'],
    ],
    ['a dissent: nobody', awaitingApprovalStory, people.inspectorAn, { type: 'RecordDissent', text: 'x' }, undefined, []],
    [
      'the conclusion is returned: the lead',
      awaitingApprovalStory,
      people.chairman,
      { type: 'ReturnConclusion', comment: 'Redo.' },
      undefined,
      ['ConclusionReturned → the lead (request, conclusion.returned)'],
    ],
    [
      'the conclusion is approved: the unit, asked to respond',
      awaitingApprovalStory,
      people.chairman,
      { type: 'ApproveConclusion' },
      T.approved,
      [`UnitNotified → ${HEAD} (request, conclusion.approved)`],
    ],
    [
      'a response reminder: the unit',
      awaitingResponseStory,
      system,
      (s) => timer(s, 'response').command,
      '2026-03-25 08:00',
      [`ReminderSent → ${HEAD} (reminder, response.reminder)`],
    ],
    [
      'the response is overdue: the unit and the lead, and the chairman gets the accountability case',
      awaitingResponseStory,
      system,
      { type: 'MarkResponseOverdue' },
      '2026-03-31 00:00',
      [
        `ResponseOverdue → ${HEAD} (escalation, response.overdue)`,
        'ResponseOverdue → the lead (escalation, response.overdue)',
        'AccountabilityCaseOpened → the chairman (escalation, accountability.opened)',
        `AccountabilityCaseOpened → ${HEAD} (escalation, accountability.opened)`,
      ],
    ],
    [
      'an extension is requested: the lead',
      awaitingResponseStory,
      people.unitHead,
      { type: 'RequestExtension', reason: 'Flooding.', requestedDeadline: '2026-04-10' },
      undefined,
      ['ExtensionRequested → the lead (request, extension.requested)'],
    ],
    [
      'an extension is granted: the unit',
      () => withRequest,
      people.lead,
      { type: 'DecideExtension', decision: 'granted', note: '' },
      undefined,
      [`ExtensionDecided → ${HEAD} (information, extension.granted)`],
    ],
    [
      'an extension is refused: the unit',
      () => withRequest,
      people.lead,
      { type: 'DecideExtension', decision: 'refused', note: '' },
      undefined,
      [`ExtensionDecided → ${HEAD} (information, extension.refused)`],
    ],
    [
      'the unit responds with a dispute: the lead, asked to resolve it',
      awaitingResponseStory,
      people.unitHead,
      { type: 'SubmitResponse', items: responseItems() },
      T.responded,
      ['ResponseSubmitted → the lead (request, response.submitted)'],
    ],
    [
      'a dispute is resolved: the unit',
      () => remediating,
      people.lead,
      { type: 'ResolveDispute', findingId: 'f-5', decision: 'upheld', note: '' },
      undefined,
      [`DisputeResolved → ${HEAD} (information, dispute.resolved)`],
    ],
    [
      'an action is reported: the lead, asked to verify',
      () => remediating,
      people.unitHead,
      { type: 'ReportAction', actionId: action('f-1'), note: 'Done.' },
      undefined,
      ['CorrectiveActionReported → the lead (request, action.reported)'],
    ],
    [
      'a verification reminder: the lead',
      () => remediating,
      system,
      (s) => timer(s, 'verification').command,
      '2026-04-14 00:00',
      ['ReminderSent → the lead (reminder, action.verification_due)'],
    ],
    [
      'an action is verified: the unit',
      () => remediating,
      people.lead,
      { type: 'VerifyAction', actionId: action('f-2'), decision: 'verified', note: '' },
      undefined,
      [`CorrectiveActionVerified → ${HEAD} (information, action.verified)`],
    ],
    [
      'an action is rejected (a first time): the unit',
      () => remediating,
      people.lead,
      { type: 'VerifyAction', actionId: action('f-2'), decision: 'rejected', note: 'No.', newDueDate: '2026-05-08' },
      undefined,
      [`CorrectiveActionRejected → ${HEAD} (request, action.rejected)`],
    ],
    [
      'an action is overdue: the unit is reminded',
      () => remediating,
      system,
      { type: 'MarkActionOverdue', actionId: action('f-1') },
      '2026-05-16 00:00',
      [`CorrectiveActionOverdue → ${HEAD} (reminder, action.overdue)`],
    ],
    [
      'an accountability case is decided: the unit',
      () => remediating,
      people.chairman,
      (s) => ({ type: 'DecideAccountability', caseId: openCase(s.state)!.id, outcome: 'criticized', note: 'x' }),
      undefined,
      [`AccountabilityDecided → ${HEAD} (information, accountability.decided)`],
    ],
    [
      'a follow-up is scheduled: nobody (it is a secret visit)',
      () => remediating,
      people.lead,
      { type: 'ScheduleFollowUp', followUpInspectionId: 'fu-1', windowStart: '2026-09-14', windowEnd: '2026-09-18' },
      undefined,
      [],
    ],
    [
      'cancelled after the visit: the unit',
      () => remediating,
      people.chairman,
      { type: 'CancelInspection', reason: 'Merged.' },
      undefined,
      [`InspectionCancelled → ${HEAD} (information, inspection.cancelled)`],
    ],
    [
      'cancelled before the visit: nobody at all',
      plannedStory,
      people.lead,
      { type: 'CancelInspection', reason: 'Leaked.' },
      undefined,
      [],
    ],
  ])('%s', (_what, build, actor, command, at, expected) => {
    const story = build();
    expect(told(story, actor, typeof command === 'function' ? command(story) : command, at)).toEqual(expected);
  });

  it('the last verification closes the inspection: the unit for the action, then the lead and the unit for the closure', () => {
    const closed = closedStory();
    const last = notificationsOf(closed, closed.events.length - 2).map(({ type, note }) => `${type} → ${who(note.audience)}`);
    expect(last).toEqual([`CorrectiveActionVerified → ${HEAD}`, 'InspectionClosed → the lead', `InspectionClosed → ${HEAD}`]);
  });

  it('a second rejection: the unit, and the chairman gets the accountability case', () => {
    const story = remediatingStory();
    const f2 = actionFor(story.state, 'f-2').id;
    const rejectedOnce = story
      .run(people.lead, { type: 'VerifyAction', actionId: f2, decision: 'rejected', note: 'No.', newDueDate: '2026-05-08' })
      .run(people.unitHead, { type: 'ReportAction', actionId: f2, note: 'Done now.' });
    expect(
      told(rejectedOnce, people.lead, {
        type: 'VerifyAction',
        actionId: f2,
        decision: 'rejected',
        note: 'Still no.',
        newDueDate: '2026-05-08',
      }),
    ).toEqual([
      `CorrectiveActionRejected → ${HEAD} (request, action.rejected)`,
      'AccountabilityCaseOpened → the chairman (escalation, accountability.opened)',
      `AccountabilityCaseOpened → ${HEAD} (escalation, accountability.opened)`,
    ]);
  });

  it('a response without disputes is only information for the lead, and a late one says so', () => {
    const items = responseItems().map((i) =>
      i.position === 'disputed'
        ? { findingId: i.findingId, position: 'accepted' as const, explanation: '', plan: { owner: 'Deputy head', dueDate: T.plannedDue } }
        : i,
    );
    const before = awaitingResponseStory();
    const [note] = notificationsOf(
      before.run(people.unitHead, { type: 'SubmitResponse', items }, '2026-04-02 10:00'),
      before.events.length,
    ).map((n) => n.note);
    expect(note).toMatchObject({
      audience: { userId: people.lead.userId },
      kind: 'information',
      message: 'The unit responded (late); 0 finding(s) disputed.',
    });
  });
});

describe('what the messages say', () => {
  it('dates are local days in Ho Chi Minh City, in English and in Vietnamese', () => {
    const approved = awaitingApprovalStory().run(people.chairman, { type: 'ApproveConclusion' }, T.approved);
    const [note] = notificationsOf(approved, approved.events.length - 2).map((n) => n.note);
    expect(note.message).toContain('by 2026-03-30');
    expect(note.messageVi).toContain('2026-03-30');
  });

  it('every notification of the longest story has a message in both languages', () => {
    const all = notificationsOf(closedStory()).map((n) => n.note);
    expect(all.length).toBeGreaterThan(10);
    expect(all.filter((n) => n.message.trim() === '' || n.messageVi.trim() === '')).toEqual([]);
  });
});

describe('nothing reaches a unit before its visit started', () => {
  it.each([
    [
      'planned, rescheduled, its window missed, then cancelled',
      () =>
        plannedStory()
          .run(people.lead, { type: 'RescheduleVisit', windowStart: '2026-03-10', windowEnd: '2026-03-11' })
          .run(system, { type: 'MarkVisitWindowMissed' }, '2026-03-12 00:00')
          .run(people.chairman, { type: 'CancelInspection', reason: 'Not needed.' }),
    ],
    ['cancelled by the lead while planned', cancelledBeforeVisitStory],
    [
      'a follow-up of a closed inspection, planned and rescheduled',
      () =>
        InspectionStory.empty()
          .run(
            people.lead,
            {
              ...planCommand({ windowStart: '2026-09-14', windowEnd: '2026-09-18' }),
              inspectionId: 'fu-1',
              followUpOf: 'inspection-ward-3',
            },
            '2026-04-20 09:00',
          )
          .run(people.lead, { type: 'RescheduleVisit', windowStart: '2026-09-21', windowEnd: '2026-09-25' }),
    ],
  ])('%s: no notification addresses any unit head', (_what, build) => {
    const notes = notificationsOf(build()).map((n) => n.note);
    expect(notes.filter((n) => 'role' in n.audience && n.audience.role === 'unit_head')).toEqual([]);
  });

  it('after the visit started, what goes to a unit always goes to the inspected unit only', () => {
    const units = notificationsOf(closedStory())
      .map((n) => n.note.audience)
      .filter((a): a is { role: 'unit_head'; unitId: string } => 'role' in a && a.role === 'unit_head')
      .map((a) => a.unitId);
    expect(units.length).toBeGreaterThan(0);
    expect(new Set(units)).toEqual(new Set([UNIT_ID]));
  });
});
