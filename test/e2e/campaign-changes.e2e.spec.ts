import request from 'supertest';
import { Scenario } from '../harness/scenario';
import { startStack, TestStack } from '../harness/stack';
import { TestUser } from '../harness/people';
import { inDays } from '../harness/time';

/**
 * Changing a running campaign, through the real stack: each change is an event of the campaign,
 * and the inspections follow it in their own histories (a new team, a cancellation), with the
 * planned ones staying secret from their units.
 */
describe('campaign changes', () => {
  let stack: TestStack;
  let scenario: Scenario;

  beforeAll(async () => {
    stack = await startStack();
    scenario = new Scenario(stack);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  const targetOf = (campaign: { targets: { unitId: string; inspectionId: string }[] }, unitId: string) => campaign.targets.find((t) => t.unitId === unitId)!;
  const eventsOf = async (inspectionId: string) => (await stack.api.expect(200, stack.api.get(stack.people.chairman, `/inspections/${inspectionId}/events`))).items as { type: string; data: Record<string, unknown>; actor: { kind: string } }[];

  /** A request in Vietnamese, as the console sends it. */
  async function inVietnamese(user: TestUser, method: 'post' | 'patch', path: string, body: unknown) {
    const response = await request(stack.api.baseUrl)[method](`/api/v1${path}`).set('Authorization', `Bearer ${await stack.api.token(user)}`).set('Accept-Language', 'vi').send(body as object);
    return { status: response.status, type: response.type, body: JSON.parse(response.text) };
  }

  it('edits the title and legal basis: the campaign, its list and its report say the new ones', async () => {
    const { api, people } = stack;
    const campaign = await scenario.campaign({ units: [people.units.a] });
    const changed = await api.expect(200, api.patch(people.lead, `/campaigns/${campaign.id}`, { title: '  Kiểm tra công vụ (điều chỉnh)  ', legalBasis: 'Kế hoạch 124/KH-UBND' }));
    expect(changed).toMatchObject({ id: campaign.id, title: 'Kiểm tra công vụ (điều chỉnh)', legalBasis: 'Kế hoạch 124/KH-UBND', status: 'active' });
    const onlyTitle = await api.expect(200, api.patch(people.lead, `/campaigns/${campaign.id}`, { title: 'Kiểm tra công vụ 2026' }));
    expect(onlyTitle).toMatchObject({ title: 'Kiểm tra công vụ 2026', legalBasis: 'Kế hoạch 124/KH-UBND' });
    expect((await api.expect(200, api.get(people.chairman, `/reports/campaigns/${campaign.id}`))).campaign).toMatchObject({ title: 'Kiểm tra công vụ 2026', legalBasis: 'Kế hoạch 124/KH-UBND' });
    const listed = (await api.expect(200, api.get(people.inspector1, '/campaigns?limit=500'))).items.find((c: { id: string }) => c.id === campaign.id);
    expect(listed.title).toBe('Kiểm tra công vụ 2026');

    // Another lead may not; the answer is in the caller's language; bad input is a field error.
    const refused = await inVietnamese(people.otherLead, 'patch', `/campaigns/${campaign.id}`, { title: 'Không được' });
    expect(refused).toMatchObject({ status: 403, type: 'application/problem+json', body: { detail: 'Chỉ trưởng đoàn kiểm tra của kế hoạch mới được sửa tên và căn cứ của kế hoạch.' } });
    const invalid = await api.patch(people.lead, `/campaigns/${campaign.id}`, { title: 'x'.repeat(301) });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors.map((e: { field: string }) => e.field)).toEqual(['title']);
    expect((await api.patch(people.inspector1, `/campaigns/${campaign.id}`, { title: 'x' })).status).toBe(403);
  });

  it('changes the team and the lead: running inspections follow, with the change in their history', async () => {
    const { api, people } = stack;
    const campaign = await scenario.campaign({ units: [people.units.a, people.units.b] });
    const running = targetOf(campaign, people.units.a).inspectionId;
    const planned = targetOf(campaign, people.units.b).inspectionId;
    await scenario.start(running);

    const changed = await api.expect(
      200,
      api.post(people.lead, `/campaigns/${campaign.id}/team`, { leadInspectorId: people.otherLead.id, inspectorIds: [people.inspector1.id, people.outsideInspector.id] }),
    );
    expect(changed).toMatchObject({ leadInspectorId: people.otherLead.id, inspectorIds: [people.inspector1.id, people.outsideInspector.id] });

    for (const id of [running, planned]) {
      const teamChange = (await eventsOf(id)).find((e) => e.type === 'InspectionTeamChanged')!;
      expect(teamChange).toMatchObject({ actor: { kind: 'system' }, data: { team: { leadInspectorId: people.otherLead.id }, previousTeam: { leadInspectorId: people.lead.id }, by: people.lead.id } });
    }
    // The new lead leads; the old one and the inspector who left no longer see the planned visit.
    await api.expect(200, api.post(people.otherLead, `/inspections/${running}/end-visit`));
    expect((await api.get(people.lead, `/inspections/${planned}`)).status).toBe(404);
    expect((await api.get(people.inspector2, `/inspections/${planned}`)).status).toBe(404);
    expect((await api.get(people.outsideInspector, `/inspections/${planned}`)).status).toBe(200);
    expect((await api.post(people.lead, `/campaigns/${campaign.id}/targets`, { unitId: people.units.c, windowStart: inDays(5), windowEnd: inDays(9) })).status).toBe(403);
    const notes = (await api.expect(200, api.get(people.otherLead, '/me/notifications?limit=500'))).items as { inspectionId: string; topic: string }[];
    expect(notes.filter((n) => n.topic === 'inspection.lead_changed').map((n) => n.inspectionId).sort()).toEqual([running, planned].sort());

    // The lead must not also be an inspector; inspectors must be inspectors.
    const bad = await api.post(people.otherLead, `/campaigns/${campaign.id}/team`, { leadInspectorId: people.otherLead.id, inspectorIds: [people.lead.id] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([{ field: 'inspectorIds.0', message: 'must be the id of an active inspector user' }]);
    // The chairman may replace the lead too.
    await api.expect(200, api.post(people.chairman, `/campaigns/${campaign.id}/team`, { leadInspectorId: people.lead.id, inspectorIds: [people.inspector1.id] }));
    expect((await api.expect(200, api.get(people.lead, `/inspections/${planned}`))).status).toBe('planned');
  });

  it('removes a planned target: its inspection is cancelled, and its unit never learns it was planned', async () => {
    const { api, people } = stack;
    const headNotesBefore = await api.expect(200, api.get(people.headA, '/me/notifications?limit=500'));
    const headListBefore = await api.expect(200, api.get(people.headA, '/inspections?limit=500'));
    const campaign = await scenario.campaign({ units: [people.units.a, people.units.b] });
    const removed = targetOf(campaign, people.units.a).inspectionId;
    const visited = targetOf(campaign, people.units.b).inspectionId;
    await scenario.start(visited);

    const after = await api.expect(200, api.post(people.lead, `/campaigns/${campaign.id}/targets/${removed}/remove`, { reason: 'Đơn vị vừa được thanh tra chuyên ngành.' }, { 'Idempotency-Key': 'remove-a-1' }));
    expect(targetOf(after, people.units.a)).toMatchObject({ inspectionId: removed, status: 'cancelled', removed: true });
    expect(after.progress).toEqual({ planned: 0, inProgress: 1, closed: 0, cancelled: 1, total: 2 });
    const again = await api.expect(200, api.post(people.lead, `/campaigns/${campaign.id}/targets/${removed}/remove`, { reason: 'Đơn vị vừa được thanh tra chuyên ngành.' }, { 'Idempotency-Key': 'remove-a-1' }));
    expect(again).toEqual(after);
    const cancelled = (await eventsOf(removed)).find((e) => e.type === 'InspectionCancelled')!;
    expect(cancelled.data).toEqual({ reason: 'Đơn vị vừa được thanh tra chuyên ngành.', statusBefore: 'planned', cause: 'target_removed', by: people.lead.id });

    // The unit head sees exactly what they saw before; the id answers as one that does not exist.
    expect(await api.expect(200, api.get(people.headA, '/me/notifications?limit=500'))).toEqual(headNotesBefore);
    expect(await api.expect(200, api.get(people.headA, '/inspections?limit=500'))).toEqual(headListBefore);
    expect((await api.get(people.headA, `/inspections/${removed}`)).status).toBe(404);

    // Only while planned, only once, only by the lead.
    const started = await inVietnamese(people.lead, 'post', `/campaigns/${campaign.id}/targets/${visited}/remove`, { reason: 'Muộn.' });
    expect(started).toMatchObject({ status: 409, body: { detail: 'Chỉ bỏ được đơn vị chưa được kiểm tra; cuộc kiểm tra đang ở trạng thái “Đang kiểm tra”.' } });
    expect((await api.post(people.lead, `/campaigns/${campaign.id}/targets/${removed}/remove`, { reason: 'Lần nữa.' })).status).toBe(409);
    expect((await api.post(people.otherLead, `/campaigns/${campaign.id}/targets/${visited}/remove`, { reason: 'Không.' })).status).toBe(403);
    expect((await api.post(people.lead, `/campaigns/${campaign.id}/targets/${visited}/remove`, { reason: '' })).status).toBe(400);
    // The unit can be planned again.
    const readded = await api.expect(200, api.post(people.lead, `/campaigns/${campaign.id}/targets`, { unitId: people.units.a, windowStart: inDays(5), windowEnd: inDays(9) }));
    expect(readded.targets.filter((t: { unitId: string }) => t.unitId === people.units.a)).toHaveLength(2);
  });

  it('cancels a whole campaign with a reason: every open inspection is cancelled, and nothing more can change', async () => {
    const { api, people } = stack;
    const campaign = await scenario.campaign({ units: [people.units.a, people.units.b] });
    const running = targetOf(campaign, people.units.a).inspectionId;
    const planned = targetOf(campaign, people.units.b).inspectionId;
    await scenario.start(running);

    const cancelled = await api.expect(200, api.post(people.chairman, `/campaigns/${campaign.id}/cancel`, { reason: 'Sáp nhập đơn vị hành chính.' }, { 'Idempotency-Key': 'cancel-1' }));
    expect(cancelled).toMatchObject({ status: 'cancelled', cancellation: { reason: 'Sáp nhập đơn vị hành chính.' }, progress: { planned: 0, inProgress: 0, cancelled: 2, total: 2 } });
    expect(await api.expect(200, api.post(people.chairman, `/campaigns/${campaign.id}/cancel`, { reason: 'Sáp nhập đơn vị hành chính.' }, { 'Idempotency-Key': 'cancel-1' }))).toEqual(cancelled);
    for (const id of [running, planned]) {
      const inspection = await api.expect(200, api.get(people.lead, `/inspections/${id}`));
      expect(inspection.status).toBe('cancelled');
      expect((await eventsOf(id)).at(-1)).toMatchObject({ type: 'InspectionCancelled', data: { reason: 'Sáp nhập đơn vị hành chính.', cause: 'campaign_cancelled', by: people.chairman.id } });
    }
    // The unit whose visit started is told; the one still planned hears nothing and sees nothing.
    const headA = (await api.expect(200, api.get(people.headA, '/me/notifications?limit=500'))).items as { inspectionId: string; topic: string }[];
    expect(headA.some((n) => n.inspectionId === running && n.topic === 'inspection.cancelled')).toBe(true);
    const headB = (await api.expect(200, api.get(people.headB, '/me/notifications?limit=500'))).items as { inspectionId: string }[];
    expect(headB.some((n) => n.inspectionId === planned)).toBe(false);
    expect((await api.get(people.headB, `/inspections/${planned}`)).status).toBe(404);

    // Everyone on the staff sees it cancelled; the list filters by it; no change is accepted any more.
    expect((await api.expect(200, api.get(people.admin, `/campaigns/${campaign.id}`))).status).toBe('cancelled');
    expect((await api.expect(200, api.get(people.chairman, `/reports/campaigns/${campaign.id}`))).campaign.status).toBe('cancelled');
    const ids = (await api.expect(200, api.get(people.lead, '/campaigns?status=cancelled&limit=500'))).items.map((c: { id: string }) => c.id);
    expect(ids).toContain(campaign.id);
    const refused = await inVietnamese(people.lead, 'patch', `/campaigns/${campaign.id}`, { title: 'Khác' });
    expect(refused).toMatchObject({ status: 409, body: { detail: 'Kế hoạch kiểm tra đã bị hủy: không thể thay đổi được nữa.' } });
    expect((await api.post(people.lead, `/campaigns/${campaign.id}/team`, { leadInspectorId: people.lead.id, inspectorIds: [] })).status).toBe(409);
    expect((await api.post(people.lead, `/campaigns/${campaign.id}/cancel`, { reason: 'Lần nữa.' })).status).toBe(409);
    expect((await api.post(people.lead, `/campaigns/${campaign.id}/targets`, { unitId: people.units.c, windowStart: inDays(5), windowEnd: inDays(9) })).status).toBe(409);
    expect((await api.post(people.inspector1, `/campaigns/${campaign.id}/cancel`, { reason: 'x' })).status).toBe(403);
    expect((await api.post(people.lead, `/campaigns/${campaign.id}/cancel`, {})).status).toBe(400);
  });

  it('takes no follow-up into a cancelled campaign: an inspection closed before the cancellation cannot schedule one', async () => {
    const { api, people } = stack;
    const campaign = await scenario.campaign({ units: [people.units.a, people.units.b] });
    const closed = targetOf(campaign, people.units.a).inspectionId;
    // A visit with nothing found, a conclusion that requires nothing: approved, it closes by itself.
    await scenario.start(closed);
    await scenario.endVisit(closed);
    await scenario.conclude(closed, []);
    expect((await scenario.approve(closed)).status).toBe('closed');
    await api.expect(200, api.post(people.lead, `/campaigns/${campaign.id}/cancel`, { reason: 'Sáp nhập đơn vị hành chính.' }));
    expect((await api.expect(200, api.get(people.lead, `/inspections/${closed}`))).status).toBe('closed');

    const window = { windowStart: inDays(10), windowEnd: inDays(14) };
    const refused = await inVietnamese(people.lead, 'post', `/inspections/${closed}/follow-up`, window);
    expect(refused).toMatchObject({ status: 409, type: 'application/problem+json', body: { detail: 'Kế hoạch kiểm tra đã bị hủy: không thể lên lịch kiểm tra lại trong kế hoạch này.' } });
    const inEnglish = await api.post(people.lead, `/inspections/${closed}/follow-up`, window);
    expect([inEnglish.status, inEnglish.body.detail]).toEqual([409, 'The campaign is cancelled: no follow-up inspection can join it.']);
    // Another lead inspector has no right to schedule one at all, and hears that first.
    expect((await api.post(people.otherLead, `/inspections/${closed}/follow-up`, window)).status).toBe(403);

    // Nothing was planned: the campaign still has its two targets, the inspection no follow-up, its history no FollowUpScheduled.
    const after = await api.expect(200, api.get(people.lead, `/campaigns/${campaign.id}`));
    expect([after.status, after.targets.length, after.progress]).toEqual(['cancelled', 2, { planned: 0, inProgress: 0, closed: 1, cancelled: 1, total: 2 }]);
    expect((await api.expect(200, api.get(people.lead, `/inspections/${closed}`))).followUps).toEqual([]);
    expect((await eventsOf(closed)).map((e) => e.type)).not.toContain('FollowUpScheduled');
  });
});
