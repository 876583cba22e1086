/** Commands of any phase: cancellation, accountability cases, and the timers' commands. */
import { reminderCommand } from '@inspectorate/domain-testing/command-matrix';
import { given, openCase } from '@inspectorate/domain-testing/decider-spec';
import { endOfDay, people, system, T } from '@inspectorate/domain-testing/fixtures';
import { awaitingResponseStory, cancelledStory, conclusionCommand, draftingStory, plannedStory, remediatingStory } from '@inspectorate/domain-testing/inspection-stories';

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

  it('a decision needs a known outcome', () => {
    given(story)
      .when(people.chairman, { type: 'DecideAccountability', caseId, outcome: 'fired' as never, note: 'x' })
      .thenInvalid('outcome');
  });

  it('a decision needs a note', () => {
    given(story).when(people.chairman, { type: 'DecideAccountability', caseId, outcome: 'reminded', note: '' }).thenInvalid('note');
  });

  it('an unknown case is not found', () => {
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
