import { bundleWorkflowCode, NativeConnection, Worker } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { EventStore, NewEvent } from '@inspectorate/event-store';
import { Projector } from '@inspectorate/read-model';
import { ReportWorld } from '@inspectorate/reports-testing/scenario';
import { dataConverter } from '@inspectorate/temporal';
import { createActivities } from '../../apps/worker/src/activities';
import { BenchContext } from '../lib/context';
import { baselineRow, comparedRow, Section } from '../lib/report';
import { Series, time } from '../lib/stats';
import { medianSteps, updateSteps, UpdateSteps } from '../lib/temporal-history';
import { appendPathsWorkflow, AppendPath, appendUpdate, stopSignal } from './append-paths.workflow';

const DESCRIPTION = 'Hai công chức vắng mặt không lý do lúc 8 giờ 30.';

/**
 * (1b) Experiment, bench only: the product's append activity (apps/worker createActivities: EventStore
 * + Projector) behind a Temporal Update in a minimal workflow, awaited as a regular activity (what
 * the product does) or as a local activity, against the Update round trip with no append at all.
 * Its own worker, task queue and payload encryption as the product's, on the same Temporal server
 * and database.
 */
export async function measureAppendPaths(ctx: BenchContext): Promise<Section> {
  const { stack, config } = ctx;
  const taskQueue = `bench-append-paths-${randomUUID()}`;
  const bundle = await bundleWorkflowCode({
    workflowsPath: path.join(__dirname, 'append-paths.workflow.ts'),
    logger: { trace() {}, debug() {}, info() {}, warn() {}, error: console.error, log() {} } as never,
  });
  const connection = await NativeConnection.connect({ address: stack.config.TEMPORAL_ADDRESS });
  const worker = await Worker.create({
    connection,
    namespace: stack.config.TEMPORAL_NAMESPACE,
    taskQueue,
    workflowBundle: bundle,
    activities: createActivities(new EventStore(stack.db), new Projector()),
    dataConverter: dataConverter(stack.config.PAYLOAD_ENCRYPTION_KEYS),
    maxConcurrentActivityTaskExecutions: stack.config.WORKER_MAX_CONCURRENT_ACTIVITIES,
    maxConcurrentWorkflowTaskExecutions: stack.config.WORKER_MAX_CONCURRENT_WORKFLOW_TASKS,
  });
  const running = worker.run();
  const stopWorker = async () => {
    if (worker.getState() === 'RUNNING') worker.shutdown();
    await running.catch(() => undefined);
    await connection.close();
  };
  const unregister = ctx.onCleanup(stopWorker);

  const none = new Series('Update, no append (Temporal round trip alone)', 'ms');
  const regular = new Series('Update → append as a regular activity (as the product)', 'ms');
  const local = new Series('Update → append as a local activity', 'ms');
  const series = new Map<AppendPath, Series>([
    ['none', none],
    ['activity', regular],
    ['local-activity', local],
  ]);
  const steps: UpdateSteps[] = [];
  try {
    const store = new EventStore(stack.db);
    const projector = new Projector();
    const world = new ReportWorld({
      newId: () => randomUUID(),
      team: { leadInspectorId: stack.people.lead.id, inspectorIds: [stack.people.inspector1.id] },
    });
    const versions = new Map<string, number>();
    const eventsSince = (from: number): { streamId: string; events: NewEvent[] } => {
      const log = world.log.slice(from);
      return {
        streamId: log[0].streamId,
        // The recorded events as they are (the store reads only what an append needs), stamped anew.
        events: log.map((e) => ({ ...e, metadata: { workflowId: 'bench', runId: randomUUID() } })),
      };
    };
    const minute = (n: number) => `2025-12-03 ${String(9 + Math.floor(n / 60)).padStart(2, '0')}:${String(n % 60).padStart(2, '0')}`;

    for (let r = 0; r <= config.rounds; r += 1) {
      const warmUp = r === 0;
      if (!warmUp) [none, regular, local].forEach((s) => s.newRound());
      // One workflow and one inspection in progress (projected) per path, fresh each round.
      const lanes = new Map<AppendPath, { inspectionId: string; workflowId: string }>();
      for (const p of series.keys()) {
        const from = world.log.length;
        const inspectionId = world.plan(
          {
            campaignId: ctx.campaignIds[ctx.campaignIds.length - 1],
            unitId: ctx.unitIds[(r + 7) % ctx.unitIds.length],
            year: 2025,
            windowStart: '2025-12-01',
            windowEnd: '2025-12-05',
          },
          '2025-11-20 09:00',
        );
        world.start(inspectionId, '2025-12-03 08:30');
        const { streamId, events } = eventsSince(from);
        await store.append([{ streamId, streamType: 'inspection', expectedVersion: 0, events }], (m, stored) =>
          projector.project(m, stored),
        );
        versions.set(streamId, events.length);
        const workflowId = `bench-append-${p}-${randomUUID()}`;
        await stack.temporal.workflow.start(appendPathsWorkflow, { taskQueue, workflowId });
        lanes.set(p, { inspectionId, workflowId });
      }
      const n = warmUp ? 5 : Math.max(10, Math.round(config.commandsPerRound * 0.6));
      for (let i = 0; i < n; i += 1) {
        const order = [...series.keys()];
        for (let k = 0; k < order.length; k += 1) {
          const p = order[(k + i) % order.length];
          const lane = lanes.get(p)!;
          const from = world.log.length;
          world.finding(lane.inspectionId, 'KL-01', 'major', minute(i), DESCRIPTION);
          const { streamId, events } = eventsSince(from);
          const expectedVersion = versions.get(streamId)!;
          // The same payload every way; the no-append path ignores it (its stream is never appended to).
          const appends = [{ streamId, streamType: 'inspection' as const, expectedVersion, events }];
          const { ms } = await time(() =>
            stack.temporal.workflow.getHandle(lane.workflowId).executeUpdate(appendUpdate, { args: [p, appends] }),
          );
          if (p !== 'none') versions.set(streamId, expectedVersion + events.length);
          if (!warmUp) series.get(p)!.add(ms);
        }
      }
      for (const lane of lanes.values()) {
        if (!warmUp && lane === lanes.get('activity')) steps.push(...(await updateSteps(stack.temporal, lane.workflowId)).slice(-n));
        await stack.temporal.workflow.getHandle(lane.workflowId).signal(stopSignal);
      }
      ctx.log(`append paths: round ${r}${warmUp ? ' (warm-up)' : ''} done`);
    }
  } finally {
    unregister();
    await stopWorker();
  }

  return {
    id: 'append-paths',
    title: '(1b) Experiment (bench-only workflow): the append step as a regular activity vs a local activity',
    baseline:
      'The same Temporal Update to a minimal workflow that appends nothing: the Update round trip (client → server → workflow task → back) that any command pays. The ratio shows what awaiting the append adds, each way.',
    rows: [baselineRow(none), comparedRow(regular, none), comparedRow(local, none)],
    details: { temporalStepsMedianMsRegularActivity: medianSteps(steps) },
  };
}
