import { LIMITS, streamIds } from '@inspectorate/domain';
import { eventually, Scenario } from '../harness/scenario';
import { inDays } from '../harness/time';
import { TestStack } from '../harness/stack';
import { useStack } from '../harness/use-stack';

/**
 * How many events of the inspection's history record something that happened (an accepted Update, a
 * timer, an activity, a signal), once the workflow has settled: its latest workflow task completed
 * and none is pending (a new inspection's first task, which starts its timers, may still be running
 * when the test first looks). Workflow-task bookkeeping itself is left out: the server may deliver a
 * refused Update on a regular task, and that is no trace of the refused command.
 */
async function historyFacts(stack: TestStack, inspectionId: string): Promise<number> {
  return eventually(async () => {
    const events = (await stack.temporal.workflow.getHandle(streamIds.inspection(inspectionId)).fetchHistory()).events ?? [];
    let lastCompleted = -1;
    events.forEach((event, index) => {
      if (event.workflowTaskCompletedEventAttributes) lastCompleted = index;
    });
    const pending = events.slice(lastCompleted + 1).some((event) => event.workflowTaskScheduledEventAttributes);
    if (lastCompleted < 0 || pending) return undefined;
    return events.filter(
      (event) =>
        !event.workflowTaskScheduledEventAttributes &&
        !event.workflowTaskStartedEventAttributes &&
        !event.workflowTaskCompletedEventAttributes &&
        !event.workflowTaskTimedOutEventAttributes,
    ).length;
  });
}

describe('lifecycle paths: disputes, follow-ups, cancellation, wrong states, idempotency', () => {
  const stack = useStack();
  const scenario = new Scenario(stack);

  it('sends a disputed finding to the lead: upheld becomes an action, withdrawn takes the finding out', async () => {
    const { api, people } = stack;
    const { inspectionId } = await scenario.plannedInspection({ units: [people.units.a] });
    await scenario.start(inspectionId);
    const upheld = await scenario.finding(inspectionId);
    const withdrawn = await scenario.finding(inspectionId, people.inspector2, { criterionCode: 'UX-01', description: 'Trả lời công dân thiếu lịch sự.' });
    await scenario.endVisit(inspectionId);
    await scenario.conclude(inspectionId, [{ findingId: upheld }, { findingId: withdrawn }]);
    await scenario.approve(inspectionId);

    const responded = await scenario.respond(inspectionId, people.headA, [
      { findingId: upheld, position: 'disputed' },
      { findingId: withdrawn, position: 'disputed' },
    ]);
    expect(responded.status).toBe('remediating');
    expect(responded.actions).toEqual([]);
    expect(responded.findings.filter((f: { dispute?: { status: string } }) => f.dispute?.status === 'pending')).toHaveLength(2);
    const leadNotices = await api.expect(200, api.get(people.lead, '/me/notifications'));
    expect(leadNotices.items.some((n: { topic: string; inspectionId: string }) => n.topic === 'response.submitted' && n.inspectionId === inspectionId)).toBe(true);

    expect((await api.post(people.headA, `/inspections/${inspectionId}/disputes/${upheld}/resolve`, { decision: 'withdrawn', note: 'x' })).status).toBe(403);
    const afterUpheld = await api.expect(200, api.post(people.lead, `/inspections/${inspectionId}/disputes/${upheld}/resolve`, { decision: 'upheld', note: 'Không có giấy đi đường.' }));
    expect(afterUpheld.actions).toHaveLength(1);
    expect(afterUpheld.actions[0]).toMatchObject({ findingId: upheld, status: 'open', dueDate: inDays(30) });
    const twice = await api.post(people.lead, `/inspections/${inspectionId}/disputes/${upheld}/resolve`, { decision: 'withdrawn', note: 'again' });
    expect(twice.status).toBe(409);

    const afterWithdrawn = await api.expect(200, api.post(people.lead, `/inspections/${inspectionId}/disputes/${withdrawn}/resolve`, { decision: 'withdrawn', note: 'Giải trình hợp lý.' }));
    expect(afterWithdrawn.findings.find((f: { id: string }) => f.id === withdrawn).status).toBe('withdrawn');
    expect(afterWithdrawn.status).toBe('remediating');

    await scenario.report(inspectionId, people.headA, afterUpheld.actions[0].id);
    const closed = await scenario.verify(inspectionId, afterUpheld.actions[0].id);
    expect(closed.status).toBe('closed');
  });

  it('schedules a follow-up linked to its parent, planned and secret like any other', async () => {
    const { api, people } = stack;
    const { campaignId, inspectionId } = await scenario.plannedInspection({ units: [people.units.b] });
    await scenario.start(inspectionId);
    await scenario.endVisit(inspectionId);
    const closed = await scenario.approve((await scenario.conclude(inspectionId, [], 'good')).id);
    expect(closed.status).toBe('closed');

    const followUp = await api.expect(201, api.post(people.lead, `/inspections/${inspectionId}/follow-up`, { windowStart: inDays(30), windowEnd: inDays(40) }));
    expect(followUp).toMatchObject({ status: 'planned', followUpOf: inspectionId, campaignId, unitId: people.units.b });
    const parent = await api.expect(200, api.get(people.lead, `/inspections/${inspectionId}`));
    expect(parent.followUps).toEqual([followUp.id]);

    expect((await api.get(people.headB, `/inspections/${followUp.id}`)).status).toBe(404);
    expect((await api.expect(200, api.get(people.headB, `/inspections/${inspectionId}`))).followUps).toEqual([]);
    const unitEvents = (await api.expect(200, api.get(people.headB, `/inspections/${inspectionId}/events`))).items;
    expect(unitEvents.map((e: { type: string }) => e.type)).not.toContain('FollowUpScheduled');
    const unitList = await api.expect(200, api.get(people.headB, '/inspections'));
    expect(unitList.items.map((i: { id: string }) => i.id)).toEqual([inspectionId]);

    const campaign = await api.expect(200, api.get(people.lead, `/campaigns/${campaignId}`));
    expect(campaign.status).toBe('active');
    expect(campaign.progress).toMatchObject({ planned: 1, closed: 1, total: 2 });
    const forOutsider = await api.expect(200, api.get(people.outsideInspector, `/campaigns/${campaignId}`));
    expect(forOutsider.progress).toMatchObject({ planned: 0, closed: 1, total: 1 });
    expect(forOutsider.targets.map((t: { inspectionId: string }) => t.inspectionId)).toEqual([inspectionId]);
  });

  it.each([
    ['planned', async (_: Scenario, id: string) => void id],
    ['in_progress', async (s: Scenario, id: string) => void (await s.start(id))],
    ['drafting', async (s: Scenario, id: string) => void (await s.start(id), await s.finding(id), await s.endVisit(id))],
    [
      'awaiting_response',
      async (s: Scenario, id: string) => {
        await s.start(id);
        const f = await s.finding(id);
        await s.endVisit(id);
        await s.conclude(id, [{ findingId: f }]);
        await s.approve(id);
      },
    ],
  ])('cancels an inspection that is %s; its timers stop and it accepts nothing more', async (status, reach) => {
    const { api, people } = stack;
    const { inspectionId } = await scenario.plannedInspection({ units: [people.units.c] });
    await reach(scenario, inspectionId);
    expect((await api.expect(200, api.get(people.chairman, `/inspections/${inspectionId}`))).status).toBe(status);

    expect((await api.post(people.inspector1, `/inspections/${inspectionId}/cancel`, { reason: 'x' })).status).toBe(403);
    const missingReason = await api.post(people.chairman, `/inspections/${inspectionId}/cancel`, {});
    expect(missingReason.status).toBe(400);
    const cancelled = await api.expect(200, api.post(people.chairman, `/inspections/${inspectionId}/cancel`, { reason: 'Đơn vị sáp nhập.' }));
    expect(cancelled).toMatchObject({ status: 'cancelled', cancellation: { reason: 'Đơn vị sáp nhập.', statusBefore: status } });

    const again = await api.post(people.lead, `/inspections/${inspectionId}/cancel`, { reason: 'again' });
    expect(again.status).toBe(409);
    expect(again.body.detail).toMatch(/cancelled/);
    // Cancelled before the visit, it never existed for the unit.
    expect((await api.get(people.headC, `/inspections/${inspectionId}`)).status).toBe(status === 'planned' ? 404 : 200);
  });

  it('stops the timers of a cancelled inspection: its response deadline passes without escalation', async () => {
    const { api, people } = stack;
    const { inspectionId } = await scenario.awaitingResponse({ units: [people.units.a], policy: { responseDeadline: { duration: 'PT3S' }, reminderOffsets: [] } });
    await api.expect(200, api.post(people.lead, `/inspections/${inspectionId}/cancel`, { reason: 'Thanh tra tỉnh tiếp nhận vụ việc.' }));
    await new Promise((resolve) => setTimeout(resolve, 4_500));
    const events = (await api.expect(200, api.get(people.chairman, `/inspections/${inspectionId}/events`))).items;
    expect(events.map((e: { type: string }) => e.type).slice(-1)).toEqual(['InspectionCancelled']);
    expect((await api.expect(200, api.get(people.chairman, `/inspections/${inspectionId}`))).accountabilityCaseIds).toEqual([]);
  });

  it('answers a command in the wrong state with 409 naming the state, and a wrong role with 403, leaving no trace in history', async () => {
    const { api, people } = stack;
    const { inspectionId } = await scenario.plannedInspection({ units: [people.units.a] });
    const historyLength = () => historyFacts(stack, inspectionId);
    const lengthBefore = await historyLength();
    const endEarly = await api.post(people.lead, `/inspections/${inspectionId}/end-visit`);
    expect(endEarly.status).toBe(409);
    expect(endEarly.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(endEarly.body).toMatchObject({ status: 409, title: expect.any(String), type: expect.any(String) });
    expect(endEarly.body.detail).toContain('planned');

    const findingEarly = await api.post(people.inspector1, `/inspections/${inspectionId}/findings`, { criterionCode: 'KL-01', severity: 'minor', description: 'x' });
    expect(findingEarly.status).toBe(409);
    expect(findingEarly.body.detail).toContain('planned');

    const approveAsLead = await api.post(people.lead, `/inspections/${inspectionId}/conclusion/approve`);
    expect(approveAsLead.status).toBe(403);
    const startByOtherLead = await api.post(people.otherLead, `/inspections/${inspectionId}/start`);
    expect(startByOtherLead.status).toBe(404);
    const respondAsUnit = await api.post(people.headA, `/inspections/${inspectionId}/response`, { items: [{ findingId: inspectionId, position: 'accepted', explanation: '' }] });
    expect(respondAsUnit.status).toBe(404);
    // Refused by the Update's validator (decide): nothing of them reached the workflow's history.
    expect(await historyLength()).toBe(lengthBefore);
  });

  it('refuses a finding beyond the cap of one inspection with a 409 naming the cap, and evidence beyond its cap with a 400 on the field', async () => {
    const { api, people } = stack;
    const { inspectionId } = await scenario.plannedInspection({ units: [people.units.c] });
    await scenario.start(inspectionId);
    for (let i = 0; i < LIMITS.inspection.findings; i += 1) await scenario.finding(inspectionId, people.inspector1, { description: `Phát hiện số ${i + 1}.`, evidence: [] });

    const historyLength = () => historyFacts(stack, inspectionId);
    const lengthBefore = await historyLength();
    const oneTooMany = await api.post(people.inspector2, `/inspections/${inspectionId}/findings`, { criterionCode: 'KL-01', severity: 'minor', description: 'Một phát hiện nữa.' });
    expect(oneTooMany.status).toBe(409);
    expect(oneTooMany.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(oneTooMany.body).toMatchObject({ status: 409, title: expect.any(String), type: expect.any(String) });
    expect(oneTooMany.body.detail).toBe(
      `Cannot record a finding: the inspection already has ${LIMITS.inspection.findings} findings, the most allowed (${LIMITS.inspection.findings}).`,
    );
    expect(await historyLength()).toBe(lengthBefore);
    const view = await api.expect(200, api.get(people.lead, `/inspections/${inspectionId}`));
    expect(view.findings).toHaveLength(LIMITS.inspection.findings);

    // The DTO layer bounds the lists of one command by the same LIMITS, before Temporal is asked.
    const evidence = Array.from({ length: LIMITS.finding.evidence + 1 }, (_, i) => ({ text: `Ảnh ${i + 1}` }));
    const tooMuchEvidence = await api.post(people.inspector1, `/inspections/${inspectionId}/findings`, { criterionCode: 'KL-01', severity: 'minor', description: 'x', evidence });
    expect(tooMuchEvidence.status).toBe(400);
    expect(tooMuchEvidence.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(JSON.stringify(tooMuchEvidence.body)).toContain('evidence');
    expect(await historyLength()).toBe(lengthBefore);
  });

  it('does a command sent twice with the same Idempotency-Key only once, and returns the first answer', async () => {
    const { api, people } = stack;
    const { inspectionId } = await scenario.plannedInspection({ units: [people.units.b] });
    await scenario.start(inspectionId);
    const body = { criterionCode: 'TT-01', severity: 'critical', description: 'Hồ sơ trễ hạn không có văn bản xin lỗi.' };
    const first = await api.post(people.inspector1, `/inspections/${inspectionId}/findings`, body, { 'Idempotency-Key': 'finding-once-1' });
    const second = await api.post(people.inspector1, `/inspections/${inspectionId}/findings`, body, { 'Idempotency-Key': 'finding-once-1' });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(second.headers['idempotent-replayed']).toBe('true');
    const view = await api.expect(200, api.get(people.lead, `/inspections/${inspectionId}`));
    expect(view.findings).toHaveLength(1);

    const reused = await api.post(people.inspector1, `/inspections/${inspectionId}/findings`, { ...body, severity: 'minor' }, { 'Idempotency-Key': 'finding-once-1' });
    expect(reused.status).toBe(422);

    const campaignBody = {
      title: 'Idempotent campaign',
      year: 2026,
      legalBasis: 'KH 2',
      leadInspectorId: people.lead.id,
      inspectorIds: [],
      targets: [{ unitId: people.units.c, windowStart: inDays(3), windowEnd: inDays(9) }],
    };
    const c1 = await api.post(people.lead, '/campaigns', campaignBody, { 'Idempotency-Key': 'campaign-once-1' });
    const c2 = await api.post(people.lead, '/campaigns', campaignBody, { 'Idempotency-Key': 'campaign-once-1' });
    expect(c1.status).toBe(201);
    expect(c2.body.id).toBe(c1.body.id);
    const list = await api.expect(200, api.get(people.lead, '/campaigns?limit=500'));
    expect(list.items.filter((c: { title: string }) => c.title === 'Idempotent campaign')).toHaveLength(1);
  });
});
