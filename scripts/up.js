#!/usr/bin/env node
// @ts-check
/**
 * The local start: everything the product needs, in the foreground, with demo data.
 *   Temporal (built once per machine, SQLite file under .run/temporal) or TEMPORAL_ADDRESS
 *   PostgreSQL (DATABASE_URL, or an embedded one if nothing answers) → migrations
 *   the worker and the API (compiled, from dist/) → demo district seeded into an empty database
 * Ctrl-C (or SIGTERM) stops it all: the API, then the worker (which drains), then the servers.
 * Run through `make up`, which installs dependencies and builds first.
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const temporal = require('./lib/temporal');
const postgres = require('./lib/postgres');
const { missingAccountsNotice } = require('./lib/demo-notice');

const ROOT = path.resolve(__dirname, '..');
const RUN = path.join(ROOT, '.run');
const LOGS = path.join(RUN, 'logs');
const log = (/** @type {string} */ message) => process.stdout.write(`[up] ${message}\n`);

async function main() {
  fs.mkdirSync(LOGS, { recursive: true });
  const env = { ...process.env };
  env.APP_ENV = env.APP_ENV ?? 'development';
  if (env.APP_ENV === 'production') throw new Error('`make up` is the local start with demo data; production starts the API and worker directly (see the README).');
  const port = Number(env.PORT ?? 3000);
  const namespace = env.TEMPORAL_NAMESPACE ?? 'inspectorate';
  /** @type {{ name: string; stop: () => Promise<void> }[]} */
  const running = [];
  let stopping = false;
  const stopAll = async (/** @type {number} */ code) => {
    if (stopping) return;
    stopping = true;
    log('stopping…');
    for (const service of running.reverse()) {
      await service.stop().catch((error) => log(`${service.name} did not stop cleanly: ${error.message}`));
    }
    log('stopped');
    process.exit(code);
  };
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  try {
    const started = Date.now();
    const pg = await postgres.ensurePostgres({ url: env.DATABASE_URL ?? postgres.DEFAULT_DATABASE_URL, dataDir: path.join(RUN, 'postgres'), log });
    running.push({ name: 'postgres', stop: pg.stop });
    env.DATABASE_URL = pg.url;

    const server = await temporal.startTemporal({ mode: 'file', dataDir: path.join(RUN, 'temporal'), namespace, frontendPort: env.TEMPORAL_ADDRESS ? undefined : 7233, log });
    running.push({ name: 'temporal', stop: server.stop });
    env.TEMPORAL_ADDRESS = server.address;
    env.TEMPORAL_NAMESPACE = namespace;
    env.WORKFLOW_BUNDLE_PATH = env.WORKFLOW_BUNDLE_PATH ?? path.join(ROOT, 'dist', 'workflow-bundle.js');
    env.SEED_DEMO = env.SEED_DEMO ?? 'true';
    // The API, the worker and the CLI share this folder, hence this installation's generated
    // secrets (installation-secrets.json: JWT secret, payload key, checkpoint key) unless set.
    env.DATA_DIR = env.DATA_DIR ?? path.join(RUN, 'data');

    await runToEnd('migrate', ['dist/apps/cli/src/main.js', 'migrate'], env);
    running.push(startService('worker', 'dist/apps/worker/src/main.js', env));
    running.push(startService('api', 'dist/apps/api/src/main.js', env));
    await waitForHealth(`http://127.0.0.1:${port}/api/v1/health`);

    if (env.SEED_DEMO === 'true') {
      const accounts = path.join(RUN, 'demo-accounts.txt');
      await runToEnd('seed-demo', ['dist/apps/cli/src/main.js', 'seed-demo', '--accounts-file', accounts], env);
      if (fs.existsSync(accounts)) log(`demo accounts and their passwords (invented people): ${path.relative(ROOT, accounts)}`);
      else for (const line of missingAccountsNotice({ database: postgres.databaseName(env.DATABASE_URL), accountsFile: path.relative(ROOT, accounts) })) log(line);
    }
    log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    log(`  Console    http://localhost:${port}/   (log in with a demo account)`);
    log(`  API        http://localhost:${port}/api/v1   (health: /api/v1/health, docs: http://localhost:${port}/docs)`);
    log(`  Temporal   ${server.address} namespace ${namespace} (via ${server.via})`);
    log(`  logs       ${path.relative(ROOT, LOGS)}/   — Ctrl-C stops everything`);
    log(`  secrets    ${path.relative(ROOT, path.join(env.DATA_DIR, 'installation-secrets.json'))} (generated on the first start, unless set in the environment)`);
  } catch (error) {
    log(`start failed: ${error instanceof Error ? error.message : String(error)}`);
    await stopAll(1);
  }
}

/**
 * A Node service of ours in the background: output goes to .run/logs/<name>.log and, prefixed,
 * to this terminal. It gets SIGTERM on stop and is killed if it has not drained in 30 s.
 */
function startService(/** @type {string} */ name, /** @type {string} */ entry, /** @type {NodeJS.ProcessEnv} */ env) {
  const out = fs.createWriteStream(path.join(LOGS, `${name}.log`), { flags: 'a' });
  const child = spawn(process.execPath, [entry], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const forward = (/** @type {Buffer} */ chunk) => {
    out.write(chunk);
    for (const line of chunk.toString().split('\n').filter(Boolean)) process.stdout.write(`[${name}] ${line}\n`);
  };
  child.stdout.on('data', forward);
  child.stderr.on('data', forward);
  child.on('exit', (code, signal) => {
    if (code !== 0 && signal !== 'SIGTERM') log(`${name} exited (${signal ?? code}); see ${path.relative(ROOT, path.join(LOGS, `${name}.log`))}`);
  });
  return {
    name,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(timer);
      out.end();
    },
  };
}

function runToEnd(/** @type {string} */ name, /** @type {string[]} */ args, /** @type {NodeJS.ProcessEnv} */ env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('exit', (code) => (code === 0 ? resolve(undefined) : reject(new Error(`${name} failed with exit code ${code}`))));
  });
}

async function waitForHealth(/** @type {string} */ url, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(url);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the API did not report healthy at ${url} within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

void main();
