import { Scenario } from '../harness/scenario';
import { inSeconds } from '../harness/time';
import { useStack } from '../harness/use-stack';

/**
 * Concurrency is input too. Commands to one inspection that arrive together take turns in the
 * workflow, in the order they arrived; each decides on the state the previous one left. The loser
 * of a race is the domain's 409 naming the state, never a 503 that says "it may still take effect",
 * and nothing is written twice or lost.
 */
describe('simultaneous commands to one inspection', () => {
  const stack = useStack();
  const scenario = new Scenario(stack);

  const eventsOf = async (inspectionId: string) =>
    (await stack.api.expect(200, stack.api.get(stack.people.chairman, `/inspections/${inspectionId}/events?limit=500`))).items as { type: string; version: number }[];

  it('five simultaneous starts: one 200, four 409 naming the status, one VisitStarted', async () => {
    const { api, people } = stack;
    const { inspectionId } = await scenario.plannedInspection();

    const answers = await Promise.all(Array.from({ length: 5 }, () => api.post(people.lead, `/inspections/${inspectionId}/start`)));

    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([200, 409, 409, 409, 409]);
    for (const refused of answers.filter((a) => a.status === 409)) {
      expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(refused.body.detail).toMatch(/in_progress/);
    }
    const events = await eventsOf(inspectionId);
    expect(events.filter((e) => e.type === 'VisitStarted')).toHaveLength(1);
  });

  it('five simultaneous findings are all recorded, one after the other', async () => {
    const { api, people } = stack;
    const { inspectionId } = await scenario.plannedInspection();
    await scenario.start(inspectionId);

    const answers = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        api.post(people.inspector1, `/inspections/${inspectionId}/findings`, {
          criterionCode: 'KL-01',
          severity: 'minor',
          description: `Phát hiện số ${i + 1}`,
          evidence: [{ text: 'Biên bản' }],
        }),
      ),
    );

    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201]);
    const events = await eventsOf(inspectionId);
    expect(events.filter((e) => e.type === 'FindingRecorded')).toHaveLength(5);
    expect(events.map((e) => e.version)).toEqual(events.map((_, i) => i + 1));
  });

  it('simultaneous different commands: each decides on the state the previous one left', async () => {
    const { api, people } = stack;
    const { inspectionId } = await scenario.plannedInspection();
    await scenario.start(inspectionId);
    await scenario.finding(inspectionId);

    // Ending the visit and recording another finding race: whichever goes second sees the state
    // the first left. A finding after the visit ended is a 409 naming the status; before, both succeed.
    const [ended, finding] = await Promise.all([
      api.post(people.lead, `/inspections/${inspectionId}/end-visit`),
      api.post(people.inspector1, `/inspections/${inspectionId}/findings`, {
        criterionCode: 'KL-01',
        severity: 'minor',
        description: 'Phát hiện vào phút chót',
        evidence: [{ text: 'Biên bản' }],
      }),
    ]);

    expect(ended.status).toBe(200);
    expect([201, 409]).toContain(finding.status);
    if (finding.status === 409) expect(finding.body.detail).toMatch(/the inspection is drafting/);
    const events = await eventsOf(inspectionId);
    expect(events.map((e) => e.version)).toEqual(events.map((_, i) => i + 1));
    expect(events.filter((e) => e.type === 'FindingRecorded')).toHaveLength(finding.status === 201 ? 2 : 1);
  });

  it('deadline timers that fire while commands arrive take their turn too: every command answered, every event once', async () => {
    const { api, people } = stack;
    const { inspectionId } = await scenario.plannedInspection();
    await scenario.start(inspectionId);
    const findingIds: string[] = [];
    for (let i = 0; i < 9; i += 1) findingIds.push(await scenario.finding(inspectionId, people.inspector1, { description: `Phát hiện ${i + 1}` }));
    await scenario.endVisit(inspectionId);
    await scenario.conclude(inspectionId, findingIds.map((findingId) => ({ findingId })));
    await scenario.approve(inspectionId);
    // Three waves: three actions fall due at once, and their three reports arrive at that moment,
    // so each report contends with the others and with the deadline timers firing.
    const dueAt = findingIds.map((_, i) => inSeconds(4 + Math.floor(i / 3) * 0.5));
    const remediating = await scenario.respond(
      inspectionId,
      people.headA,
      findingIds.map((findingId, i) => ({ findingId, position: 'accepted' as const, dueDate: dueAt[i] })),
    );
    const actions = remediating.actions as { id: string; findingId: string }[];
    const reportAt = async (action: { id: string }, at: string) => {
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, Date.parse(at) - Date.now())));
      return api.post(people.headA, `/inspections/${inspectionId}/actions/${action.id}/report`, { note: 'Đã chấn chỉnh.', evidence: [{ text: 'Biên bản' }] });
    };
    const answers = await Promise.all(actions.map((action, i) => reportAt(action, dueAt[i])));

    expect(answers.map((a) => a.status)).toEqual(actions.map(() => 200));
    const events = await eventsOf(inspectionId);
    expect(events.map((e) => e.version)).toEqual(events.map((_, i) => i + 1));
    const byAction = (type: string) => events.filter((e) => e.type === type).map((e) => (e as unknown as { data: { actionId: string } }).data.actionId);
    expect(new Set(byAction('CorrectiveActionReported')).size).toBe(9);
    expect(byAction('CorrectiveActionReported')).toHaveLength(9);
    expect(new Set(byAction('CorrectiveActionOverdue')).size).toBe(byAction('CorrectiveActionOverdue').length);
  });
});
