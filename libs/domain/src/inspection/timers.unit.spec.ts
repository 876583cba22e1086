import { dueTimers, DueTimer, timersDueBy } from './timers';
import { InspectionState } from './state';
import { actionFor, InspectionStory, When } from '@inspectorate/domain-testing/decider-spec';
import { endOfDay, localTime, people, QUICK_POLICY, system, T } from '@inspectorate/domain-testing/fixtures';
import {
  awaitingApprovalStory,
  awaitingResponseStory,
  cancelledStory,
  closedStory,
  conclusionCommand,
  draftingStory,
  inProgressStory,
  plannedStory,
  remediatingStory,
  StoryOptions,
} from '@inspectorate/domain-testing/inspection-stories';
import { DEFAULT_POLICY } from '../policy/policy';

const at = (local: string) => localTime(local).toISOString();

/** Timers as a person would read them: what happens, and when (local time in Ho Chi Minh City). */
const readable = (timers: DueTimer[]) =>
  timers.map((t) => {
    const c = t.command;
    const what =
      c.type === 'SendReminder' ? `${c.subject} reminder` : c.type === 'MarkActionOverdue' ? `MarkActionOverdue ${c.actionId}` : c.type;
    const local = new Date(Date.parse(t.at) + 7 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
    return `${local} ${what}`;
  });

const fire = (story: InspectionStory, timer: DueTimer) =>
  story.run(system, timer.command, new Date(Math.max(Date.parse(timer.at), Date.parse(story.state.lastEventAt))));

function approvedStory(approvedAt: When, options: StoryOptions = {}, requiredDue: string = T.requiredDue): InspectionStory {
  return draftingStory(options)
    .run(people.lead, conclusionCommand(undefined, requiredDue), T.conclusionSubmitted)
    .run(people.chairman, { type: 'ApproveConclusion' }, approvedAt);
}

describe('timers of a planned inspection', () => {
  it('the window closing unvisited is the only timer', () => {
    expect(dueTimers(plannedStory().state)).toEqual([{ at: endOfDay(T.windowEnd), command: { type: 'MarkVisitWindowMissed' } }]);
  });

  it('once missed, nothing more is due until the lead reschedules; then the new window counts', () => {
    const missed = plannedStory().run(system, { type: 'MarkVisitWindowMissed' }, '2026-03-14 00:00');
    expect(dueTimers(missed.state)).toEqual([]);
    const rescheduled = missed.run(people.lead, { type: 'RescheduleVisit', windowStart: '2026-03-23', windowEnd: '2026-03-27' });
    expect(readable(dueTimers(rescheduled.state))).toEqual(['2026-03-27 23:59 MarkVisitWindowMissed']);
  });
});

describe.each([
  ['in progress', inProgressStory],
  ['awaiting approval', awaitingApprovalStory],
  ['closed', closedStory],
  ['cancelled (timers stop)', cancelledStory],
] as const)('an inspection %s', (_what, build) => {
  it('has no timers', () => {
    expect(dueTimers(build().state)).toEqual([]);
  });
});

describe('the conclusion deadline', () => {
  it('reminds the lead 3 and 1 working days before, at 08:00, then marks it overdue', () => {
    expect(readable(dueTimers(draftingStory().state))).toEqual([
      '2026-03-26 08:00 conclusion reminder',
      '2026-03-30 08:00 conclusion reminder',
      '2026-03-31 23:59 MarkConclusionOverdue',
    ]);
  });

  it('stops once overdue, and does not start again after a return', () => {
    const overdue = draftingStory().run(system, { type: 'MarkConclusionOverdue' }, '2026-04-01 00:00');
    expect(dueTimers(overdue.state)).toEqual([]);
    const returned = overdue.run(people.lead, conclusionCommand()).run(people.chairman, { type: 'ReturnConclusion', comment: 'Redo.' });
    expect(dueTimers(returned.state)).toEqual([]);
  });
});

describe('the response deadline', () => {
  it('reminds the unit 3 and 1 working days before, at 08:00, then marks it overdue', () => {
    const s = awaitingResponseStory().state;
    expect(readable(dueTimers(s))).toEqual([
      '2026-03-25 08:00 response reminder',
      '2026-03-27 08:00 response reminder',
      '2026-03-30 23:59 MarkResponseOverdue',
    ]);
    expect(dueTimers(s)[0].command).toEqual({
      type: 'SendReminder',
      subject: 'response',
      dueAt: endOfDay(T.responseDue),
      reminderKey: `response:${endOfDay(T.responseDue)}:${at('2026-03-25 08:00')}`,
    });
  });

  it('counts working days around the 30 April – 1 May holidays (and Hùng Kings observed on 27 April)', () => {
    const s = approvedStory('2026-04-15 10:00').state;
    expect(s.responseDeadline?.dueAt).toBe(endOfDay('2026-05-04'));
    expect(readable(dueTimers(s))).toEqual([
      '2026-04-24 08:00 response reminder',
      '2026-04-29 08:00 response reminder',
      '2026-05-04 23:59 MarkResponseOverdue',
    ]);
  });

  it('sends no reminder that would fall before the deadline was set', () => {
    const s = approvedStory(T.approved, { policy: { ...DEFAULT_POLICY, responseDeadline: { workingDays: 2 } } }).state;
    expect(s.responseDeadline?.dueAt).toBe(endOfDay('2026-03-18'));
    expect(readable(dueTimers(s))).toEqual(['2026-03-17 08:00 response reminder', '2026-03-18 23:59 MarkResponseOverdue']);
  });

  it('keeps a reminder later on the same morning the deadline was set', () => {
    const s = approvedStory('2026-03-17 07:30', { policy: { ...DEFAULT_POLICY, responseDeadline: { workingDays: 1 } } }).state;
    expect(readable(dueTimers(s))).toEqual(['2026-03-17 08:00 response reminder', '2026-03-18 23:59 MarkResponseOverdue']);
  });

  it('with exact durations, reminds exactly that long before the deadline', () => {
    const s = approvedStory(T.approved, { policy: QUICK_POLICY }, '2026-04-01').state;
    expect(readable(dueTimers(s))).toEqual(['2026-03-16 11:30 response reminder', '2026-03-16 12:00 MarkResponseOverdue']);
  });

  it('a reminder once sent is not due again', () => {
    const story = awaitingResponseStory();
    const [first] = dueTimers(story.state);
    const after = fire(story, first);
    expect(after.state.remindersSent).toEqual([(first.command as { reminderKey: string }).reminderKey]);
    expect(readable(dueTimers(after.state))).toEqual(['2026-03-27 08:00 response reminder', '2026-03-30 23:59 MarkResponseOverdue']);
  });

  it('stops once the response is overdue', () => {
    const overdue = awaitingResponseStory().run(system, { type: 'MarkResponseOverdue' }, '2026-03-31 00:00');
    expect(dueTimers(overdue.state)).toEqual([]);
  });

  it('a granted extension moves the reminders and the overdue timer to the new deadline', () => {
    const granted = awaitingResponseStory()
      .run(people.unitHead, { type: 'RequestExtension', reason: 'Flooding.', requestedDeadline: '2026-04-10' }, '2026-03-18 09:00')
      .run(people.lead, { type: 'DecideExtension', decision: 'granted', note: '' }, '2026-03-19 09:00');
    expect(readable(dueTimers(granted.state))).toEqual([
      '2026-04-07 08:00 response reminder',
      '2026-04-09 08:00 response reminder',
      '2026-04-10 23:59 MarkResponseOverdue',
    ]);
  });

  it('a refused extension leaves the timers where they were', () => {
    const refused = awaitingResponseStory()
      .run(people.unitHead, { type: 'RequestExtension', reason: 'Flooding.', requestedDeadline: '2026-04-10' }, '2026-03-18 09:00')
      .run(people.lead, { type: 'DecideExtension', decision: 'refused', note: '' }, '2026-03-19 09:00');
    expect(dueTimers(refused.state)).toEqual(dueTimers(awaitingResponseStory().state));
  });

  it('an extension granted after the deadline passed starts the timers again, skipping reminders already in the past', () => {
    const granted = awaitingResponseStory()
      .run(people.unitHead, { type: 'RequestExtension', reason: 'Flooding.', requestedDeadline: '2026-04-03' }, '2026-03-27 09:00')
      .run(system, { type: 'MarkResponseOverdue' }, '2026-03-31 00:00')
      .run(people.lead, { type: 'DecideExtension', decision: 'granted', note: '' }, '2026-03-31 09:00');
    expect(readable(dueTimers(granted.state))).toEqual(['2026-04-02 08:00 response reminder', '2026-04-03 23:59 MarkResponseOverdue']);
  });
});

describe('corrective action timers', () => {
  const story = remediatingStory();
  const s = story.state;
  const id = (f: string) => actionFor(s, f).id;

  it('an open or rejected action falls due at its due date; a reported one reminds the lead to verify', () => {
    expect(readable(dueTimers(s))).toEqual([
      '2026-04-13 23:59 verification reminder',
      `2026-05-15 23:59 MarkActionOverdue ${id('f-1')}`,
      `2026-05-29 23:59 MarkActionOverdue ${id('f-4')}`,
    ]);
    expect(dueTimers(s)[0].command).toEqual({
      type: 'SendReminder',
      subject: 'verification',
      dueAt: endOfDay('2026-04-13'),
      reminderKey: `verification:${id('f-2')}:${at('2026-04-06 10:00')}`,
      actionId: id('f-2'),
    });
  });

  it('an action marked overdue is not due again; a sent verification reminder is not sent again', () => {
    let next = story;
    for (const timer of dueTimers(s).slice(0, 2)) next = fire(next, timer);
    expect(readable(dueTimers(next.state))).toEqual([`2026-05-29 23:59 MarkActionOverdue ${id('f-4')}`]);
  });

  it('a rejection with a new due date moves its timer and clears the verification reminder', () => {
    const rejected = story.run(people.lead, {
      type: 'VerifyAction',
      actionId: id('f-2'),
      decision: 'rejected',
      note: 'No.',
      newDueDate: '2026-05-08',
    });
    expect(readable(dueTimers(rejected.state))).toEqual([
      `2026-05-08 23:59 MarkActionOverdue ${id('f-2')}`,
      `2026-05-15 23:59 MarkActionOverdue ${id('f-1')}`,
      `2026-05-29 23:59 MarkActionOverdue ${id('f-4')}`,
    ]);
  });

  it('a new report of the same action asks for a new verification reminder', () => {
    const reported = story
      .run(
        people.lead,
        { type: 'VerifyAction', actionId: id('f-2'), decision: 'rejected', note: 'No.', newDueDate: '2026-05-08' },
        '2026-04-10 09:00',
      )
      .run(people.unitHead, { type: 'ReportAction', actionId: id('f-2'), note: 'Now done.' }, '2026-04-14 09:00');
    const reminder = dueTimers(reported.state).find((t) => t.command.type === 'SendReminder');
    expect(reminder?.command).toMatchObject({
      reminderKey: `verification:${id('f-2')}:${at('2026-04-14 09:00')}`,
      dueAt: endOfDay('2026-04-21'),
    });
  });
});

describe('timersDueBy', () => {
  it('returns only what is due by now, oldest first', () => {
    const s: InspectionState = awaitingResponseStory().state;
    expect(timersDueBy(s, localTime('2026-03-24 23:00'))).toEqual([]);
    expect(readable(timersDueBy(s, localTime('2026-03-27 08:00')))).toEqual([
      '2026-03-25 08:00 response reminder',
      '2026-03-27 08:00 response reminder',
    ]);
    expect(timersDueBy(s, localTime('2026-04-30 00:00'))).toEqual(dueTimers(s));
  });
});
