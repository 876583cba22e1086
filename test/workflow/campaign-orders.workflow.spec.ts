import { randomUUID } from 'node:crypto';
import { streamIds } from '@inspectorate/domain';
import { workflowIds } from '@inspectorate/temporal';
import { campaignStateQuery } from '@inspectorate/workflow-contract';
import { inDays } from '../harness/time';
import { ACTORS, patchesIn, rejectionOf, useWorkflowRig } from '../harness/workflow-rig';

/**
 * A planned target's removal is the inspection's decision before it is the campaign's: the
 * campaign asks its inspection to cancel itself and records `CampaignTargetRemoved` only once it
 * has (patch 'removal-asks-the-inspection'). The campaign hears of an inspection's status by a
 * signal, a moment late, so only the inspection knows that its visit has just started.
 */
describe('campaign workflow: orders it gives its inspections', () => {
  const rig = useWorkflowRig();
  afterEach(() => {
    rig.log.appendDelayMs = 0;
  });
  const remove = (campaignId: string, inspectionId: string) => rig.campaignCommand(campaignId, ACTORS.lead, { type: 'RemoveTarget', inspectionId, reason: 'Đơn vị sáp nhập.' });

  it('cancels the inspection first, then records the removal in the campaign', async () => {
    const { campaignId, inspectionIds: [id] } = await rig.createCampaign({ targets: 2 });
    const result = await remove(campaignId, id);

    expect(result.events).toEqual(['CampaignTargetRemoved']);
    expect(rig.log.types(streamIds.inspection(id))).toEqual(['InspectionPlanned', 'InspectionCancelled']);
    expect(rig.log.stream(streamIds.inspection(id))[1].data).toMatchObject({ cause: 'target_removed', statusBefore: 'planned', by: ACTORS.lead.userId });
    expect(rig.log.types(streamIds.campaign(campaignId))).toEqual(['CampaignCreated', 'CampaignTargetRemoved']);
    const appended = rig.log.calls.filter((c) => c.outcome === 'appended').map((c) => c.streams.join());
    expect(appended.indexOf(streamIds.inspection(id))).toBeLessThan(appended.indexOf(streamIds.campaign(campaignId)));
  });

  it('is refused, and leaves no trace in the campaign, when the visit started a moment before', async () => {
    const { campaignId, inspectionIds: [id, other] } = await rig.createCampaign({ targets: 2 });
    rig.log.appendDelayMs = 800;
    // The start holds the inspection while its append is slow; the campaign has not heard of it.
    const appending = rig.log.appendStarted(streamIds.inspection(id));
    const start = rig.command(id, ACTORS.lead, { type: 'StartVisit' });
    await appending;
    const refused = await rejectionOf(remove(campaignId, id));
    await start;
    rig.log.appendDelayMs = 0;

    expect(refused).toMatchObject({ code: 'conflict', reason: expect.stringContaining('its inspection is in_progress') });
    expect(rig.log.types(streamIds.campaign(campaignId))).toEqual(['CampaignCreated']);
    expect(rig.log.types(streamIds.inspection(id))).toEqual(['InspectionPlanned', 'VisitStarted']);
    const campaign = await rig.client.workflow.getHandle(workflowIds.campaign(campaignId)).query(campaignStateQuery);
    expect(campaign.state?.targets.map((t) => t.inspectionId)).toEqual([id, other]);
    // Nothing is left waiting: the campaign takes the next change.
    await remove(campaignId, other);
    expect(rig.log.types(streamIds.campaign(campaignId))).toEqual(['CampaignCreated', 'CampaignTargetRemoved']);
  });

  it('marks the new path in the history, and the history replays with the current code', async () => {
    const { campaignId, inspectionIds: [id] } = await rig.createCampaign({ targets: 2 });
    await remove(campaignId, id);
    const history = await rig.history(workflowIds.campaign(campaignId));

    expect(patchesIn(history)).toContain('removal-asks-the-inspection');
    await expect(rig.replay(history, workflowIds.campaign(campaignId))).resolves.toBeUndefined();
    await expect(rig.replay(await rig.history(workflowIds.inspection(id)), workflowIds.inspection(id))).resolves.toBeUndefined();
  });

  // Patch 'late-follow-up-cancelled'. The API refuses a follow-up of an inspection whose campaign is
  // cancelled; one that passed that check in the moment of the cancellation reaches the workflow.
  it('cancels a follow-up that joins the campaign after its cancellation, with the reason of the cancellation', async () => {
    const { campaignId, inspectionIds: [id] } = await rig.createCampaign({ targets: 2 });
    const { findingId } = await rig.toAwaitingResponse(id);
    await rig.respond(id, [findingId]);
    const actionId = (await rig.state(id)).state.actions[0].id;
    await rig.command(id, ACTORS.head, { type: 'ReportAction', actionId, note: 'Đã chấn chỉnh.' });
    await rig.command(id, ACTORS.lead, { type: 'VerifyAction', actionId, decision: 'verified', note: 'Đạt yêu cầu.' });
    await rig.campaignCommand(campaignId, ACTORS.chairman, { type: 'CancelCampaign', reason: 'Sáp nhập đơn vị hành chính.' });
    const followUpId = randomUUID();
    await rig.command(id, ACTORS.lead, { type: 'ScheduleFollowUp', followUpInspectionId: followUpId, windowStart: inDays(30), windowEnd: inDays(40) });

    const events = await rig.log.waitFor(streamIds.inspection(followUpId), (e) => e.length >= 2);
    expect(events.map((e) => e.type)).toEqual(['InspectionPlanned', 'InspectionCancelled']);
    expect(events[1].data).toMatchObject({ cause: 'campaign_cancelled', reason: 'Sáp nhập đơn vị hành chính.', by: ACTORS.chairman.userId, statusBefore: 'planned' });
    const campaignTypes = rig.log.types(streamIds.campaign(campaignId));
    expect(campaignTypes.slice(campaignTypes.indexOf('CampaignCancelled'))).toEqual(['CampaignCancelled', 'UnitAddedToCampaign']);
    expect(patchesIn(await rig.history(workflowIds.campaign(campaignId)))).toContain('late-follow-up-cancelled');
  });
});
