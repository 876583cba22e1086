/* eslint-disable @typescript-eslint/no-require-imports */
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';

const temporal = require('../../scripts/lib/temporal/index.js') as typeof import('../../scripts/lib/temporal/index.js');
const postgres = require('../../scripts/lib/postgres/index.js') as typeof import('../../scripts/lib/postgres/index.js');
const { isPortFree } = require('../../scripts/lib/free-ports.js') as typeof import('../../scripts/lib/free-ports.js');

const UP = path.resolve(__dirname, '..', '..', 'scripts', 'up.js');
/** What a supervisor may wait before it SIGKILLs: everything must be gone well within it. */
const STOP_BOUND_MS = 15_000;

/**
 * `make up` stopped the way a supervisor (systemd, a CI runner, `kill <pid>`) stops it: SIGTERM to
 * the scripts/up.js process alone, not to its process group. Every process it started must be gone
 * within the bound: the API and the worker (which drains), the demo seeder, Temporal and the
 * embedded PostgreSQL. The same when up.js is SIGKILLed and cannot stop anything itself, on a
 * closed terminal's SIGHUP, and on Ctrl-C's SIGINT to the whole process group. The processes are
 * those below up.js in /proc, taken before the signal.
 */
describe('the local start (scripts/up.js) stopped by a signal', () => {
  const adminUrl = process.env.TEST_DATABASE_ADMIN_URL!;
  let runDir: string;
  let up: LocalStart | undefined;
  let database: string | undefined;

  beforeEach(() => {
    runDir = mkdtempSync(path.join(tmpdir(), 'inspectorate-up-'));
    chmodSync(runDir, 0o755); // as root, the embedded PostgreSQL runs as the postgres OS user: let it in
  });
  afterEach(async () => {
    up?.killAll();
    up = undefined;
    if (database) await postgres.dropDatabase(adminUrl, database);
    database = undefined;
    rmSync(runDir, { recursive: true, force: true });
  });

  /**
   * up.js on a throwaway database of the test run's PostgreSQL (named so that a crashed run's is
   * dropped by the next), caught while seeding for real: the seed-demo process runs and the
   * district's first events are in the log. Returns it, its ports and the processes below it then.
   */
  async function startSeeding() {
    const ports = { api: await temporal.findFreePort(), temporal: await temporal.findFreeTemporalPort() };
    database = `inspectorate_t_${process.env.TEST_RUN_ID}_up_${randomBytes(3).toString('hex')}`;
    const url = postgres.withDatabase(adminUrl, database);
    const current = LocalStart.spawn(localStartEnv(runDir, ports, { DATABASE_URL: url, SEED_DEMO: 'true' }));
    up = current;
    await until(async () => current.processes().some((p) => p.role === 'seed-demo') && (await countEvents(url)) > 0, 90_000, () => current.output);
    const started = current.processes();
    expect(started.map((p) => p.role)).toEqual(expect.arrayContaining(['api', 'worker', 'seed-demo', 'temporal-server']));
    return { start: current, ports, started };
  }

  it('once ready, stops the API, the worker (drained), Temporal and its embedded PostgreSQL, then exits 0', async () => {
    const ports = { api: await temporal.findFreePort(), temporal: await temporal.findFreeTemporalPort() };
    // Nothing listens there, so up.js starts an embedded PostgreSQL of its own in the run directory.
    const nothing = await temporal.findFreePort();
    up = LocalStart.spawn(localStartEnv(runDir, ports, { DATABASE_URL: `postgres://postgres@127.0.0.1:${nothing}/inspectorate`, SEED_DEMO: 'false' }));
    await up.waitForOutput('[up] ready in', 90_000);

    const started = up.processes();
    expect(started.map((p) => p.role)).toEqual(expect.arrayContaining(['api', 'worker', 'temporal-server', 'postgres']));
    const pgPort = Number(/embedded PostgreSQL on 127\.0\.0\.1:(\d+)/.exec(up.output)![1]);

    const { exit, elapsedMs } = await up.terminate();
    expect(exit).toEqual({ code: 0, signal: null });
    await expectAllGone(started, STOP_BOUND_MS - elapsedMs);
    expect(up.output).toContain('worker drained and stopped');
    expect(up.output).toContain('[up] stopped');
    for (const port of [ports.api, ports.temporal, pgPort]) expect(await isPortFree(port)).toBe(true);
  });

  it('SIGKILLed once ready, leaves nothing behind: the API and the worker stop themselves, the servers their watchdogs', async () => {
    const ports = { api: await temporal.findFreePort(), temporal: await temporal.findFreeTemporalPort() };
    const nothing = await temporal.findFreePort(); // an embedded PostgreSQL too, so that its watchdog is checked as well
    up = LocalStart.spawn(localStartEnv(runDir, ports, { DATABASE_URL: `postgres://postgres@127.0.0.1:${nothing}/inspectorate`, SEED_DEMO: 'false' }));
    await up.waitForOutput('[up] ready in', 90_000);
    const started = up.processes();
    expect(started.map((p) => p.role)).toEqual(expect.arrayContaining(['api', 'worker', 'temporal-server', 'postgres']));
    const pgPort = Number(/embedded PostgreSQL on 127\.0\.0\.1:(\d+)/.exec(up.output)![1]);

    const sent = Date.now();
    process.kill(up.pid, 'SIGKILL'); // no handler runs: nothing of up.js's own stop
    expect(await up.exited).toEqual({ code: null, signal: 'SIGKILL' });
    // Their output went to up.js, so the worker's drain cannot be read here: what is checked is
    // that every process ends within the bound and the ports are free for the next start.
    await expectAllGone(started, STOP_BOUND_MS - (Date.now() - sent));
    for (const port of [ports.api, ports.temporal, pgPort]) expect(await isPortFree(port)).toBe(true);
  });

  it('SIGKILLed while the demo district is being seeded, leaves no seeder, API or worker behind', async () => {
    const { start, ports, started } = await startSeeding();

    const sent = Date.now();
    process.kill(start.pid, 'SIGKILL');
    expect(await start.exited).toEqual({ code: null, signal: 'SIGKILL' });
    await expectAllGone(started, STOP_BOUND_MS - (Date.now() - sent));
    for (const port of [ports.api, ports.temporal]) expect(await isPortFree(port)).toBe(true);
  });

  it('on a second SIGTERM while it stops, kills everything at once and exits 143 (128 + SIGTERM)', async () => {
    const ports = { api: await temporal.findFreePort(), temporal: await temporal.findFreeTemporalPort() };
    database = `inspectorate_t_${process.env.TEST_RUN_ID}_up_${randomBytes(3).toString('hex')}`;
    up = LocalStart.spawn(localStartEnv(runDir, ports, { DATABASE_URL: postgres.withDatabase(adminUrl, database), SEED_DEMO: 'false' }));
    await up.waitForOutput('[up] ready in', 90_000);
    const started = up.processes();

    process.kill(up.pid, 'SIGTERM');
    await up.waitForOutput('[up] SIGTERM: stopping…', 5_000);
    const { exit, elapsedMs } = await up.terminate(); // the second one
    expect(exit).toEqual({ code: 143, signal: null });
    expect(up.output).toContain('[up] SIGTERM again: killing everything now');
    expect(up.output).not.toContain('[up] stopped');
    await expectAllGone(started, 3_000 - elapsedMs);
  });

  // A closed terminal sends SIGHUP to the pid; Ctrl-C sends SIGINT to the terminal's whole
  // foreground group, so the servers in it hear it as well as up.js (our Node children have
  // groups of their own and wait for up.js's ordered stop).
  it.each([
    { how: 'SIGHUP to its pid (the terminal closed)', signal: 'SIGHUP' as const, toGroup: false },
    { how: 'SIGINT to its whole process group (Ctrl-C)', signal: 'SIGINT' as const, toGroup: true },
  ])('on $how, stops everything, the worker drained, and exits 0', async ({ signal, toGroup }) => {
    const ports = { api: await temporal.findFreePort(), temporal: await temporal.findFreeTemporalPort() };
    database = `inspectorate_t_${process.env.TEST_RUN_ID}_up_${randomBytes(3).toString('hex')}`;
    up = LocalStart.spawn(localStartEnv(runDir, ports, { DATABASE_URL: postgres.withDatabase(adminUrl, database), SEED_DEMO: 'false' }), { ownGroup: toGroup });
    await up.waitForOutput('[up] ready in', 90_000);
    const started = up.processes();

    const { exit, elapsedMs } = await up.terminate(signal, toGroup ? -up.pid : up.pid);
    expect(exit).toEqual({ code: 0, signal: null });
    await expectAllGone(started, STOP_BOUND_MS - elapsedMs);
    expect(up.output).toContain(`[up] ${signal}: stopping…`);
    expect(up.output).toContain('worker drained and stopped');
    expect(up.output).toContain('[up] stopped');
    for (const port of [ports.api, ports.temporal]) expect(await isPortFree(port)).toBe(true);
  });

  it('while the demo district is being seeded, stops the seeder too, then the rest, and exits 0', async () => {
    const { start, started } = await startSeeding();

    const { exit, elapsedMs } = await start.terminate();
    expect(exit).toEqual({ code: 0, signal: null });
    await expectAllGone(started, STOP_BOUND_MS - elapsedMs);
    expect(start.output).not.toContain('[up] ready in');
    expect(start.output).not.toContain('start failed');
    expect(start.output).toContain('worker drained and stopped');
  });
});

interface Proc {
  pid: number;
  /** Field 22 of /proc/<pid>/stat: tells a reused pid from the process we saw. */
  startTime: string;
  role: string;
}

/** `node scripts/up.js` as a supervisor runs it: a child process with its output piped, no terminal. */
class LocalStart {
  output = '';
  /** Every process ever seen below it, for the clean-up after a failure. */
  private readonly seen = new Map<number, Proc>();
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  private constructor(private readonly child: ChildProcess) {
    child.stdout!.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  }

  /** `ownGroup`: up.js leads a process group of its own, as a shell's foreground job does. */
  static spawn(env: NodeJS.ProcessEnv, options: { ownGroup?: boolean } = {}): LocalStart {
    return new LocalStart(spawn(process.execPath, [UP], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: options.ownGroup ?? false }));
  }

  get pid(): number {
    return this.child.pid!;
  }

  async waitForOutput(text: string, timeoutMs: number): Promise<void> {
    await until(async () => this.output.includes(text), timeoutMs, () => this.output);
  }

  /** Every process below up.js now, recursively, with what it is. */
  processes(): Proc[] {
    const procs = descendants(this.pid);
    for (const proc of procs) this.seen.set(proc.pid, proc);
    return procs;
  }

  /** A signal (SIGTERM to the up.js pid alone, unless told); resolves with its exit once it has exited (or fails past the bound). */
  async terminate(signal: NodeJS.Signals = 'SIGTERM', target = this.pid): Promise<{ exit: { code: number | null; signal: NodeJS.Signals | null }; elapsedMs: number }> {
    const sent = Date.now();
    process.kill(target, signal);
    const timeout = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`up.js still running ${STOP_BOUND_MS} ms after ${signal}:\n${this.output}`)), STOP_BOUND_MS).unref(),
    );
    const exit = await Promise.race([this.exited, timeout]);
    return { exit, elapsedMs: Date.now() - sent };
  }

  /** Clean-up after a failure: SIGKILL to up.js and to whatever it started that is still there. */
  killAll(): void {
    const alive = [...this.processes(), ...this.seen.values()].filter((proc) => !isGone(proc));
    for (const pid of [this.pid, ...alive.map((proc) => proc.pid)]) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    }
  }
}

function localStartEnv(runDir: string, ports: { api: number; temporal: number }, extra: Record<string, string>): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME, // the cached Temporal build: ~/.cache/inspectorate
    ...(process.env.XDG_CACHE_HOME ? { XDG_CACHE_HOME: process.env.XDG_CACHE_HOME } : {}),
    ...(process.env.INSPECTORATE_TEMPORAL_SERVER ? { INSPECTORATE_TEMPORAL_SERVER: process.env.INSPECTORATE_TEMPORAL_SERVER } : {}),
    APP_ENV: 'development',
    PORT: String(ports.api),
    INSPECTORATE_TEMPORAL_PORT: String(ports.temporal),
    INSPECTORATE_RUN_DIR: runDir,
    INSPECTORATE_FROM_SOURCES: '1', // no build needed
    WORKFLOW_BUNDLE_PATH: process.env.TEST_WORKFLOW_BUNDLE, // the test run's, built once by the global setup
    LOG_LEVEL: 'info',
    ...extra,
  };
}

/** The processes below `root` (not itself), from /proc: each one's parent, start time and command line. */
function descendants(root: number): Proc[] {
  const table = readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map((entry) => ({ pid: Number(entry), stat: readStat(Number(entry)) }))
    .filter((row): row is { pid: number; stat: NonNullable<ReturnType<typeof readStat>> } => row.stat !== undefined);
  const found: Proc[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const parent = queue.shift()!;
    for (const row of table.filter((candidate) => candidate.stat.ppid === parent)) {
      found.push({ pid: row.pid, startTime: row.stat.startTime, role: roleOf(row.pid) });
      queue.push(row.pid);
    }
  }
  return found;
}

/** Fields after the command name, which is in brackets and may hold spaces: state, ppid, … starttime. */
function readStat(pid: number): { state: string; ppid: number; startTime: string } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0], ppid: Number(fields[1]), startTime: fields[19] };
  } catch {
    return undefined;
  }
}

function roleOf(pid: number): string {
  let argv: string[];
  try {
    argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  } catch {
    return 'gone';
  }
  const line = argv.join(' ');
  if (argv[0] === '/bin/sh' && argv.includes('watchdog')) return 'watchdog';
  if (line.includes('seed-demo')) return 'seed-demo';
  if (/apps\/api\/src\/main/.test(line)) return 'api';
  if (/apps\/worker\/src\/main/.test(line)) return 'worker';
  if (/apps\/cli\/src\/main/.test(line)) return 'cli';
  if (/\btemporal-server\b/.test(line)) return 'temporal-server';
  if (/postgres/.test(path.basename(argv[0] ?? ''))) return 'postgres';
  return path.basename(argv[0] ?? 'unknown');
}

function isGone(proc: Proc): boolean {
  const stat = readStat(proc.pid);
  return stat === undefined || stat.state === 'Z' || stat.startTime !== proc.startTime;
}

async function expectAllGone(procs: Proc[], withinMs: number): Promise<void> {
  const deadline = Date.now() + Math.max(withinMs, 0);
  while (procs.some((proc) => !isGone(proc)) && Date.now() < deadline) await sleep(100);
  expect(procs.filter((proc) => !isGone(proc))).toEqual([]);
}

async function countEvents(url: string): Promise<number> {
  const client = new Client({ connectionString: url });
  try {
    await client.connect();
    const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM events');
    return rows[0].n;
  } catch {
    return 0; // not created or not migrated yet
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function until(check: () => Promise<boolean>, timeoutMs: number, context: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not reached within ${timeoutMs} ms; output so far:\n${context()}`);
    await sleep(250);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
