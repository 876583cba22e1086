import { streamIds } from '@inspectorate/domain';
import { useWorkflowRig } from '../harness/workflow-rig';

/**
 * A command and a deadline timer due at the same moment take turns behind the workflow's lock:
 * whichever holds it first is recorded first, the other decides again on the state it finds, and
 * every event is recorded once. The stand-in append is slowed down so the race really overlaps.
 */
describe('inspection workflow: a command racing a deadline timer', () => {
  const rig = useWorkflowRig();
  const stream = streamIds.inspection;
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  afterEach(() => {
    rig.log.appendDelayMs = 0;
  });

  async function awaitingResponse(deadline: string) {
    const { inspectionIds: [id] } = await rig.createCampaign({ policy: { responseDeadline: { duration: deadline }, reminderOffsets: [] } });
    const { findingId } = await rig.toAwaitingResponse(id);
    const notified = rig.log.stream(stream(id)).find((e) => e.type === 'UnitNotified')!;
    return { id, findingId, dueAt: Date.parse((notified.data as { responseDueAt: string }).responseDueAt) };
  }

  it('a response sent while the overdue mark is being recorded waits for it, and is recorded late after it', async () => {
    const { id, findingId, dueAt } = await awaitingResponse('PT2S');
    rig.log.appendDelayMs = 1500;
    // The timer fires at the deadline and holds the lock for its slow append; the response comes in meanwhile.
    await sleep(dueAt + 300 - Date.now());
    await rig.respond(id, [findingId]);

    const types = rig.log.types(stream(id));
    expect(types.slice(types.indexOf('UnitNotified') + 1)).toEqual(['ResponseOverdue', 'AccountabilityCaseOpened', 'ResponseSubmitted', 'CorrectiveActionPlanned']);
    expect(rig.log.stream(stream(id)).find((e) => e.type === 'ResponseSubmitted')!.data).toMatchObject({ late: true });
    expect(rig.log.calls.map((c) => c.outcome)).not.toContain('conflict');
  });

  it('a response sent just before the deadline wins: the timer then finds nothing due and records nothing', async () => {
    const { id, findingId, dueAt } = await awaitingResponse('PT3S');
    rig.log.appendDelayMs = 1500;
    // The response holds the lock across the deadline; the timer waits for it, then decides again.
    await sleep(dueAt - 500 - Date.now());
    await rig.respond(id, [findingId]);
    rig.log.appendDelayMs = 0;
    await sleep(1000);

    const types = rig.log.types(stream(id));
    expect(types.slice(types.indexOf('UnitNotified') + 1)).toEqual(['ResponseSubmitted', 'CorrectiveActionPlanned']);
    expect(rig.log.stream(stream(id)).find((e) => e.type === 'ResponseSubmitted')!.data).toMatchObject({ late: false });
    const { state } = await rig.state(id);
    expect(state).toMatchObject({ status: 'remediating', responseOverdue: false });
    expect(state.cases).toEqual([]);
  });
});
