import { DemoSeeder } from '../../apps/cli/src/demo';
import { startStack } from '../../test/harness/stack';
import { BenchContext } from '../lib/context';
import { baselineRow, Section, rowAgainst } from '../lib/report';
import { median, Series, time } from '../lib/stats';
import { Client } from '@temporalio/client';

/** What the seeded workflows did, from their histories: workflow tasks, activities, signals, timers. */
async function workflowWork(client: Client, workflowIds: string[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = { workflowTasks: 0, activities: 0, signalsSent: 0, signalsReceived: 0, timersFired: 0 };
  for (const workflowId of workflowIds) {
    const history = await client.workflow.getHandle(workflowId).fetchHistory();
    for (const event of history.events ?? []) {
      if (event.workflowTaskCompletedEventAttributes) counts.workflowTasks += 1;
      if (event.activityTaskCompletedEventAttributes) counts.activities += 1;
      if (event.signalExternalWorkflowExecutionInitiatedEventAttributes) counts.signalsSent += 1;
      if (event.workflowExecutionSignaledEventAttributes) counts.signalsReceived += 1;
      if (event.timerFiredEventAttributes) counts.timersFired += 1;
    }
  }
  return counts;
}

interface LogStats {
  events: number;
  campaignEvents: number;
  systemEvents: number;
  appends: number;
  inspections: number;
  firstRecordedAt: Date;
}

/**
 * (5) The demo seed (apps/cli/src/demo DemoSeeder): the 2023 story back-filled through the real
 * workflows on a fresh stack with an empty database, against the live command latency of (1).
 */
export async function measureSeed(ctx: BenchContext, live: { httpMedian: number; directMedian: number }): Promise<Section> {
  const total = new Series('demo seed, total (DemoSeeder.seed)', 'ms');
  const perCommand = new Series('demo seed, per command (total / commands)', 'ms/command');
  const perUpdate = new Series('demo seed, per update after the first event (commands + endBackfill)', 'ms/command');
  const liveHttp = new Series('live command, HTTP end to end (1): median', 'ms');
  const liveDirect = new Series('live command, Temporal client (1): median', 'ms');
  liveHttp.add(live.httpMedian);
  liveDirect.add(live.directMedian);
  const runs: Record<string, unknown>[] = [];

  for (let r = 0; r < ctx.config.seedRounds; r += 1) {
    const started = await time(() => startStack({ people: false }));
    const stack = started.value;
    ctx.ownSignals();
    const unregister = ctx.onCleanup(() => stack.stop());
    try {
      const t0 = Date.now();
      const seeded = await time(() =>
        new DemoSeeder(stack.db, stack.temporal, stack.config.TEMPORAL_TASK_QUEUE).seed({ password: () => 'bench demo password' }),
      );
      const t1 = Date.now();
      const result = seeded.value;
      if (!result.seeded) throw new Error(`the demo seed did not run: ${result.reason}`);
      const [row] = await stack.db.query(
        `SELECT count(*)::int AS events, (count(*) FILTER (WHERE actor->>'kind' = 'system'))::int AS "systemEvents",
                count(DISTINCT recorded_at)::int AS appends, (count(*) FILTER (WHERE stream_type = 'campaign'))::int AS "campaignEvents", (count(DISTINCT stream_id) FILTER (WHERE stream_type = 'inspection'))::int AS inspections,
                min(recorded_at) AS "firstRecordedAt"
           FROM events`,
      );
      const stats = row as LogStats;
      const updates = result.commands + stats.inspections + 1;
      const work = await workflowWork(
        stack.temporal,
        (await stack.db.query('SELECT DISTINCT stream_id AS id FROM events')).map((r: { id: string }) => r.id),
      );
      const commandPhase = t1 - new Date(stats.firstRecordedAt).getTime();
      total.newRound();
      perCommand.newRound();
      perUpdate.newRound();
      total.add(seeded.ms);
      perCommand.add(seeded.ms / result.commands);
      perUpdate.add(commandPhase / updates);
      runs.push({
        stackStartMs: Math.round(started.ms),
        seedMs: Math.round(seeded.ms),
        beforeFirstEventMs: new Date(stats.firstRecordedAt).getTime() - t0,
        commandPhaseMs: commandPhase,
        commands: result.commands,
        endBackfillUpdates: stats.inspections + 1,
        events: stats.events,
        systemEvents: stats.systemEvents,
        campaignEvents: stats.campaignEvents,
        appends: stats.appends,
        updates,
        temporalPerUpdate: Object.fromEntries(Object.entries(work).map(([k, v]) => [k, Math.round((v / updates) * 100) / 100])),
      });
      ctx.log(
        `seed: round ${r}: ${Math.round(seeded.ms)} ms, ${result.commands} commands, ${stats.events} events in ${stats.appends} appends (${stats.systemEvents} by timers)`,
      );
    } finally {
      unregister();
      await stack.stop();
    }
  }

  return {
    id: 'seed',
    title: '(5) Demo seed: the 2023 district back-filled through the workflows (fresh stack each time)',
    baseline:
      'The live command latency measured in (1) in this run: the HTTP median (what a person waits for a command) and the Temporal-client median (the seeder also talks to Temporal directly, so this is the like-for-like one).',
    rows: [
      baselineRow(liveHttp),
      baselineRow(liveDirect),
      rowAgainst(total, liveHttp.name, live.httpMedian, 'ratio = the seed costs this many live HTTP commands'),
      rowAgainst(perCommand, liveHttp.name, live.httpMedian, undefined, `${perCommand.name} vs HTTP`),
      rowAgainst(perCommand, liveDirect.name, live.directMedian, undefined, `${perCommand.name} vs Temporal client`),
      rowAgainst(perUpdate, liveDirect.name, live.directMedian, undefined, `${perUpdate.name} vs Temporal client`),
    ],
    details: { runs, medianSeedMs: median(total.samples) },
  };
}
