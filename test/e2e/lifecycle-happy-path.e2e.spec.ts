import { Scenario } from '../harness/scenario';
import { inDays } from '../harness/time';
import { useStack } from '../harness/use-stack';

describe('the whole lifecycle of one inspection, over HTTP', () => {
  const stack = useStack();
  const scenario = new Scenario(stack);

  it('goes from a secret plan to a closed inspection, each step visible to the right people', async () => {
    const { api, people } = stack;
    const { campaignId, inspectionId } = await scenario.plannedInspection();

    // Planned: secret from the unit, known to the team and the chairman.
    expect((await api.get(people.headA, `/inspections/${inspectionId}`)).status).toBe(404);
    expect((await api.get(people.outsideInspector, `/inspections/${inspectionId}`)).status).toBe(404);
    expect((await api.get(people.chairman, `/inspections/${inspectionId}`)).status).toBe(200);
    const planned = await api.expect(200, api.get(people.inspector1, `/inspections/${inspectionId}`));
    expect(planned.window.windowStart).toBe(inDays(0));

    const started = await scenario.start(inspectionId);
    expect(started.status).toBe('in_progress');
    const seenByUnit = await api.expect(200, api.get(people.headA, `/inspections/${inspectionId}`));
    expect(seenByUnit.status).toBe('in_progress');
    expect(seenByUnit.window).toBeUndefined();

    const absent = await scenario.finding(inspectionId, people.inspector1, { criterionCode: 'KL-01', severity: 'major' });
    const badge = await scenario.finding(inspectionId, people.inspector2, { criterionCode: 'KL-02', severity: 'minor', description: 'Không đeo thẻ công chức.' });
    const mistaken = await scenario.finding(inspectionId, people.lead, { criterionCode: 'VH-01', severity: 'minor', description: 'Ghi nhầm.' });
    await api.expect(200, api.patch(people.inspector2, `/inspections/${inspectionId}/findings/${badge}`, { severity: 'major' }));
    await api.expect(200, api.post(people.lead, `/inspections/${inspectionId}/findings/${mistaken}/withdraw`, { reason: 'Ghi nhầm đơn vị.' }));

    const drafting = await scenario.endVisit(inspectionId);
    expect(drafting.status).toBe('drafting');
    expect(drafting.deadlines.conclusion.dueAt).toEqual(expect.any(String));

    await api.expect(200, api.post(people.inspector2, `/inspections/${inspectionId}/conclusion/dissent`, { text: 'Tôi đề nghị xếp loại trung bình thay vì khá.' }));
    const submitted = await scenario.conclude(inspectionId, [{ findingId: absent }, { findingId: badge, requirement: 'Đeo thẻ đầy đủ' }]);
    expect(submitted.status).toBe('awaiting_approval');
    expect((await api.get(people.headA, `/inspections/${inspectionId}`)).body.conclusion).toBeUndefined();

    const returned = await api.expect(200, api.post(people.chairman, `/inspections/${inspectionId}/conclusion/return`, { comment: 'Bổ sung thời hạn khắc phục.' }));
    expect(returned.status).toBe('drafting');
    await scenario.conclude(inspectionId, [{ findingId: absent }, { findingId: badge, requirement: 'Đeo thẻ đầy đủ' }]);
    const approved = await scenario.approve(inspectionId);
    expect(approved.status).toBe('awaiting_response');
    expect(approved.conclusion.approval.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(approved.conclusion.dissents).toHaveLength(1);

    const unitView = await api.expect(200, api.get(people.headA, `/inspections/${inspectionId}`));
    expect(unitView.conclusion.approval.contentHash).toBe(approved.conclusion.approval.contentHash);
    const notices = await api.expect(200, api.get(people.headA, '/me/notifications'));
    expect(notices.items.map((n: { topic: string }) => n.topic)).toContain('conclusion.approved');

    const remediating = await scenario.respond(inspectionId, people.headA, [
      { findingId: absent, position: 'accepted' },
      { findingId: badge, position: 'accepted' },
    ]);
    expect(remediating.status).toBe('remediating');
    expect(remediating.response.late).toBe(false);
    expect(remediating.actions).toHaveLength(2);

    for (const action of remediating.actions) {
      await scenario.report(inspectionId, people.headA, action.id);
    }
    const [first, second] = remediating.actions;
    const afterFirst = await scenario.verify(inspectionId, first.id);
    expect(afterFirst.status).toBe('remediating');
    const closed = await scenario.verify(inspectionId, second.id);
    expect(closed.status).toBe('closed');

    const campaign = await api.expect(200, api.get(people.chairman, `/campaigns/${campaignId}`));
    expect(campaign.status).toBe('completed');
    expect(campaign.progress).toMatchObject({ closed: 1, total: 1 });

    const events = (await api.expect(200, api.get(people.chairman, `/inspections/${inspectionId}/events`))).items;
    const types = events.map((e: { type: string }) => e.type);
    expect(types).toEqual([
      'InspectionPlanned',
      'VisitStarted',
      'FindingRecorded',
      'FindingRecorded',
      'FindingRecorded',
      'FindingAmended',
      'FindingWithdrawn',
      'VisitEnded',
      'DissentRecorded',
      'ConclusionSubmitted',
      'ConclusionReturned',
      'ConclusionSubmitted',
      'ConclusionApproved',
      'UnitNotified',
      'ResponseSubmitted',
      'CorrectiveActionPlanned',
      'CorrectiveActionPlanned',
      'CorrectiveActionReported',
      'CorrectiveActionReported',
      'CorrectiveActionVerified',
      'CorrectiveActionVerified',
      'InspectionClosed',
    ]);
    expect(events.every((e: { actor: { kind: string } }) => e.actor.kind === 'user')).toBe(true);
    const unitEvents = (await api.expect(200, api.get(people.headA, `/inspections/${inspectionId}/events`))).items;
    expect(unitEvents.map((e: { type: string }) => e.type)).not.toContain('InspectionPlanned');
    expect(unitEvents.map((e: { type: string }) => e.type)).not.toContain('ConclusionReturned');
  });
});
