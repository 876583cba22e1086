/**
 * The benchmark: `npm run bench` (BENCH_QUICK=1 for a smoke run of the script itself).
 *
 * Starts everything it needs through the test harness (a real Temporal server, PostgreSQL, the
 * real API and worker in this process), measures five things, each against a baseline measured
 * in the same run, prints a table and writes bench/results/<ISO 8601 basic timestamp>.json.
 * Everything it started is stopped at the end, also on Ctrl-C, SIGTERM or an error.
 * See bench/README.md for what each row means.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import globalSetup from '../test/harness/global-setup';
import globalTeardown from '../test/harness/global-teardown';
import { appendGeneratedYear } from '../test/harness/generated-year';
import { Scenario } from '../test/harness/scenario';
import { startStack } from '../test/harness/stack';
import { BenchConfig, BenchContext, DEFAULT_CONFIG, QUICK_CONFIG } from './lib/context';
import { renderParts, renderTable, round, Section } from './lib/report';
import { SqlProfiler } from './lib/sql-profiler';
import { time } from './lib/stats';
import { measureAppendPaths } from './experiments/append-paths';
import { measureAppend } from './measure/append';
import { measureCommands } from './measure/commands';
import { measureRebuild } from './measure/rebuild';
import { measureReports } from './measure/reports';
import { measureSeed } from './measure/seed';

const ROOT = path.resolve(__dirname, '..');
const started = Date.now();
const log = (message: string) => process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s] ${message}\n`);

// Clean-ups run last-in first-out, once, whether the run ends well, badly or by a signal.
const cleanups: { stop: () => Promise<void> }[] = [];
const onCleanup = (stop: () => Promise<void>) => {
  const entry = { stop };
  cleanups.push(entry);
  return () => {
    const index = cleanups.indexOf(entry);
    if (index >= 0) cleanups.splice(index, 1);
  };
};
let cleaning: Promise<void> | undefined;
const cleanUp = () =>
  (cleaning ??= (async () => {
    while (cleanups.length > 0) {
      const { stop } = cleanups.pop()!;
      await stop().catch((error: unknown) => log(`clean-up step failed: ${String(error)}`));
    }
    log('everything stopped');
  })());

let aborting = false;
async function abort(reason: string, code: number): Promise<never> {
  aborting = true;
  log(`${reason}: stopping everything (Ctrl-C again to force)`);
  // The servers also die with this process (their watchdogs), should a clean-up step hang.
  setTimeout(() => process.exit(code), 30_000).unref();
  await cleanUp();
  process.exit(code);
}
const onSignal = (signal: NodeJS.Signals) => {
  if (aborting) process.exit(signal === 'SIGINT' ? 130 : 143);
  void abort(signal, signal === 'SIGINT' ? 130 : 143);
};
/**
 * The benchmark alone handles SIGINT and SIGTERM: the API started by the harness installs Nest's
 * shutdown hooks (close the app, then raise the signal again, which would end the process in
 * the middle of the clean-up) and Temporal's runtime its own. Called after every stack start.
 */
function ownSignals(): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.removeAllListeners(signal);
    process.on(signal, onSignal);
  }
}
ownSignals();
process.on('unhandledRejection', (error) => {
  if (aborting) return;
  log(`unhandled rejection: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  void abort('error', 1);
});

function environment(): Record<string, unknown> {
  const git = (...args: string[]) => {
    try {
      return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
    } catch {
      return undefined;
    }
  };
  return {
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    memoryGiB: round(os.totalmem() / 2 ** 30, 1),
    loadAverageAtStart: os.loadavg().map((v) => round(v, 2)),
    commit: git('rev-parse', 'HEAD'),
    uncommittedChanges: (git('status', '--porcelain') ?? '').split('\n').filter(Boolean).length,
  };
}

async function main(): Promise<void> {
  const config: BenchConfig = process.env.BENCH_QUICK ? QUICK_CONFIG : DEFAULT_CONFIG;
  const env = environment();
  log(`config ${JSON.stringify(config)}`);

  const setup = await time(() => globalSetup());
  onCleanup(() => globalTeardown());
  const stackStart = await time(() => startStack());
  const stack = stackStart.value;
  ownSignals();
  onCleanup(() => stack.stop());
  const profiler = new SqlProfiler();
  profiler.install(stack.db);
  onCleanup(async () => profiler.uninstall());
  const [{ version: postgresVersion }] = await stack.db.query('SELECT version()');
  log(`stack up (global setup ${Math.round(setup.ms)} ms, stack ${Math.round(stackStart.ms)} ms); ${postgresVersion}`);

  // The generated year (test/harness/generated-year.ts): ~3,000 events through the real store and projector.
  const { people } = stack;
  const load = await time(() =>
    appendGeneratedYear(stack.db, [people.units.a, people.units.b, people.units.c], {
      leadInspectorId: people.lead.id,
      inspectorIds: [people.inspector1.id],
    }),
  );
  const year = load.value;
  await stack.db.query('VACUUM ANALYZE');
  log(`generated year: ${year.eventCount} events appended and projected in ${Math.round(load.ms)} ms`);

  const ctx: BenchContext = {
    config,
    stack,
    scenario: new Scenario(stack),
    profiler,
    unitIds: year.unitIds,
    campaignIds: year.campaignIds,
    log,
    onCleanup,
    ownSignals,
  };

  // Reports and the rebuild first, on exactly the generated log; then the writes on top of it.
  const reports = await measureReports(ctx, year);
  const rebuild = await measureRebuild(ctx);
  const append = await measureAppend(ctx);
  const commands = await measureCommands(ctx);
  const appendPaths = await measureAppendPaths(ctx);
  const seed = await measureSeed(ctx, { httpMedian: commands.liveHttpMedian, directMedian: commands.liveDirectMedian });
  const sections: Section[] = [commands.section, appendPaths, append, reports, rebuild, seed];

  log('measurements done; stopping everything');
  await cleanUp();

  const finished = new Date();
  const result = {
    startedAt: new Date(started).toISOString(),
    durationS: round((finished.getTime() - started) / 1000, 1),
    config,
    environment: { ...env, postgres: postgresVersion, loadAverageAtEnd: os.loadavg().map((v) => round(v, 2)) },
    setup: {
      globalSetupMs: Math.round(setup.ms),
      stackStartMs: Math.round(stackStart.ms),
      generatedYear: {
        events: year.eventCount,
        appendAndProjectMs: Math.round(load.ms),
        eventsPerSecond: Math.round((year.eventCount / load.ms) * 1000),
      },
    },
    sections,
  };
  const dir = path.join(ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(
    dir,
    `${finished
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d+Z$/, 'Z')}.json`,
  );
  writeFileSync(file, JSON.stringify(result, null, 2) + '\n');

  console.log(renderTable(sections));
  console.log('\nWhere the time goes (SQL statements timed in this process; ms per operation, ×statements per operation):');
  const c = commands.section.details as {
    breakdownPerCommandMs: Record<string, number>;
    temporalStepsMedianMs: Record<string, number>;
    appendLock: unknown;
    growth: unknown;
  };
  console.log(
    `  (1) per command, means: ${Object.entries(c.breakdownPerCommandMs)
      .map(([k, v]) => `${k} ${v.toFixed(1)} ms`)
      .join(', ')}`,
  );
  console.log(
    `  (1) Temporal history, medians: ${Object.entries(c.temporalStepsMedianMs)
      .map(([k, v]) => `${k} ${round(v, 1)}`)
      .join(', ')}`,
  );
  console.log(`  (1) growth: ${JSON.stringify(c.growth)}`);
  console.log(`  (1) append lock: ${JSON.stringify(c.appendLock)}`);
  console.log(
    `  (1b) Temporal history of the regular-activity path, medians: ${Object.entries(
      (appendPaths.details as { temporalStepsMedianMsRegularActivity: Record<string, number> }).temporalStepsMedianMsRegularActivity,
    )
      .map(([k, v]) => `${k} ${round(v, 1)}`)
      .join(', ')}`,
  );
  const a = append.details as {
    sqlPerAppend: { projected: Record<string, { perOpMs: number; statementsPerOp: number }> };
    growth: unknown;
  };
  console.log(renderParts('(2) one append + projection:', a.sqlPerAppend.projected));
  console.log(`  (2) growth: ${JSON.stringify(a.growth)}`);
  const seedRuns = (seed.details as { runs: { temporalPerUpdate: Record<string, number> }[] }).runs;
  console.log(
    `  (5) Temporal work per update of the seed (a live RecordFinding is 2 workflow tasks + 1 activity): ${JSON.stringify(seedRuns[0]?.temporalPerUpdate)}`,
  );
  console.log(
    `\nsetup: global ${result.setup.globalSetupMs} ms, stack ${result.setup.stackStartMs} ms, generated year ${JSON.stringify(result.setup.generatedYear)}`,
  );
  console.log(`results: ${path.relative(ROOT, file)} (${result.durationS} s in all)`);
}

main().then(
  () => process.exit(0),
  async (error: unknown) => {
    // An abort by signal makes the running measurement fail; its clean-up is already under way.
    if (aborting) return;
    log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    await abort('error', 1);
  },
);
