import { eventually, Scenario } from '../harness/scenario';
import { ChildWorker } from '../harness/child-worker';
import { useStack } from '../harness/use-stack';

/**
 * Durability: the worker process is killed (SIGKILL) in the middle of a lifecycle, with a command
 * waiting and a deadline timer pending. A new worker process picks up where it was; no event is
 * lost or written twice.
 */
describe('a worker killed mid-lifecycle', () => {
  const workers: ChildWorker[] = [];
  // Declared before useStack, so the child workers are killed before the stack stops.
  afterAll(async () => {
    for (const worker of workers) await worker.kill();
  });
  const stack = useStack({ worker: false });
  const scenario = new Scenario(stack);

  it('continues where it was after a restart, with every event exactly once', async () => {
    const { api, people } = stack;
    const first = new ChildWorker(stack.config);
    workers.push(first);
    await first.start();

    const { inspectionId, findingId } = await scenario.awaitingResponse({
      units: [people.units.a],
      policy: { responseDeadline: { duration: 'PT2M' }, reminderOffsets: [] },
    });

    await first.kill();

    // With no worker alive, the unit head responds: the command waits, durably, in Temporal.
    const response = scenario.respond(inspectionId, people.headA, [{ findingId, position: 'accepted' }]);
    await new Promise((resolve) => setTimeout(resolve, 1_500));

    const second = new ChildWorker(stack.config);
    workers.push(second);
    await second.start();
    const remediating = await response;
    expect(remediating.status).toBe('remediating');
    expect(remediating.response.late).toBe(false);

    // Kill again with an action report pending, then let a third worker finish the lifecycle.
    await second.kill();
    const report = scenario.report(inspectionId, people.headA, remediating.actions[0].id);
    const third = new ChildWorker(stack.config);
    workers.push(third);
    await third.start();
    await report;
    const closed = await scenario.verify(inspectionId, remediating.actions[0].id);
    expect(closed.status).toBe('closed');

    const events = (await api.expect(200, api.get(people.chairman, `/inspections/${inspectionId}/events?limit=500`))).items;
    expect(events.map((e: { type: string }) => e.type)).toEqual([
      'InspectionPlanned',
      'VisitStarted',
      'FindingRecorded',
      'VisitEnded',
      'ConclusionSubmitted',
      'ConclusionApproved',
      'UnitNotified',
      'ResponseSubmitted',
      'CorrectiveActionPlanned',
      'CorrectiveActionReported',
      'CorrectiveActionVerified',
      'InspectionClosed',
    ]);
    expect(events.map((e: { version: number }) => e.version)).toEqual(events.map((_: unknown, i: number) => i + 1));
    expect(new Set(events.map((e: { id: string }) => e.id)).size).toBe(events.length);
    const campaign = await eventually(async () => {
      const rows = await stack.db.query(`SELECT count(*)::int AS n FROM events WHERE type = 'CampaignCompleted'`);
      return rows[0].n === 1 ? rows : undefined;
    });
    expect(campaign).toHaveLength(1);
  });

  it('drains and exits cleanly on SIGTERM', async () => {
    const worker = new ChildWorker(stack.config);
    workers.push(worker);
    await worker.start();
    const exit = await worker.terminate();
    expect(exit.code === 0 || exit.signal === 'SIGTERM').toBe(true);
    expect(worker.output).toContain('worker drained and stopped');
  });
});
