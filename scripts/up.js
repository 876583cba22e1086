#!/usr/bin/env node
// @ts-check
/**
 * The local start: everything the product needs, in the foreground, with demo data.
 *   Temporal (built once per machine, SQLite file under .run/temporal) or TEMPORAL_ADDRESS
 *   PostgreSQL (DATABASE_URL, or an embedded one if nothing answers) → migrations
 *   the worker and the API (compiled, from dist/) → demo district seeded into an empty database
 * Run through `make up`, which installs dependencies and builds first.
 *
 * Stopping: Ctrl-C, SIGTERM to this process alone (a supervisor, `kill <pid>`) and SIGHUP all do
 * the same (./lib/shutdown.js): the demo seed or the migration if one is still running, then the
 * API, then the worker (which drains), then Temporal and the embedded PostgreSQL if it started
 * one; each is SIGKILLed after its grace period. Then it exits 0: the stop that was asked for has
 * been done, and a supervisor (systemd, say) counts 0 as a clean stop, not 143. A second signal
 * while stopping kills everything at once and exits 128 + the signal's number, the shell's code
 * for "ended by that signal". A failed start stops the same way and exits 1. Should this process
 * be SIGKILLed or crash, nothing is left behind either: the servers' watchdogs stop them, and the
 * API, the worker and the CLI stop themselves (./lib/exit-with-parent.js).
 *
 * Knobs for running it beside another one (the tests do): INSPECTORATE_RUN_DIR (instead of .run/,
 * as for scripts/reset.js), INSPECTORATE_TEMPORAL_PORT (instead of 7233), and
 * INSPECTORATE_FROM_SOURCES=1 (the TypeScript sources instead of dist/, no build needed).
 */
const fs = require('node:fs');
const path = require('node:path');
const temporal = require('./lib/temporal');
const postgres = require('./lib/postgres');
const { missingAccountsNotice } = require('./lib/demo-notice');
const { programArgs, spawnService, spawnToEnd } = require('./lib/node-children');
const { createShutdown, onStopSignals, signalExitCode } = require('./lib/shutdown');
const { killGroup } = require('./lib/watchdog');

const ROOT = path.resolve(__dirname, '..');
const RUN = path.resolve(process.env.INSPECTORATE_RUN_DIR ?? path.join(ROOT, '.run'));
const LOGS = path.join(RUN, 'logs');
const FROM_SOURCES = process.env.INSPECTORATE_FROM_SOURCES === '1';

/** Stop order: the one-shot programs, then the API (its requests wait on the worker), the worker, the servers. */
const RANK = { oneShot: 0, api: 1, worker: 2, servers: 3 };
/** For the API and the worker to drain, and for a one-shot program to end, before SIGKILL. */
const PROGRAM_GRACE_MS = 30_000;
/** For a server still being started when the stop begins (it is registered, hence stopped, once up). */
const START_SETTLE_MS = 10_000;

// A supervisor may close our output before it stops us: never let a failed write end the stop.
process.stdout.on('error', () => {});
const log = (/** @type {string} */ message) => process.stdout.write(`[up] ${message}\n`);

function main() {
  const shutdown = createShutdown({ log });
  /** @type {Promise<void>} */
  let start = Promise.resolve();
  const stopAndExit = async (/** @type {number} */ code, /** @type {string} */ why) => {
    log(`${why}: stopping…`);
    await shutdown.stop(start, START_SETTLE_MS);
    log('stopped');
    process.exit(code);
  };
  onStopSignals((signal) => {
    if (!shutdown.stopping) return void stopAndExit(0, signal);
    log(`${signal} again: killing everything now`);
    shutdown.kill();
    process.exit(signalExitCode(signal));
  });

  start = startAll(shutdown);
  start.catch((error) => {
    if (shutdown.stopping) return; // interrupted by a stop signal, whose handler stops what was started
    log(`start failed: ${error instanceof Error ? error.message : String(error)}`);
    void stopAndExit(1, 'start failed');
  });
}

/**
 * Starts everything in order, adding each part to `shutdown` as soon as it runs. Throws (the abort
 * reason, or a step's error) when the stop begins halfway.
 *
 * @param {import('./lib/shutdown').Shutdown} shutdown
 */
async function startAll(shutdown) {
  const { signal } = shutdown;
  fs.mkdirSync(LOGS, { recursive: true });
  const env = { ...process.env };
  env.APP_ENV = env.APP_ENV ?? 'development';
  if (env.APP_ENV === 'production') throw new Error('`make up` is the local start with demo data; production starts the API and worker directly (see the README).');
  const port = Number(env.PORT ?? 3000);
  const namespace = env.TEMPORAL_NAMESPACE ?? 'inspectorate';
  const started = Date.now();

  const pg = await postgres.ensurePostgres({ url: env.DATABASE_URL ?? postgres.DEFAULT_DATABASE_URL, dataDir: path.join(RUN, 'postgres'), log });
  shutdown.add(RANK.servers, server('postgres', pg));
  env.DATABASE_URL = pg.url;
  signal.throwIfAborted();

  const frontendPort = env.TEMPORAL_ADDRESS ? undefined : Number(env.INSPECTORATE_TEMPORAL_PORT ?? 7233);
  const temporalServer = await temporal.startTemporal({ mode: 'file', dataDir: path.join(RUN, 'temporal'), namespace, frontendPort, log });
  shutdown.add(RANK.servers, server('temporal', temporalServer));
  signal.throwIfAborted();
  env.TEMPORAL_ADDRESS = temporalServer.address;
  env.TEMPORAL_NAMESPACE = namespace;
  env.WORKFLOW_BUNDLE_PATH = env.WORKFLOW_BUNDLE_PATH ?? path.join(ROOT, 'dist', 'workflow-bundle.js');
  env.SEED_DEMO = env.SEED_DEMO ?? 'true';
  // The API, the worker and the CLI share this folder, hence this installation's generated
  // secrets (installation-secrets.json: JWT secret, payload key, checkpoint key) unless set.
  env.DATA_DIR = env.DATA_DIR ?? path.join(RUN, 'data');

  const runToEnd = async (/** @type {string} */ name, /** @type {string[]} */ args) => {
    const { child, done } = spawnToEnd({ name, args: [...programArgs(ROOT, 'cli', FROM_SOURCES), ...args], cwd: ROOT, env, signal, graceMs: PROGRAM_GRACE_MS });
    shutdown.add(RANK.oneShot, program(child));
    await done;
  };
  const startService = (/** @type {'api' | 'worker'} */ name) => {
    const logFile = path.join(LOGS, `${name}.log`);
    const child = spawnService({
      name,
      args: programArgs(ROOT, name, FROM_SOURCES),
      cwd: ROOT,
      env,
      logFile,
      print: (line) => process.stdout.write(`${line}\n`),
      onUnexpectedExit: (code, exitSignal) => log(`${name} exited (${exitSignal ?? code}); see ${path.relative(ROOT, logFile)}`),
    });
    shutdown.add(RANK[name], program(child));
  };

  await runToEnd('migrate', ['migrate']);
  signal.throwIfAborted();
  startService('worker');
  startService('api');
  await waitForHealth(`http://127.0.0.1:${port}/api/v1/health`, signal);

  if (env.SEED_DEMO === 'true') {
    const accounts = path.join(RUN, 'demo-accounts.txt');
    await runToEnd('seed-demo', ['seed-demo', '--accounts-file', accounts]);
    if (fs.existsSync(accounts)) log(`demo accounts and their passwords (invented people): ${path.relative(ROOT, accounts)}`);
    else for (const line of missingAccountsNotice({ database: postgres.databaseName(env.DATABASE_URL), accountsFile: path.relative(ROOT, accounts) })) log(line);
  }
  log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  log(`  Console    http://localhost:${port}/   (log in with a demo account)`);
  log(`  API        http://localhost:${port}/api/v1   (health: /api/v1/health, docs: http://localhost:${port}/docs)`);
  log(`  Temporal   ${temporalServer.address} namespace ${namespace} (via ${temporalServer.via})`);
  log(`  logs       ${path.relative(ROOT, LOGS)}/   — Ctrl-C (or SIGTERM) stops everything`);
  log(`  secrets    ${path.relative(ROOT, path.join(env.DATA_DIR, 'installation-secrets.json'))} (generated on the first start, unless set in the environment)`);
}

/**
 * A server of ours (or one already there, whose stop is a no-op) as something to stop.
 *
 * @param {string} name
 * @param {{ pid?: number, stop: () => Promise<void> }} handle  pid: its watchdog's process group
 * @returns {import('./lib/shutdown').Stoppable}
 */
function server(name, handle) {
  return { name, stop: handle.stop, kill: () => handle.pid !== undefined && killGroup(handle.pid, 'SIGKILL') };
}

/**
 * @param {import('./lib/node-children').NodeChild} child
 * @returns {import('./lib/shutdown').Stoppable}
 */
function program(child) {
  return { name: child.name, stop: () => child.stop(PROGRAM_GRACE_MS), kill: child.kill };
}

async function waitForHealth(/** @type {string} */ url, /** @type {AbortSignal} */ signal, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    signal.throwIfAborted();
    try {
      const response = await fetch(url, { signal });
      if (response.status === 200) return;
    } catch {
      // not listening yet (or aborted: thrown above on the next turn)
    }
    if (Date.now() > deadline) throw new Error(`the API did not report healthy at ${url} within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

main();
