import { randomUUID } from 'node:crypto';
import { RecordedEvent } from '@inspectorate/domain';
import { CheckpointSigner, EventStore, NewEvent } from '@inspectorate/event-store';
import { Projector } from '@inspectorate/read-model';
import { ReportWorld } from '@inspectorate/reports-testing/scenario';
import { BenchContext } from '../lib/context';
import { baselineRow, comparedRow, perOperation, Section } from '../lib/report';
import { median, Series, time } from '../lib/stats';

const DESCRIPTION = 'Hai công chức vắng mặt không lý do lúc 8 giờ 30.';

/**
 * (2) The write path without Temporal or HTTP: EventStore.append of one FindingRecorded event
 * to an inspection in progress, with the projector and a signed checkpoint in the same
 * transaction (what the worker's activity does), and without them (the event store alone, and
 * with only the checkpoint); against inserting one row of the
 * same size into a scratch table in a transaction of its own, on the same database.
 */
export async function measureAppend(ctx: BenchContext): Promise<Section> {
  const { stack, config, profiler } = ctx;
  const db = stack.db;
  const store = new EventStore(db);
  // As the worker appends: a signed checkpoint of the head in each append's transaction.
  const signedStore = new EventStore(db, { checkpoints: new CheckpointSigner(stack.config.CHAIN_CHECKPOINT_KEY) });
  const projector = new Projector();
  const team = { leadInspectorId: stack.people.lead.id, inspectorIds: [stack.people.inspector1.id] };
  const world = new ReportWorld({ newId: () => randomUUID(), team });
  await db.query(
    `CREATE TABLE IF NOT EXISTS bench_scratch (id uuid PRIMARY KEY, stream_id text NOT NULL, type text NOT NULL,
       data jsonb NOT NULL, actor jsonb NOT NULL, metadata jsonb NOT NULL, occurred_at timestamptz NOT NULL, recorded_at timestamptz NOT NULL DEFAULT now())`,
  );

  const baseline = new Series('INSERT one row of the same size into a scratch table (own transaction)', 'ms');
  const projected = new Series('EventStore.append 1 event + Projector (one transaction)', 'ms');
  const storeOnly = new Series('EventStore.append 1 event, no projector', 'ms');
  const storeSigned = new Series('EventStore.append 1 event + signed checkpoint, no projector', 'ms');
  const byIndex: number[][] = [];
  const versions = new Map<string, number>();

  /** Events the world decided since `from`, as the store takes them. */
  const newEvents = (from: number): { streamId: string; events: NewEvent[] } => {
    const log: RecordedEvent[] = world.log.slice(from);
    return {
      streamId: log[0].streamId,
      // The recorded events as they are (the store reads only what an append needs), stamped anew.
      events: log.map((e) => ({ ...e, metadata: { workflowId: e.streamId, runId: randomUUID() } })),
    };
  };
  const appendFrom = async (from: number, project: boolean, signed = project) => {
    const { streamId, events } = newEvents(from);
    const expectedVersion = versions.get(streamId) ?? 0;
    await (signed ? signedStore : store).append(
      [{ streamId, streamType: 'inspection', expectedVersion, events }],
      project ? (m, stored) => projector.project(m, stored) : undefined,
    );
    versions.set(streamId, expectedVersion + events.length);
  };
  const minute = (n: number) => `2025-12-02 ${String(9 + Math.floor(n / 60)).padStart(2, '0')}:${String(n % 60).padStart(2, '0')}`;

  for (let r = 0; r <= config.rounds; r += 1) {
    const warmUp = r === 0;
    if (!warmUp) [baseline, projected, storeOnly, storeSigned].forEach((s) => s.newRound());
    // Two fresh inspections in progress on a unit and campaign of the generated year: one
    // projected as the worker does, one only in the log.
    const unitId = ctx.unitIds[(r + 3) % ctx.unitIds.length];
    const campaignId = ctx.campaignIds[ctx.campaignIds.length - 1];
    const plan = (project: boolean) => {
      const from = world.log.length;
      const id = world.plan({ campaignId, unitId, year: 2025, windowStart: '2025-12-01', windowEnd: '2025-12-05' }, '2025-11-20 09:00');
      world.start(id, '2025-12-02 08:30');
      return { id, ready: appendFrom(from, project) };
    };
    const a = plan(true);
    await a.ready;
    const b = plan(false);
    await b.ready;
    const c = plan(false);
    await c.ready;

    const n = warmUp ? 10 : config.appendsPerRound;
    for (let i = 0; i < n; i += 1) {
      const ops: [Series, () => Promise<void>][] = [
        [
          projected,
          async () => {
            const from = world.log.length;
            world.finding(a.id, 'KL-01', 'major', minute(i), DESCRIPTION);
            const { ms } = await profiler.during(warmUp ? 'warm-up' : 'append:projected', () => time(() => appendFrom(from, true)));
            if (!warmUp) {
              projected.add(ms);
              (byIndex[i] ??= []).push(ms);
            }
          },
        ],
        [
          storeOnly,
          async () => {
            const from = world.log.length;
            world.finding(b.id, 'KL-01', 'major', minute(i), DESCRIPTION);
            const { ms } = await profiler.during(warmUp ? 'warm-up' : 'append:store-only', () => time(() => appendFrom(from, false)));
            if (!warmUp) storeOnly.add(ms);
          },
        ],
        [
          storeSigned,
          async () => {
            const from = world.log.length;
            world.finding(c.id, 'KL-01', 'major', minute(i), DESCRIPTION);
            const { ms } = await profiler.during(warmUp ? 'warm-up' : 'append:store-signed', () => time(() => appendFrom(from, false, true)));
            if (!warmUp) storeSigned.add(ms);
          },
        ],
        [
          baseline,
          async () => {
            const e = world.log[world.log.length - 1];
            const { ms } = await profiler.during(warmUp ? 'warm-up' : 'append:baseline', () =>
              time(() =>
                db.transaction('READ COMMITTED', (m) =>
                  m.query(
                    'INSERT INTO bench_scratch (id, stream_id, type, data, actor, metadata, occurred_at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
                    [
                      randomUUID(),
                      e.streamId,
                      e.type,
                      JSON.stringify(e.data),
                      JSON.stringify(e.actor),
                      JSON.stringify({ workflowId: e.streamId, runId: randomUUID() }),
                      e.occurredAt,
                    ],
                  ),
                ),
              ),
            );
            if (!warmUp) baseline.add(ms);
          },
        ],
      ];
      for (let k = 0; k < ops.length; k += 1) await ops[(k + i) % ops.length][1]();
    }
    ctx.log(`append: round ${r}${warmUp ? ' (warm-up)' : ''} done`);
  }

  const firstTen = byIndex.slice(0, 10).flat();
  const lastTen = byIndex.slice(-10).flat();
  const count = projected.samples.length;
  return {
    id: 'append',
    title: '(2) Append + projection, direct (no HTTP, no Temporal): one FindingRecorded per append',
    baseline:
      'INSERT of one row of the same size (event data, actor, metadata as jsonb) into a scratch table with a primary key, in its own READ COMMITTED transaction on the same database: the floor for any durable single-event write (round trips + commit flush).',
    rows: [baselineRow(baseline), comparedRow(storeOnly, baseline), comparedRow(storeSigned, baseline), comparedRow(projected, baseline)],
    details: {
      growth: {
        note: `the projector rewrites every finding of the inspection on each append: median of appends 1–10 vs ${Math.max(1, byIndex.length - 9)}–${byIndex.length} of a round`,
        firstTenMedianMs: median(firstTen),
        lastTenMedianMs: median(lastTen),
        ratio: median(lastTen) / median(firstTen),
      },
      sqlPerAppend: {
        projected: perOperation(profiler.of('append:projected'), count),
        storeOnly: perOperation(profiler.of('append:store-only'), storeOnly.samples.length),
        storeSigned: perOperation(profiler.of('append:store-signed'), storeSigned.samples.length),
        baseline: perOperation(profiler.of('append:baseline'), baseline.samples.length),
      },
    },
  };
}
