import { WithStartWorkflowOperation } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { DEMO_CHECKLIST_2023, streamIds, UserActor } from '@inspectorate/domain';
import { addressCommand, workflowIds } from '@inspectorate/temporal';
import { campaignCommandUpdate, campaignStateQuery, CampaignWorkflow, inspectionStateQuery, WORKFLOW_TYPES } from '@inspectorate/workflow-contract';
import { eventually, Scenario } from '../harness/scenario';
import { TestStack } from '../harness/stack';
import { inDays } from '../harness/time';
import { useStack } from '../harness/use-stack';

/**
 * Long histories continue as new without losing state. The campaign here (and its inspections)
 * are started with a short history limit, the knob operators have, so a handful of commands
 * makes each of them continue as new several times while the lifecycle runs over HTTP.
 */
describe('continue-as-new keeps state', () => {
  const stack = useStack();
  const scenario = new Scenario(stack);

  it('runs a campaign and its inspections through several runs each, ending completed with every event once', async () => {
    const { api, people, temporal } = stack;
    const campaignId = randomUUID();
    const lead: UserActor = { kind: 'user', userId: people.lead.id, role: 'lead_inspector' };
    const units = [people.units.a, people.units.b, people.units.c];
    const targets = units.map((unitId) => ({ inspectionId: randomUUID(), unitId, windowStart: inDays(0), windowEnd: inDays(10) }));
    await temporal.workflow.executeUpdateWithStart(campaignCommandUpdate, {
      ...addressCommand(workflowIds.campaign(campaignId), {
        actor: lead,
        command: {
          type: 'CreateCampaign',
          campaignId,
          title: 'Chiến dịch dài',
          year: Number(inDays(0).slice(0, 4)),
          legalBasis: 'KH test',
          leadInspectorId: people.lead.id,
          inspectorIds: [people.inspector1.id],
          targets,
          checklistVersion: DEMO_CHECKLIST_2023.version,
        },
      }),
      startWorkflowOperation: new WithStartWorkflowOperation<CampaignWorkflow>(WORKFLOW_TYPES.campaign, {
        workflowId: workflowIds.campaign(campaignId),
        taskQueue: stack.config.TEMPORAL_TASK_QUEUE,
        workflowIdConflictPolicy: 'FAIL',
        args: [{ campaignId, backfill: false, historyLimit: 25 }],
      }),
    });

    const heads = [people.headA, people.headB, people.headC];
    let addedTarget: { inspectionId: string } | undefined;
    for (const [index, target] of targets.entries()) {
      if (index === 2) {
        // Add a unit once the campaign's history has been cut several times: its state must be intact.
        const added = await api.expect(200, api.post(people.lead, `/campaigns/${campaignId}/targets`, { unitId: people.units.a, windowStart: inDays(1), windowEnd: inDays(9) }));
        expect(added.targets).toHaveLength(4);
        addedTarget = added.targets.find((t: { inspectionId: string }) => !targets.some((x) => x.inspectionId === t.inspectionId));
      }
      const id = target.inspectionId;
      await scenario.start(id);
      const findings = [await scenario.finding(id), await scenario.finding(id), await scenario.finding(id)];
      await scenario.endVisit(id);
      await scenario.conclude(id, findings.map((findingId) => ({ findingId })));
      await scenario.approve(id);
      const remediating = await scenario.respond(id, heads[index], findings.map((findingId) => ({ findingId, position: 'accepted' as const })));
      for (const action of remediating.actions) await scenario.report(id, heads[index], action.id);
      for (const action of remediating.actions.slice(0, -1)) await scenario.verify(id, action.id);
      const closed = await scenario.verify(id, remediating.actions.at(-1).id);
      expect(closed.status).toBe('closed');
    }
    const cancelled = await api.expect(200, api.post(people.lead, `/inspections/${addedTarget!.inspectionId}/cancel`, { reason: 'Không cần thiết.' }));
    expect(cancelled.status).toBe('cancelled');
    expect((await api.expect(200, api.get(people.chairman, `/campaigns/${campaignId}`))).status).toBe('completed');

    const inspectionHandle = temporal.workflow.getHandle(workflowIds.inspection(targets[0].inspectionId));
    const inspectionRuns = await countRuns(stack, workflowIds.inspection(targets[0].inspectionId));
    expect(inspectionRuns).toBeGreaterThan(1);
    const { state, version } = await inspectionHandle.query(inspectionStateQuery);
    expect(state.status).toBe('closed');
    expect(state.findings).toHaveLength(3);
    expect(state.actions.every((a) => a.status === 'verified')).toBe(true);
    const stored = await stack.db.query(`SELECT count(*)::int AS n FROM events WHERE stream_id = $1`, [streamIds.inspection(targets[0].inspectionId)]);
    expect(version).toBe(stored[0].n);

    const campaignRuns = await countRuns(stack, workflowIds.campaign(campaignId));
    expect(campaignRuns).toBeGreaterThan(1);
    const campaign = await temporal.workflow.getHandle(workflowIds.campaign(campaignId)).query(campaignStateQuery);
    expect(campaign.state?.targets).toHaveLength(4);
    expect(Object.values(campaign.state!.inspectionStatus).filter((s) => s === 'closed')).toHaveLength(3);
    expect(Object.values(campaign.state!.inspectionStatus).filter((s) => s === 'cancelled')).toHaveLength(1);
    const completions = await eventually(async () => {
      const rows = await stack.db.query(`SELECT count(*)::int AS n FROM events WHERE stream_id = $1 AND type = 'CampaignCompleted'`, [streamIds.campaign(campaignId)]);
      return rows[0].n > 0 ? rows[0].n : undefined;
    });
    expect(completions).toBe(1);
  });
});

async function countRuns(stack: TestStack, workflowId: string): Promise<number> {
  let runs = 0;
  for await (const _ of stack.temporal.workflow.list({ query: `WorkflowId = '${workflowId}'` })) runs += 1;
  return runs;
}
