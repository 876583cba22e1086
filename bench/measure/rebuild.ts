import { EventStore } from '@inspectorate/event-store';
import { rebuildProjections, RebuildResult } from '@inspectorate/read-model';
import { BenchContext } from '../lib/context';
import { baselineRow, comparedRow, perOperation, round, Section } from '../lib/report';
import { Series, time } from '../lib/stats';

/**
 * (4) Rebuilding every projection from the log (one transaction, the product's rebuild) against
 * reading the whole log through the event store (the part no rebuild can avoid).
 */
export async function measureRebuild(ctx: BenchContext): Promise<Section> {
  const { stack, config, profiler } = ctx;
  const store = new EventStore(stack.db);
  const readAll = new Series('read whole log (EventStore.readAll)', 'ms');
  const rebuild = new Series('rebuildProjections (all tables, one transaction)', 'ms');
  const oneBatch = new Series('rebuildProjections, one batch (batchSize 1,000,000)', 'ms');
  const readRate = new Series('read whole log: events per second', 'events/s');
  const rebuildRate = new Series('rebuild: events per second', 'events/s');
  let result: RebuildResult | undefined;

  const read = async () => {
    let events = 0;
    for await (const page of store.readAll()) events += page.length;
    return events;
  };

  for (let r = 0; r <= config.rebuildRounds; r += 1) {
    const warmUp = r === 0;
    if (!warmUp) [readAll, rebuild, oneBatch, readRate, rebuildRate].forEach((s) => s.newRound());
    const doRead = async () => {
      const { ms, value } = await time(read);
      if (!warmUp) {
        readAll.add(ms);
        readRate.add((value / ms) * 1000);
      }
    };
    const doRebuild = async () => {
      const { ms, value } = await (warmUp
        ? time(() => rebuildProjections(stack.db))
        : profiler.during('rebuild', () => time(() => rebuildProjections(stack.db))));
      result = value;
      if (!warmUp) {
        rebuild.add(ms);
        rebuildRate.add((value.events / ms) * 1000);
      }
    };
    // What fewer, larger batches would save: each batch loads and upserts every stream it touches
    // and recomputes the campaign progress and unit scorecards it touched.
    const doOneBatch = async () => {
      const { ms } = await time(() => rebuildProjections(stack.db, { batchSize: 1_000_000 }));
      if (!warmUp) oneBatch.add(ms);
    };
    const steps = [doRead, doRebuild, doOneBatch];
    for (let k = 0; k < steps.length; k += 1) await steps[(k + r) % steps.length]();
    ctx.log(`rebuild: round ${r}${warmUp ? ' (warm-up)' : ''}: ${round(rebuild.rounds.at(-1)?.[0] ?? Number.NaN, 0)} ms`);
  }
  // A rebuild deletes and rewrites every projection row: vacuum so later measurements see tidy tables.
  await stack.db.query('VACUUM ANALYZE');

  return {
    id: 'rebuild',
    title: `(4) Rebuild of all projections from the log (${result?.events} events, ${result?.appends} original appends, ${result?.batches} batches)`,
    baseline:
      'Reading the whole log with EventStore.readAll (pages of 2,000, rows mapped to events): the I/O every rebuild must do; the ratio is the cost of projecting.',
    rows: [
      baselineRow(readAll),
      comparedRow(rebuild, readAll),
      comparedRow(oneBatch, readAll),
      baselineRow(readRate),
      comparedRow(rebuildRate, readRate),
    ],
    details: {
      events: result?.events,
      appends: result?.appends,
      batches: result?.batches,
      rows: result?.rows,
      sqlPerRebuild: perOperation(profiler.of('rebuild'), rebuild.samples.length),
    },
  };
}
