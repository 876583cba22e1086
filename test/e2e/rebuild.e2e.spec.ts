import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { EntityManager } from 'typeorm';
import { EventStore, NewEvent, StoredEvent, StreamAppend, StreamType, verifyEventChain } from '@inspectorate/event-store';
import { EventShape } from '@inspectorate/domain';
import { PROJECTION_TABLES, Projector, rebuildProjections } from '@inspectorate/read-model';
import { Scenario } from '../harness/scenario';
import { TestStack } from '../harness/stack';
import { inDays } from '../harness/time';
import { useStack } from '../harness/use-stack';

/**
 * A rebuild replays the whole log through the projector and must land on exactly the read model
 * the live appends built: every projection table, every row, every column.
 */
describe('rebuilding the projections from the event log', () => {
  const stack = useStack();
  const scenario = new Scenario(stack);

  it('reproduces every projection table exactly, after a scenario driven through the HTTP API', async () => {
    const { api, people } = stack;
    const campaign = await scenario.campaign({ units: [people.units.a, people.units.b, people.units.c] });
    const [a, b, c] = [people.units.a, people.units.b, people.units.c].map((unitId) => campaign.targets.find((t: { unitId: string }) => t.unitId === unitId).inspectionId);

    // A: the whole path, with a dissent, a returned conclusion, a dispute and a rejected action.
    await scenario.start(a);
    const absent = await scenario.finding(a, people.inspector1, { criterionCode: 'KL-01', severity: 'major' });
    const badge = await scenario.finding(a, people.inspector2, { criterionCode: 'KL-02', severity: 'minor', description: 'Không đeo thẻ công chức.' });
    const mistaken = await scenario.finding(a, people.lead, { criterionCode: 'VH-01', severity: 'minor', description: 'Ghi nhầm.' });
    await api.expect(200, api.patch(people.inspector2, `/inspections/${a}/findings/${badge}`, { severity: 'major' }));
    await api.expect(200, api.post(people.lead, `/inspections/${a}/findings/${mistaken}/withdraw`, { reason: 'Ghi nhầm đơn vị.' }));
    await scenario.endVisit(a);
    await api.expect(200, api.post(people.inspector2, `/inspections/${a}/conclusion/dissent`, { text: 'Đề nghị xếp loại trung bình.' }));
    await scenario.conclude(a, [{ findingId: absent }, { findingId: badge }]);
    await api.expect(200, api.post(people.chairman, `/inspections/${a}/conclusion/return`, { comment: 'Bổ sung thời hạn.' }));
    await scenario.conclude(a, [{ findingId: absent }, { findingId: badge }]);
    await scenario.approve(a);
    const responded = await scenario.respond(a, people.headA, [
      { findingId: absent, position: 'accepted' },
      { findingId: badge, position: 'disputed' },
    ]);
    expect(responded.status).toBe('remediating');
    const resolved = await api.expect(200, api.post(people.lead, `/inspections/${a}/disputes/${badge}/resolve`, { decision: 'upheld', note: 'Không có giấy đi đường.' }));
    expect(resolved.actions).toHaveLength(2);
    const accepted = resolved.actions.find((x: { findingId: string }) => x.findingId === absent);
    await scenario.report(a, people.headA, accepted.id);
    await scenario.verify(a, accepted.id, 'rejected', inDays(25));
    await scenario.report(a, people.headA, accepted.id);
    await scenario.verify(a, accepted.id, 'verified');

    // B: cancelled before its visit. C: in the middle of its visit.
    await api.expect(200, api.post(people.chairman, `/inspections/${b}/cancel`, { reason: 'Đơn vị sáp nhập.' }));
    await scenario.start(c);
    await scenario.finding(c, people.inspector1, { criterionCode: 'KL-01', severity: 'critical' });
    // A second campaign with one closed-out inspection of unit A.
    const second = await scenario.awaitingResponse();
    const closed = await scenario.respond(second.inspectionId, people.headA, [{ findingId: second.findingId, position: 'accepted' }]);
    await scenario.report(second.inspectionId, people.headA, closed.actions[0].id);
    expect((await scenario.verify(second.inspectionId, closed.actions[0].id)).status).toBe('closed');

    // Reading a notification is user state, not a projection: the rebuild must keep it.
    const notices = await api.expect(200, api.get(people.headA, '/me/notifications'));
    await api.expect(200, api.post(people.headA, `/me/notifications/${notices.items[0].id}/read`));

    const lastPosition = await settledLog(stack);
    const before = await snapshot(stack);
    expect(before.inspections).toHaveLength(4);
    expect(before.findings.length).toBeGreaterThanOrEqual(5);
    expect(before.corrective_actions).toHaveLength(3);
    expect(before.notification_reads).toHaveLength(1);
    const viewBefore = await api.expect(200, api.get(people.chairman, `/inspections/${a}`));

    const result = await rebuildProjections(stack.db, { batchSize: 7 });
    expect(result).toMatchObject({ events: lastPosition, lastPosition });
    expect(result.rows.inspections).toBe(4);
    const after = await snapshot(stack);
    expect(after).toEqual(before);
    expect(await api.expect(200, api.get(people.chairman, `/inspections/${a}`))).toEqual(viewBefore);
    expect(await settledLog(stack)).toBe(lastPosition); // the rebuild wrote no event
  });

  it('rolls back completely when the replay fails, and readers see the old read model meanwhile', async () => {
    await settledLog(stack);
    const before = await snapshot(stack);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let reachedGate!: () => void;
    const atGate = new Promise<void>((resolve) => (reachedGate = resolve));
    let calls = 0;
    class StallingThenFailingProjector extends Projector {
      override async project(manager: EntityManager, events: readonly StoredEvent[]): Promise<void> {
        calls += 1;
        if (calls === 3) {
          reachedGate();
          await gate;
          throw new Error('projector failed mid-rebuild');
        }
        await super.project(manager, events);
      }
    }
    // batchSize 1: one projector call per append, so the third call comes early in the replay.
    const rebuilding = rebuildProjections(stack.db, { batchSize: 1, projector: new StallingThenFailingProjector() });
    await Promise.race([atGate, rebuilding]);
    expect(calls).toBe(3);
    // Mid-rebuild (tables emptied and partly refilled inside its transaction), another connection still sees the old rows.
    const [{ n }] = await stack.db.query('SELECT count(*)::int AS n FROM inspections');
    expect(n).toBe(before.inspections.length);
    release();
    await expect(rebuilding).rejects.toThrow('projector failed mid-rebuild');
    expect(await snapshot(stack)).toEqual(before);
  });

  it('rebuilds a few thousand events at a measured speed, still exactly', async () => {
    await settledLog(stack);
    const store = new EventStore(stack.db);
    const projector = new Projector();
    const original = await readAppends(store);
    const keep = new Set<string>([...Object.values(stack.people.units), ...Object.values(stack.people).flatMap((p) => (typeof p === 'object' && 'id' in p ? [p.id as string] : []))]);
    // Copies of the scenario's history with fresh ids, appended through the event store and the
    // projector exactly like the worker does, until the log holds a few thousand events.
    let total = original.reduce((sum, group) => sum + group.events.length, 0);
    const appendStarted = performance.now();
    while (total < 3000) {
      for (const group of cloneHistory(original, keep)) {
        await store.append(group, (manager, events) => projector.project(manager, events));
        total += group.reduce((sum, s) => sum + s.events.length, 0);
      }
    }
    const appendMs = performance.now() - appendStarted;
    const lastPosition = await settledLog(stack);
    const before = await snapshot(stack);

    const liveMsPerThousand = (appendMs / (total - original.reduce((sum, g) => sum + g.events.length, 0))) * 1000;
    process.stderr.write(`[rebuild] ${lastPosition} events; live appends with projection: ${liveMsPerThousand.toFixed(0)} ms per 1000 events\n`);
    // Append by append (batchSize 1: an append is never split), then in batches of whole appends.
    for (const batchSize of [1, 100, 500, 2000]) {
      const result = await rebuildProjections(stack.db, { batchSize });
      const perThousand = (result.durationMs / result.events) * 1000;
      process.stderr.write(
        `[rebuild] batchSize ${batchSize}: ${result.events} events, ${result.appends} appends, ${result.batches} batches in ${result.durationMs} ms = ${perThousand.toFixed(0)} ms per 1000 events\n`,
      );
      expect(result).toMatchObject({ events: lastPosition, lastPosition });
      expect(await snapshot(stack)).toEqual(before);
    }
    expect(await verifyEventChain(stack.db)).toMatchObject({ intact: true, checked: lastPosition });
    // Appending 3,000 events and rebuilding them four times takes about a minute alone; on a loaded CI
    // machine it took over the suite's 120 s. The speed is reported above (and measured in bench/), not
    // asserted, so this limit is only a net for a hang.
  }, 300_000);
});

type Snapshot = Record<string, unknown[]>;

/** Every row of every projection table (and notification_reads), all columns, ordered by primary key. */
async function snapshot(stack: TestStack): Promise<Snapshot> {
  const result: Snapshot = {};
  for (const table of [...PROJECTION_TABLES, 'notification_reads']) {
    const keys: { column: string }[] = await stack.db.query(
      `SELECT a.attname AS column FROM pg_index i
         JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
        WHERE i.indrelid = $1::regclass AND i.indisprimary ORDER BY array_position(i.indkey, a.attnum)`,
      [table],
    );
    expect(keys.length).toBeGreaterThan(0);
    const rows: { row: unknown }[] = await stack.db.query(`SELECT to_jsonb(t) AS row FROM ${table} t ORDER BY ${keys.map((k) => `t.${k.column}`).join(', ')}`);
    result[table] = rows.map((r) => r.row);
  }
  return result;
}

/** Waits until no workflow is still appending (the log's head stays put), and returns it. */
async function settledLog(stack: TestStack): Promise<number> {
  const head = async () => Number((await stack.db.query('SELECT coalesce(max(position), 0) AS p FROM events'))[0].p);
  let last = await head();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const now = await head();
    if (now === last) return now;
    last = now;
  }
}

interface AppendGroup {
  readonly events: StoredEvent[];
}

/** The log as its original appends (consecutive events recorded at the same instant). */
async function readAppends(store: EventStore): Promise<AppendGroup[]> {
  const groups: AppendGroup[] = [];
  for await (const page of store.readAll()) {
    for (const event of page) {
      const last = groups.at(-1)?.events.at(-1);
      if (last && last.recordedAt === event.recordedAt && last.position + 1 === event.position) groups.at(-1)!.events.push(event);
      else groups.push({ events: [event] });
    }
  }
  return groups;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/** The same history about new inspections, campaigns, findings and actions (same people and units). */
function cloneHistory(groups: AppendGroup[], keep: Set<string>): StreamAppend<EventShape>[][] {
  const ids = new Map<string, string>();
  const remap = <T>(value: T): T =>
    JSON.parse(JSON.stringify(value).replace(UUID, (id) => (keep.has(id) ? id : (ids.get(id) ?? ids.set(id, randomUUID()).get(id)!))));
  return groups.map((group) => {
    const streams = new Map<string, { streamType: StreamType; expectedVersion: number; events: NewEvent<EventShape>[] }>();
    for (const e of group.events) {
      const streamId = remap(e.streamId);
      const stream = streams.get(streamId) ?? { streamType: e.streamType, expectedVersion: e.version - 1, events: [] };
      stream.events.push({ id: randomUUID(), type: e.type, data: remap(e.data), actor: e.actor, occurredAt: e.occurredAt, metadata: remap(e.metadata) });
      streams.set(streamId, stream);
    }
    return [...streams].map(([streamId, s]) => ({ streamId, ...s }));
  });
}
