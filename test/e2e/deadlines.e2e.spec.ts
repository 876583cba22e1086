import { eventually, Scenario } from '../harness/scenario';
import { TestStack } from '../harness/stack';
import { inDays, inSeconds } from '../harness/time';
import { useStack } from '../harness/use-stack';

/**
 * Deadlines are timers in the workflows. With policy durations of seconds, a real Temporal
 * server fires them while the test watches through the API.
 */
describe('deadlines: reminders, overdue responses, accountability and extensions', () => {
  const stack = useStack();
  const scenario = new Scenario(stack);

  const topicsOf = async (user: Parameters<TestStack['api']['get']>[0]) =>
    ((await stack.api.expect(200, stack.api.get(user, '/me/notifications?limit=500'))).items as { topic: string; inspectionId: string }[]);

  it('reminds the unit before its response deadline, escalates when it passes, and the chairman decides', async () => {
    const { api, people } = stack;
    const { inspectionId, findingId } = await scenario.awaitingResponse({
      units: [people.units.a],
      policy: { responseDeadline: { duration: 'PT6S' }, reminderOffsets: [{ duration: 'PT4S' }, { duration: 'PT2S' }] },
    });

    const reminders = await eventually(async () => {
      const mine = (await topicsOf(people.headA)).filter((n) => n.inspectionId === inspectionId && n.topic === 'response.reminder');
      return mine.length === 2 ? mine : undefined;
    });
    expect(reminders).toHaveLength(2);
    const beforeDeadline = await api.expect(200, api.get(people.headA, `/inspections/${inspectionId}`));
    expect(beforeDeadline.deadlines.response.overdue).toBe(false);

    const overdue = await eventually(async () => {
      const view = await api.expect(200, api.get(people.chairman, `/inspections/${inspectionId}`));
      return view.deadlines.response.overdue ? view : undefined;
    });
    expect(overdue.status).toBe('awaiting_response');
    expect(overdue.accountabilityCaseIds).toHaveLength(1);
    const caseId = overdue.accountabilityCaseIds[0];

    expect((await topicsOf(people.chairman)).some((n) => n.inspectionId === inspectionId && n.topic === 'accountability.opened')).toBe(true);
    const open = await api.expect(200, api.get(people.chairman, '/accountability-cases?status=open'));
    expect(open.items.map((c: { id: string }) => c.id)).toContain(caseId);
    const ownCases = await api.expect(200, api.get(people.headA, '/accountability-cases'));
    expect(ownCases.items.map((c: { id: string }) => c.id)).toEqual([caseId]);
    expect((await api.expect(200, api.get(people.headB, '/accountability-cases'))).items).toEqual([]);

    // A late response is still accepted, and marked late.
    const late = await scenario.respond(inspectionId, people.headA, [{ findingId, position: 'accepted' }]);
    expect(late.status).toBe('remediating');
    expect(late.response.late).toBe(true);

    expect((await api.post(people.lead, `/accountability-cases/${caseId}/decision`, { outcome: 'reminded', note: 'x' })).status).toBe(403);
    const decided = await api.expect(200, api.post(people.chairman, `/accountability-cases/${caseId}/decision`, { outcome: 'criticized', note: 'Kiểm điểm trước tập thể.' }));
    expect(decided).toMatchObject({ id: caseId, status: 'decided', outcome: 'criticized' });
    const again = await api.post(people.chairman, `/accountability-cases/${caseId}/decision`, { outcome: 'reminded', note: 'again' });
    expect(again.status).toBe(409);
  });

  it('moves the response deadline and its timers when an extension is granted', async () => {
    const { api, people } = stack;
    const { inspectionId, findingId } = await scenario.awaitingResponse({
      units: [people.units.b],
      policy: { responseDeadline: { duration: 'PT5S' }, reminderOffsets: [] },
    });
    const requested = await api.expect(
      200,
      api.post(people.headB, `/inspections/${inspectionId}/extension-request`, { reason: 'Chủ tịch xã đi học tập trung.', requestedDeadline: inDays(20) }),
    );
    expect(requested.extension.status).toBe('pending');
    const twice = await api.post(people.headB, `/inspections/${inspectionId}/extension-request`, { reason: 'Again', requestedDeadline: inDays(25) });
    expect(twice.status).toBe(409);

    const granted = await api.expect(
      200,
      api.post(people.lead, `/inspections/${inspectionId}/extension-request/decide`, { decision: 'granted', deadline: inSeconds(60), note: 'Đồng ý một phần.' }),
    );
    expect(granted.extension.status).toBe('granted');
    const movedTo = Date.parse(granted.deadlines.response.dueAt);
    expect(movedTo).toBeGreaterThan(Date.now() + 50_000);

    // The original 5-second deadline passes without an escalation.
    await new Promise((resolve) => setTimeout(resolve, 7_000));
    const later = await api.expect(200, api.get(people.chairman, `/inspections/${inspectionId}`));
    expect(later.deadlines.response.overdue).toBe(false);
    expect(later.accountabilityCaseIds).toEqual([]);
    const responded = await scenario.respond(inspectionId, people.headB, [{ findingId, position: 'accepted' }]);
    expect(responded.response.late).toBe(false);
  });

  it('marks an action overdue and reminds the unit; a second rejection opens an accountability case', async () => {
    const { api, people } = stack;
    const { inspectionId, findingId } = await scenario.awaitingResponse({ units: [people.units.c] });
    const remediating = await scenario.respond(inspectionId, people.headC, [{ findingId, position: 'accepted', dueDate: inSeconds(3) }]);
    const actionId = remediating.actions[0].id;

    const overdue = await eventually(async () => {
      const view = await api.expect(200, api.get(people.headC, `/inspections/${inspectionId}`));
      return view.actions[0].overdue ? view : undefined;
    });
    expect(overdue.actions[0].status).toBe('open');
    expect((await topicsOf(people.headC)).some((n) => n.inspectionId === inspectionId && n.topic === 'action.overdue')).toBe(true);

    await scenario.report(inspectionId, people.headC, actionId);
    const firstRejection = await scenario.verify(inspectionId, actionId, 'rejected', inDays(10));
    expect(firstRejection.actions[0]).toMatchObject({ status: 'rejected', rejections: 1, overdue: false });
    expect(firstRejection.accountabilityCaseIds).toEqual([]);

    await scenario.report(inspectionId, people.headC, actionId);
    const secondRejection = await scenario.verify(inspectionId, actionId, 'rejected', inDays(15));
    expect(secondRejection.actions[0].rejections).toBe(2);
    expect(secondRejection.accountabilityCaseIds).toHaveLength(1);
    expect(secondRejection.accountabilityCases[0]).toMatchObject({ reason: 'action_rejected_twice', status: 'open', actionId });

    const missingDueDate = await api.post(people.lead, `/inspections/${inspectionId}/actions/${actionId}/verify`, { decision: 'rejected', note: 'no date' });
    expect(missingDueDate.status).toBe(400);
  });

  it('reports a missed visit window to the lead, who reschedules and then starts the visit', async () => {
    const { api, people } = stack;
    const { inspectionId } = await scenario.plannedInspection({ units: [people.units.a], windows: { windowStart: inDays(0), windowEnd: inSeconds(2) } });

    const missed = await eventually(async () => {
      const view = await api.expect(200, api.get(people.lead, `/inspections/${inspectionId}`));
      return view.window.missed ? view : undefined;
    });
    expect(missed.status).toBe('planned');
    expect((await topicsOf(people.lead)).some((n) => n.inspectionId === inspectionId && n.topic === 'visit.window_missed')).toBe(true);
    expect((await topicsOf(people.headA)).some((n) => n.inspectionId === inspectionId)).toBe(false);

    const tooLate = await api.post(people.lead, `/inspections/${inspectionId}/start`);
    expect(tooLate.status).toBe(409);
    expect(tooLate.body.detail).toMatch(/closed/);

    const rescheduled = await api.expect(200, api.post(people.lead, `/inspections/${inspectionId}/reschedule`, { windowStart: inDays(0), windowEnd: inDays(5) }));
    expect(rescheduled.window).toMatchObject({ windowEnd: inDays(5), missed: false });
    const started = await scenario.start(inspectionId);
    expect(started.status).toBe('in_progress');
  });
});
