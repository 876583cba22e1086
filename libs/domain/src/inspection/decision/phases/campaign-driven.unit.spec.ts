/** Changes a campaign makes to its inspections: the team follows, a cancellation comes with its reason. */
import { given } from '@inspectorate/domain-testing/decider-spec';
import { notificationsFor } from '../../notifications';
import { canSeeInspection } from '../../visibility';
import { people, system, TEAM } from '@inspectorate/domain-testing/fixtures';
import { cancelledStory, inProgressStory, plannedStory, remediatingStory } from '@inspectorate/domain-testing/inspection-stories';

const NEW_TEAM = { leadInspectorId: people.otherLead.userId, inspectorIds: [people.inspectorAn.userId] };

describe('an inspection following its campaign', () => {
  it('takes the new team, with the old one in the record; the new lead leads from now on', () => {
    const outcome = given(inProgressStory()).when(system, { type: 'FollowCampaignTeam', team: NEW_TEAM, by: people.lead.userId });
    expect(outcome.thenEvent('InspectionTeamChanged')).toEqual({ team: NEW_TEAM, previousTeam: TEAM, by: people.lead.userId });
    expect(outcome.after.team).toEqual(NEW_TEAM);
    given(outcome.next).when(people.lead, { type: 'EndVisit' }).thenForbidden(/lead inspector/);
    given(outcome.next).when(people.otherLead, { type: 'EndVisit' }).thenEvent('VisitEnded');
  });

  it('tells the new lead, and nobody at the unit', () => {
    const outcome = given(plannedStory()).when(system, { type: 'FollowCampaignTeam', team: NEW_TEAM, by: people.lead.userId });
    const [event] = outcome.events;
    const notes = notificationsFor({ ...event, actor: system, occurredAt: outcome.after.lastEventAt } as never, outcome.after);
    expect(notes.map((n) => n.audience)).toEqual([{ userId: people.otherLead.userId }]);
  });

  it('records nothing when the team is the same, and nothing after the end', () => {
    expect(given(remediatingStory()).when(system, { type: 'FollowCampaignTeam', team: TEAM, by: people.lead.userId }).events).toEqual([]);
    given(cancelledStory()).when(system, { type: 'FollowCampaignTeam', team: NEW_TEAM, by: people.lead.userId }).thenConflictNaming('cancelled');
  });

  it('is sent by the campaign only, never by a person', () => {
    given(plannedStory()).when(people.lead, { type: 'FollowCampaignTeam', team: NEW_TEAM, by: people.lead.userId }).thenForbidden(/by the system/);
    given(plannedStory()).when(people.chairman, { type: 'CancelWithCampaign', reason: 'x', cause: 'campaign_cancelled', by: people.chairman.userId }).thenForbidden(/by the system/);
  });

  it('a removed target is cancelled while secret: the unit never hears of it', () => {
    const outcome = given(plannedStory()).when(system, { type: 'CancelWithCampaign', reason: 'Bỏ khỏi kế hoạch.', cause: 'target_removed', by: people.lead.userId });
    expect(outcome.thenEvent('InspectionCancelled')).toEqual({ reason: 'Bỏ khỏi kế hoạch.', statusBefore: 'planned', cause: 'target_removed', by: people.lead.userId });
    expect(outcome.after.cancellation).toMatchObject({ by: people.lead.userId, cause: 'target_removed' });
    const [event] = outcome.events;
    expect(notificationsFor({ ...event, actor: system, occurredAt: outcome.after.lastEventAt } as never, outcome.after)).toEqual([]);
    expect(canSeeInspection(people.unitHead, outcome.after)).toBe(false);
  });

  it('a target whose visit started cannot be removed, only cancelled with the campaign', () => {
    given(inProgressStory()).when(system, { type: 'CancelWithCampaign', reason: 'x', cause: 'target_removed', by: people.lead.userId }).thenConflictNaming('in_progress');
    const outcome = given(inProgressStory()).when(system, { type: 'CancelWithCampaign', reason: 'Dừng kế hoạch.', cause: 'campaign_cancelled', by: people.chairman.userId });
    expect(outcome.after).toMatchObject({ status: 'cancelled', cancellation: { statusBefore: 'in_progress', cause: 'campaign_cancelled', by: people.chairman.userId } });
  });
});
