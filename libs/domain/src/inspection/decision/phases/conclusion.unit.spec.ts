/** The conclusion: drafting, dissent, return, and an approval bound to its content. */
import { pendingContentHash } from '../../approval';
import { given } from '@inspectorate/domain-testing/decider-spec';
import { endOfDay, people, QUICK_POLICY, T } from '@inspectorate/domain-testing/fixtures';
import { awaitingApprovalStory, conclusionCommand, draftingStory } from '@inspectorate/domain-testing/inspection-stories';

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

  it('an inspector of the team records a dissent, which travels with the conclusion', () => {
    expect(
      given(draftingStory())
        .when(people.inspectorAn, { type: 'RecordDissent', text: '  f-3 is not critical.  ' })
        .thenEvent('DissentRecorded'),
    ).toEqual({
      authorId: people.inspectorAn.userId,
      text: 'f-3 is not critical.',
    });
  });

  it('the lead cannot dissent from their own draft', () => {
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
