import { randomUUID } from 'node:crypto';
import { UserActor } from '@inspectorate/domain';
import { InspectionClient, workflowIds } from '@inspectorate/temporal';
import { BenchContext } from '../lib/context';
import { baselineRow, comparedRow, perOperation, Section } from '../lib/report';
import { mean, median, Series, summarise, time } from '../lib/stats';
import { medianSteps, updateSteps, UpdateSteps } from '../lib/temporal-history';

const FINDING = {
  type: 'RecordFinding' as const,
  criterionCode: 'KL-01',
  severity: 'major' as const,
  description: 'Hai công chức vắng mặt không lý do lúc 8 giờ 30.',
  evidence: [{ text: 'Biên bản ghi nhận tại chỗ' }],
};

/** Plans a campaign on `count` units (today's window) and starts every inspection; returns their ids. */
async function inspectionsInProgress(ctx: BenchContext, count: number, offset: number): Promise<string[]> {
  const units = Array.from({ length: count }, (_, i) => ctx.unitIds[(offset + i) % ctx.unitIds.length]);
  const campaign = await ctx.scenario.campaign({ units });
  const ids: string[] = campaign.targets.map((t: { inspectionId: string }) => t.inspectionId);
  for (const id of ids) await ctx.scenario.start(id);
  return ids;
}

/**
 * (1) Commands end to end: POST /inspections/:id/findings (HTTP → API → Temporal Update →
 * workflow → activity append + project in one transaction → read back), sequentially, against
 * GET /inspections/:id of the same inspection. Also the same command sent straight to the
 * workflow with the Temporal client (no HTTP, no API), and throughput with concurrent clients.
 */
export async function measureCommands(ctx: BenchContext): Promise<{ section: Section; liveHttpMedian: number; liveDirectMedian: number }> {
  const { stack, config, profiler, scenario } = ctx;
  const inspector = stack.people.inspector1;
  const actor: UserActor = { kind: 'user', userId: inspector.id, role: 'inspector' };

  const get = new Series('GET /inspections/:id (same inspection)', 'ms');
  const post = new Series('POST /inspections/:id/findings (end to end)', 'ms');
  const direct = new Series('same command via Temporal client executeUpdate (no HTTP/API)', 'ms');
  const inspections = new InspectionClient(stack.temporal);
  const byIndex: number[][] = [];
  const steps: UpdateSteps[] = [];
  let units = 0;

  for (let r = 0; r <= config.rounds; r += 1) {
    const warmUp = r === 0;
    if (!warmUp) [get, post, direct].forEach((s) => s.newRound());
    const [a, b] = await inspectionsInProgress(ctx, 2, units);
    units += 2;
    const n = warmUp ? 10 : config.commandsPerRound;
    for (let i = 0; i < n; i += 1) {
      const ops: (() => Promise<void>)[] = [
        async () => {
          const { ms } = await profiler.during(warmUp ? 'warm-up' : 'cmd:get', () =>
            time(() => stack.api.expect(200, stack.api.get(inspector, `/inspections/${a}`))),
          );
          if (!warmUp) get.add(ms);
        },
        async () => {
          const { ms } = await profiler.during(warmUp ? 'warm-up' : 'cmd:post', () => time(() => scenario.finding(a)));
          if (!warmUp) {
            post.add(ms);
            (byIndex[i] ??= []).push(ms);
          }
        },
        async () => {
          const { ms } = await profiler.during(warmUp ? 'warm-up' : 'cmd:direct', () =>
            time(() => inspections.execute(b, { ...FINDING, findingId: randomUUID() }, actor)),
          );
          if (!warmUp) direct.add(ms);
        },
      ];
      for (let k = 0; k < ops.length; k += 1) await ops[(k + i) % ops.length]();
    }
    // Where the Temporal part goes, from the history of the inspection the HTTP commands went to.
    if (!warmUp) steps.push(...(await updateSteps(stack.temporal, workflowIds.inspection(a))).slice(-n));
    ctx.log(`commands: round ${r}${warmUp ? ' (warm-up)' : ''}: POST median ${median(post.rounds.at(-1) ?? []).toFixed(1)} ms`);
  }

  // Throughput: one client alone, then `clients` clients at once, each on its own inspection.
  const sequentialRate = new Series('throughput, 1 client (sequential)', 'per s');
  const concurrentRate = new Series(`throughput, ${config.clients} clients on ${config.clients} inspections`, 'per s');
  const concurrentLatency: number[] = [];
  for (let r = 0; r <= Math.max(2, Math.ceil(config.rounds / 2)); r += 1) {
    const warmUp = r === 0;
    const ids = await inspectionsInProgress(ctx, config.clients + 1, units);
    units += config.clients + 1;
    const k = warmUp ? 3 : config.commandsPerClient;
    const client = async (id: string, latencies?: number[]) => {
      for (let i = 0; i < k; i += 1) {
        const { ms } = await time(() => scenario.finding(id));
        latencies?.push(ms);
      }
    };
    const alone = await profiler.during(warmUp ? 'warm-up' : 'tp:sequential', () => time(() => client(ids[0])));
    const together = await profiler.during(warmUp ? 'warm-up' : 'tp:concurrent', () =>
      time(() => Promise.all(ids.slice(1).map((id) => client(id, warmUp ? undefined : concurrentLatency)))),
    );
    if (!warmUp) {
      sequentialRate.newRound();
      concurrentRate.newRound();
      sequentialRate.add((k / alone.ms) * 1000);
      concurrentRate.add(((k * config.clients) / together.ms) * 1000);
    }
    ctx.log(
      `throughput: round ${r}${warmUp ? ' (warm-up)' : ''}: ${((k / alone.ms) * 1000).toFixed(1)}/s alone, ${(((k * config.clients) / together.ms) * 1000).toFixed(1)}/s with ${config.clients} clients`,
    );
  }

  const postParts = profiler.of('cmd:post');
  const directParts = profiler.of('cmd:direct');
  const appendWall = (parts: typeof postParts) => parts['transaction wall (append)'];
  const txOf = (parts: typeof postParts) => (appendWall(parts)?.totalMs ?? 0) / Math.max(1, appendWall(parts)?.count ?? 1);
  const apiSql = Object.entries(postParts)
    .filter(([part]) => part.startsWith('api: '))
    .reduce((sum, [, stat]) => sum + stat.totalMs, 0);
  const lockOf = (phase: string) => {
    const parts = profiler.of(phase);
    const lock = parts['store: append lock (advisory, global)'];
    const wall = parts['transaction wall (append)'];
    return lock && wall
      ? {
          lockMsPerAppend: lock.totalMs / lock.count,
          appendTxMsPerAppend: wall.totalMs / wall.count,
          lockShareOfAppend: lock.totalMs / wall.totalMs,
        }
      : undefined;
  };
  const early = byIndex.slice(0, 10).flat();
  const late = byIndex.slice(-10).flat();

  const section: Section = {
    id: 'commands',
    title: '(1) Commands end to end: RecordFinding on an inspection in progress',
    baseline:
      'GET /api/v1/inspections/:id of the same inspection by the same user, interleaved with the commands: HTTP + JWT + access guard + one indexed read of the same row the command reads back. The ratio is what the write path (Temporal Update, workflow, activity, append + projection) adds. Throughput: the rate of one sequential client in the same round.',
    rows: [
      baselineRow(get),
      comparedRow(post, get),
      comparedRow(direct, get),
      baselineRow(sequentialRate),
      comparedRow(concurrentRate, sequentialRate, 'speed-up; 8× would be perfect scaling'),
    ],
    details: {
      concurrentCommandLatency: summarise(concurrentLatency),
      growth: {
        note: `latency of findings 1–10 vs ${Math.max(1, byIndex.length - 9)}–${byIndex.length} of an inspection (each append rewrites all its findings)`,
        firstTenMedianMs: median(early),
        lastTenMedianMs: median(late),
        ratio: median(late) / median(early),
      },
      breakdownPerCommandMs: {
        httpEndToEndMean: mean(post.samples),
        appendTransactionInWorker: txOf(postParts),
        apiSqlReads: apiSql / Math.max(1, post.samples.length),
        restHttpNestTemporal: mean(post.samples) - txOf(postParts) - apiSql / Math.max(1, post.samples.length),
        directTemporalMean: mean(direct.samples),
        directAppendTransaction: txOf(directParts),
        temporalOrchestration: mean(direct.samples) - txOf(directParts),
      },
      temporalStepsMedianMs: medianSteps(steps),
      appendLock: { sequential: lockOf('tp:sequential'), concurrent: lockOf('tp:concurrent') },
      sqlPerCommand: {
        post: perOperation(postParts, post.samples.length),
        get: perOperation(profiler.of('cmd:get'), get.samples.length),
        concurrent: perOperation(profiler.of('tp:concurrent'), concurrentLatency.length),
      },
    },
  };
  return { section, liveHttpMedian: median(post.samples), liveDirectMedian: median(direct.samples) };
}
