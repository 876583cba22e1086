import { streamIds } from '@inspectorate/domain';
import { ACTORS, rejectionOf, useWorkflowRig } from '../harness/workflow-rig';
import { inSeconds } from '../harness/time';

/**
 * Deadlines are timers of the inspection workflow, derived from its state: they fire on their
 * own, at their time, as `system`, on the real Temporal server. Policies of seconds.
 */
describe('inspection workflow: timers', () => {
  const rig = useWorkflowRig();
  const stream = streamIds.inspection;

  it('marks the visit window missed when it closes unvisited, and then refuses to start the visit', async () => {
    const windowEnd = inSeconds(2);
    const { inspectionIds: [id] } = await rig.createCampaign({ windowEnd });
    const events = await rig.log.waitFor(stream(id), (e) => e.some((x) => x.type === 'VisitWindowMissed'));

    expect(events.map((e) => e.type)).toEqual(['InspectionPlanned', 'VisitWindowMissed']);
    const missed = events[1];
    expect(missed.actor).toEqual({ kind: 'system' });
    expect(Date.parse(missed.occurredAt)).toBeGreaterThanOrEqual(Date.parse(windowEnd));
    const refused = await rejectionOf(rig.command(id, ACTORS.lead, { type: 'StartVisit' }));
    expect(refused).toMatchObject({ code: 'conflict', reason: expect.stringContaining('closed') });
    expect((await rig.state(id)).state.windowMissed).toBe(true);
  });

  it('reminds the unit before its response deadline, then marks it overdue and opens an accountability case', async () => {
    const { inspectionIds: [id] } = await rig.createCampaign({ policy: { responseDeadline: { duration: 'PT3S' }, reminderOffsets: [{ duration: 'PT1S' }] } });
    await rig.toAwaitingResponse(id);
    const notified = rig.log.stream(stream(id)).find((e) => e.type === 'UnitNotified')!;
    const dueAt = Date.parse((notified.data as { responseDueAt: string }).responseDueAt);

    const events = await rig.log.waitFor(stream(id), (e) => e.some((x) => x.type === 'AccountabilityCaseOpened'));
    const after = events.slice(events.indexOf(notified) + 1);
    expect(after.map((e) => e.type)).toEqual(['ReminderSent', 'ResponseOverdue', 'AccountabilityCaseOpened']);
    expect(after.every((e) => e.actor.kind === 'system')).toBe(true);
    // The reminder goes out one second before the deadline, the overdue mark at it, never early.
    expect(Date.parse(after[0].occurredAt)).toBeGreaterThanOrEqual(dueAt - 1000);
    expect(Date.parse(after[0].occurredAt)).toBeLessThan(dueAt);
    expect(Date.parse(after[1].occurredAt)).toBeGreaterThanOrEqual(dueAt);

    const { state, version } = await rig.state(id);
    expect(state.responseOverdue).toBe(true);
    expect(state.cases).toEqual([expect.objectContaining({ reason: 'response_overdue', status: 'open' })]);
    expect(version).toBe(events.length);
  });

  it('lets a late response in after the deadline, marked late, and sets no second overdue', async () => {
    const { inspectionIds: [id] } = await rig.createCampaign({ policy: { responseDeadline: { duration: 'PT2S' }, reminderOffsets: [] } });
    const { findingId } = await rig.toAwaitingResponse(id);
    await rig.log.waitFor(stream(id), (e) => e.some((x) => x.type === 'ResponseOverdue'));

    await rig.respond(id, [findingId]);
    const types = rig.log.types(stream(id));
    expect(types.filter((t) => t === 'ResponseOverdue')).toHaveLength(1);
    const response = rig.log.stream(stream(id)).find((e) => e.type === 'ResponseSubmitted')!;
    expect(response.data).toMatchObject({ late: true });
    expect((await rig.state(id)).state.status).toBe('remediating');
  });
});
