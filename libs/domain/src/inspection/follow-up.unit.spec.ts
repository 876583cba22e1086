/** Planning a follow-up inspection from a `FollowUpScheduled` event (what the workflow then decides). */
import { decide } from './decide';
import { followUpPlan } from './follow-up';
import { isRejection } from '../shared/rejection';
import { given, fixedContext } from '@inspectorate/domain-testing/decider-spec';
import { people } from '@inspectorate/domain-testing/fixtures';
import { remediatingStory } from '@inspectorate/domain-testing/inspection-stories';

const scheduled = (windowStart: string, windowEnd: string) =>
  given(remediatingStory())
    .when(people.lead, { type: 'ScheduleFollowUp', followUpInspectionId: 'fu-1', windowStart, windowEnd })
    .thenEvent('FollowUpScheduled');

describe('a follow-up inspection', () => {
  it('visits the same unit with the same team, policy, checklist and campaign, in the scheduled window', () => {
    const followed = remediatingStory().state;
    const plan = followUpPlan(followed, scheduled('2026-09-14', '2026-09-18'));
    expect(plan).toEqual({
      type: 'PlanInspection',
      inspectionId: 'fu-1',
      campaignId: followed.campaignId,
      unitId: followed.unitId,
      year: 2026,
      team: followed.team,
      policy: followed.policy,
      checklistVersion: followed.checklistVersion,
      windowStart: '2026-09-14',
      windowEnd: '2026-09-18',
      followUpOf: followed.id,
    });
  });

  it('counts in the local year its window opens: a window from 1 January opens at 17:00 UTC on 31 December', () => {
    const data = scheduled('2027-01-01', '2027-01-08');
    expect(data.window.opensAt).toBe('2026-12-31T17:00:00.000Z');
    const plan = followUpPlan(remediatingStory().state, data);
    expect(plan.year).toBe(2027);

    // The plan is decided like any other: the follow-up is planned in 2027.
    const planned = decide(undefined, plan, people.lead, fixedContext('2026-06-01 09:00'));
    if (isRejection(planned)) throw new Error(planned.reason);
    expect(planned).toEqual([expect.objectContaining({ type: 'InspectionPlanned', data: expect.objectContaining({ year: 2027, followUpOf: remediatingStory().state.id }) })]);
  });

  it('a window from 31 December stays in that year', () => {
    const plan = followUpPlan(remediatingStory().state, scheduled('2026-12-31', '2027-01-08'));
    expect(plan.year).toBe(2026);
  });

  it('reads the instant the window opens in Asia/Ho_Chi_Minh, on either side of local midnight', () => {
    const state = remediatingStory().state;
    const window = (opensAt: string) => ({ followUpInspectionId: 'fu-1', window: { windowStart: '2027-01-01', windowEnd: '2027-01-08', opensAt, closesAt: '2027-01-08T16:59:59.999Z' } });
    // 00:00:30 on 1 January in Ho Chi Minh City, still 31 December in UTC.
    expect(followUpPlan(state, window('2026-12-31T17:00:30.000Z')).year).toBe(2027);
    // 23:59:59.999 on 31 December in Ho Chi Minh City.
    expect(followUpPlan(state, window('2026-12-31T16:59:59.999Z')).year).toBe(2026);
  });
});
