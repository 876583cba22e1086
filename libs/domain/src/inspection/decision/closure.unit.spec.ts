/** The closure policy: an inspection closes by itself once nothing is left to do. */
import { actionFor, given } from '@inspectorate/domain-testing/decider-spec';
import { people } from '@inspectorate/domain-testing/fixtures';
import { closedStory, remediatingStory } from '@inspectorate/domain-testing/inspection-stories';

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
