/** Remediation: disputes, corrective actions and follow-ups. */
import { UPHELD_ACTION_OWNER } from '../../decide';
import { actionFor, findingById, given } from '@inspectorate/domain-testing/decider-spec';
import { endOfDay, people, system, T } from '@inspectorate/domain-testing/fixtures';
import { acceptItem, closedStory, conclusionCommand, disputeItem, draftingStory, remediatingStory } from '@inspectorate/domain-testing/inspection-stories';

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

  it('a finding that was never disputed cannot be resolved', () => {
    given(remediatingStory())
      .when(people.lead, { type: 'ResolveDispute', findingId: 'f-1', decision: 'upheld', note: '' })
      .thenRejected('conflict', /no pending dispute/);
  });

  it('a dispute is resolved only once', () => {
    const resolved = remediatingStory().run(people.lead, { type: 'ResolveDispute', findingId: 'f-5', decision: 'upheld', note: '' });
    given(resolved)
      .when(people.lead, { type: 'ResolveDispute', findingId: 'f-5', decision: 'withdrawn', note: '' })
      .thenRejected('conflict', /no pending dispute/);
  });

  it('resolving the dispute of an unknown finding is not found', () => {
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

  it('a rejected action may be reported again', () => {
    given(story)
      .when(people.unitHead, { type: 'ReportAction', actionId: id('f-4'), note: 'Posted at the door.' })
      .thenEvents('CorrectiveActionReported');
  });

  it('an action already reported may not be reported again until it is verified or rejected', () => {
    given(story)
      .when(people.unitHead, { type: 'ReportAction', actionId: id('f-2'), note: 'Again.' })
      .thenRejected('conflict', /reported/);
  });

  it('a verified action may not be reported again', () => {
    given(story)
      .when(people.unitHead, { type: 'ReportAction', actionId: id('f-3'), note: 'Again.' })
      .thenRejected('conflict', /verified/);
  });

  it('reporting an unknown action is not found', () => {
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

  describe('rejections of one action', () => {
    const f2 = () => actionFor(remediatingStory().state, 'f-2').id;
    const rejecting = () => ({ type: 'VerifyAction', actionId: f2(), decision: 'rejected', note: 'Not done.', newDueDate: '2026-05-08' }) as const;
    const reporting = { type: 'ReportAction', note: 'Done now.' } as const;
    const rejectedOnce = () => remediatingStory().run(people.lead, rejecting(), '2026-04-10 09:00');
    const reportedAgain = () => rejectedOnce().run(people.unitHead, { ...reporting, actionId: f2() }, '2026-04-13 09:00');
    const rejectedTwice = () => reportedAgain().run(people.lead, rejecting(), '2026-04-14 09:00');

    it('the first rejection opens no case', () => {
      given(remediatingStory()).when(people.lead, rejecting(), '2026-04-10 09:00').thenEvents('CorrectiveActionRejected');
    });

    it('the second rejection of the same action opens an accountability case about it', () => {
      const second = given(reportedAgain()).when(people.lead, rejecting(), '2026-04-14 09:00');
      second.thenEvents('CorrectiveActionRejected', 'AccountabilityCaseOpened');
      expect(second.thenEvent('AccountabilityCaseOpened')).toEqual({
        caseId: 'id-6',
        reason: 'action_rejected_twice',
        unitId: 'unit-ward-3',
        actionId: f2(),
      });
    });

    it('a third rejection does not open another case', () => {
      const reportedThrice = rejectedTwice().run(people.unitHead, { ...reporting, actionId: f2() }, '2026-04-15 09:00');
      expect(given(reportedThrice).when(people.lead, rejecting(), '2026-04-16 09:00').thenEvents('CorrectiveActionRejected')[0]).toMatchObject({
        data: { rejectionCount: 3 },
      });
    });
  });

  it('an action is not marked overdue before its due date has passed', () => {
    given(story)
      .when(system, { type: 'MarkActionOverdue', actionId: id('f-1') }, '2026-05-15 23:59')
      .thenRejected('conflict', /not due yet/);
  });

  it('an open action past its due date is marked overdue', () => {
    const f1 = id('f-1');
    const overdue = given(story).when(system, { type: 'MarkActionOverdue', actionId: f1 }, '2026-05-16 00:00');
    expect(overdue.thenEvent('CorrectiveActionOverdue')).toEqual({ actionId: f1, dueAt: endOfDay(T.plannedDue) });
  });

  it('an action is marked overdue only once', () => {
    const f1 = id('f-1');
    const overdue = given(story).when(system, { type: 'MarkActionOverdue', actionId: f1 }, '2026-05-16 00:00');
    given(overdue.next).when(system, { type: 'MarkActionOverdue', actionId: f1 }).thenRejected('conflict');
  });

  it('an action that is reported (not open) is not marked overdue', () => {
    given(story)
      .when(system, { type: 'MarkActionOverdue', actionId: id('f-2') }, '2026-05-16 00:00')
      .thenRejected('conflict');
  });

  it('marking an unknown action overdue is not found', () => {
    given(story).when(system, { type: 'MarkActionOverdue', actionId: 'id-404' }, '2026-05-16 00:00').thenNotFound();
  });

  it('an overdue action may still be reported', () => {
    const overdue = story.run(system, { type: 'MarkActionOverdue', actionId: id('f-1') }, '2026-05-16 00:00');
    given(overdue)
      .when(people.unitHead, { type: 'ReportAction', actionId: id('f-1'), note: 'Late, but done.' })
      .thenEvents('CorrectiveActionReported');
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
