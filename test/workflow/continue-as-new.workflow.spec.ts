import { randomUUID } from 'node:crypto';
import { streamIds } from '@inspectorate/domain';
import { workflowIds } from '@inspectorate/temporal';
import { ACTORS, useWorkflowRig } from '../harness/workflow-rig';

/**
 * Long histories continue as new (the server's suggestion, or the operators' `historyLimit`,
 * set very low here). What the next run starts from is the whole durable state: the domain
 * state and version, the deadlines it implies, and the answers to recent updates.
 */
describe('inspection workflow: continue-as-new', () => {
  const rig = useWorkflowRig();
  const stream = streamIds.inspection;

  /** The runs of a workflow, oldest first: each new run names the one it continued. */
  async function runsOf(workflowId: string): Promise<number> {
    let runs = 1;
    const history = await rig.history(workflowId);
    let continued = history.events?.[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId;
    while (continued) {
      runs += 1;
      const earlier = await rig.client.workflow.getHandle(workflowId, continued).fetchHistory();
      continued = earlier.events?.[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId;
    }
    return runs;
  }

  it('keeps state, version and a running deadline across runs, and answers a repeated update once', async () => {
    const { inspectionIds: [id] } = await rig.createCampaign({ historyLimit: 20, policy: { responseDeadline: { duration: 'PT4S' }, reminderOffsets: [] } });
    const repeatedUpdateId = `update-${randomUUID()}`;
    const firstFinding = { type: 'RecordFinding' as const, findingId: randomUUID(), criterionCode: 'KL-01', severity: 'minor' as const, description: 'Sổ theo dõi không cập nhật.' };
    await rig.command(id, ACTORS.lead, { type: 'StartVisit' });
    const first = await rig.command(id, ACTORS.inspector, firstFinding, repeatedUpdateId);
    for (let n = 0; n < 4; n += 1) {
      await rig.command(id, ACTORS.inspector, { type: 'RecordFinding', findingId: randomUUID(), criterionCode: 'KL-02', severity: 'minor', description: `Phát hiện ${n}` });
    }
    const { findingId } = await rig.toAwaitingResponse(id, { visitStarted: true });
    expect(await runsOf(workflowIds.inspection(id))).toBeGreaterThan(1);

    // The repeat of an update from an earlier run gets that run's answer, and nothing is recorded again.
    const again = await rig.command(id, ACTORS.inspector, firstFinding, repeatedUpdateId);
    expect(again).toEqual(first);
    const findings = rig.log.stream(stream(id)).filter((e) => e.type === 'FindingRecorded');
    expect(findings).toHaveLength(6);

    const { state, version } = await rig.state(id);
    expect(version).toBe(rig.log.version(stream(id)));
    expect(state.findings).toHaveLength(6);
    expect(state.status).toBe('awaiting_response');

    // The response deadline was set in one run and fires in a later one, once.
    const events = await rig.log.waitFor(stream(id), (e) => e.some((x) => x.type === 'ResponseOverdue'));
    expect(events.filter((e) => e.type === 'ResponseOverdue')).toHaveLength(1);
    await rig.respond(id, [findingId]);
    const versions = rig.log.stream(stream(id)).map((e) => e.version);
    expect(versions).toEqual(versions.map((_, i) => i + 1));
  });

  it('continues the campaign as new too, and it still completes when its inspections end', async () => {
    const { campaignId, inspectionIds } = await rig.createCampaign({ targets: 3, historyLimit: 12 });
    for (const id of inspectionIds) {
      await rig.command(id, ACTORS.lead, { type: 'StartVisit' });
      await rig.command(id, ACTORS.lead, { type: 'CancelInspection', reason: 'Đơn vị sáp nhập.' });
    }
    const events = await rig.log.waitFor(streamIds.campaign(campaignId), (e) => e.some((x) => x.type === 'CampaignCompleted'));
    expect(events.filter((e) => e.type === 'CampaignCompleted')).toEqual([expect.objectContaining({ data: { closed: 0, cancelled: 3 } })]);
    expect(await runsOf(workflowIds.campaign(campaignId))).toBeGreaterThan(1);
  });

  // An update that spans workflow tasks (a removal waits for its inspection's answer) is in flight
  // when the history reaches its limit, and the inspection's status notice arrives meanwhile: the
  // campaign must still take that notice, and then continue as new (patch 'notices-before-continue').
  it('takes the notices that arrive while an update is in flight at the history limit, then continues as new', async () => {
    const { campaignId, inspectionIds: [first, second, last] } = await rig.createCampaign({ targets: 3, historyLimit: 12 });
    for (const id of [first, second]) await rig.campaignCommand(campaignId, ACTORS.lead, { type: 'RemoveTarget', inspectionId: id, reason: 'Đơn vị sáp nhập.' });
    await rig.command(last, ACTORS.lead, { type: 'StartVisit' });
    await rig.command(last, ACTORS.lead, { type: 'CancelInspection', reason: 'Đơn vị giải thể.' });

    const events = await rig.log.waitFor(streamIds.campaign(campaignId), (e) => e.some((x) => x.type === 'CampaignCompleted'));
    expect(events.map((e) => e.type)).toEqual(['CampaignCreated', 'CampaignTargetRemoved', 'CampaignTargetRemoved', 'CampaignCompleted']);
    expect(await runsOf(workflowIds.campaign(campaignId))).toBeGreaterThan(1);
  });
});
