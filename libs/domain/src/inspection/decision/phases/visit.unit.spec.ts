/** During the visit: findings recorded, amended and withdrawn; ending the visit. */
import { InspectionCommand } from '../../commands';
import { findingById, given } from '@inspectorate/domain-testing/decider-spec';
import { endOfDay, localTime, minutesAfter, people, QUICK_POLICY, T } from '@inspectorate/domain-testing/fixtures';
import { draftingStory, FINDINGS, inProgressStory } from '@inspectorate/domain-testing/inspection-stories';

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

  it('its author amends a finding', () => {
    given(inProgressStory())
      .when(people.inspectorAn, { type: 'AmendFinding', findingId: 'f-1', changes: { severity: 'critical' } })
      .thenEvents('FindingAmended');
  });

  it('nobody but its author amends a finding, not even the lead or another inspector of the team', () => {
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

  it('a withdrawn finding cannot be amended', () => {
    given(inProgressStory())
      .when(people.inspectorAn, { type: 'AmendFinding', findingId: 'f-6', changes: { severity: 'major' } })
      .thenRejected('conflict', /withdrawn/);
  });

  it('a withdrawn finding cannot be withdrawn again', () => {
    given(inProgressStory())
      .when(people.inspectorAn, { type: 'WithdrawFinding', findingId: 'f-6', reason: 'again' })
      .thenRejected('conflict', /withdrawn/);
  });

  it('amending an unknown finding is not found', () => {
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
