import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { streamIds } from '@inspectorate/domain';
import { workflowIds } from '@inspectorate/temporal';
import { ACTORS, patchesIn, rejectionOf, useWorkflowRig } from '../harness/workflow-rig';

/**
 * Updates to one inspection take turns behind the workflow's FIFO lock (workflows/src/support/
 * lock.ts): Temporal interleaves handlers at every await, so without it two commands would decide
 * on the same state. The stand-in append is slowed down so that commands really overlap.
 */
describe('inspection workflow: concurrent updates', () => {
  const rig = useWorkflowRig();
  const stream = streamIds.inspection;
  afterEach(() => {
    rig.log.appendDelayMs = 0;
  });

  it('two simultaneous starts: one wins, the other is refused on the state the first one left', async () => {
    const { inspectionIds: [id] } = await rig.createCampaign();
    rig.log.appendDelayMs = 400;
    const outcomes = await Promise.allSettled([0, 1].map(() => rig.command(id, ACTORS.lead, { type: 'StartVisit' })));

    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    const loser = outcomes.find((o) => o.status === 'rejected')!;
    // Both passed the validator on the planned state; the loser decided again once it held the lock.
    const refused = await rejectionOf(Promise.reject((loser as PromiseRejectedResult).reason));
    expect(refused).toMatchObject({ code: 'conflict', reason: expect.stringContaining('the inspection is in_progress') });
    expect(rig.log.types(stream(id))).toEqual(['InspectionPlanned', 'VisitStarted']);
    expect(rig.log.calls.filter((c) => c.streams.includes(stream(id))).map((c) => c.outcome)).not.toContain('conflict');
  });

  it('five findings recorded at once are all kept, one after the other, with contiguous versions', async () => {
    const { inspectionIds: [id] } = await rig.createCampaign();
    await rig.command(id, ACTORS.lead, { type: 'StartVisit' });
    rig.log.appendDelayMs = 150;
    const findingIds = Array.from({ length: 5 }, () => randomUUID());
    const results = await Promise.all(
      findingIds.map((findingId, n) =>
        rig.command(id, ACTORS.inspector, { type: 'RecordFinding', findingId, criterionCode: 'KL-01', severity: 'minor', description: `Phát hiện số ${n + 1}` }),
      ),
    );

    // Each command saw the version the previous one left: 3, 4, 5, 6, 7 in some order, none twice.
    expect(results.map((r) => r.version).sort()).toEqual([3, 4, 5, 6, 7]);
    const events = rig.log.stream(stream(id));
    expect(events.map((e) => e.version)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(events.filter((e) => e.type === 'FindingRecorded').map((e) => (e.data as { findingId: string }).findingId).sort()).toEqual([...findingIds].sort());
    expect(rig.log.calls.map((c) => c.outcome)).not.toContain('conflict');
    expect((await rig.state(id)).state.findings).toHaveLength(5);
  });

  it('takes the fifo-lock path in a new run, and its history replays with the current code', async () => {
    const { inspectionIds: [id] } = await rig.createCampaign();
    rig.log.appendDelayMs = 200;
    await Promise.allSettled([rig.command(id, ACTORS.lead, { type: 'StartVisit' }), rig.command(id, ACTORS.lead, { type: 'StartVisit' })]);
    const history = await rig.history(workflowIds.inspection(id));

    expect(patchesIn(history)).toEqual(expect.arrayContaining(['fifo-lock', 'append-as-local-activity']));
    await expect(rig.replay(history, workflowIds.inspection(id))).resolves.toBeUndefined();
  });

  it('replays a history recorded before the patch through the old lock', async () => {
    const file = path.resolve(__dirname, '..', 'histories', 'inspection-happy-path.json');
    const history = historyFromJSON(JSON.parse(readFileSync(file, 'utf8')));
    expect(patchesIn(history)).not.toContain('fifo-lock');
    await expect(rig.replay(history, 'inspection-happy-path')).resolves.toBeUndefined();
  });

  it('retries an append that fails like a database outage, and records the command once', async () => {
    const { inspectionIds: [id] } = await rig.createCampaign();
    const callsBefore = rig.log.calls.length;
    rig.log.failNextAppends(2);
    const result = await rig.command(id, ACTORS.lead, { type: 'StartVisit' });

    expect(result.events).toEqual(['VisitStarted']);
    expect(rig.log.calls.slice(callsBefore).map((c) => c.outcome)).toEqual(['failed', 'failed', 'appended']);
    expect(rig.log.types(stream(id))).toEqual(['InspectionPlanned', 'VisitStarted']);
  });
});
