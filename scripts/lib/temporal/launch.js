// @ts-check
'use strict';
/**
 * Starting (or finding) the Temporal server the app talks to. Order of preference:
 *   1. TEMPORAL_ADDRESS is set     → use that server as it is (stop() is a no-op);
 *   2. a `temporal` CLI on the PATH → `temporal server start-dev --headless ...`;
 *   3. our own build of the pinned release (build.js), started with a config rendered by config.js.
 * INSPECTORATE_TEMPORAL_SERVER=binary|cli overrides the choice between 2 and 3.
 * Either way the server runs under the watchdog of ../watchdog.js: it dies with us, however we die.
 */

const fsp = require('node:fs/promises');
const path = require('node:path');
const { findFreePort } = require('../free-ports');
const { ensureDir, tailFile, which } = require('../process');
const { spawnSupervised } = require('../watchdog');
const { ensureTemporalBinary } = require('./build');
const { writeServerConfig } = require('./config');
const { dynamicConfigFlags } = require('./dynamic-config');
const { ensureNamespace } = require('./namespace');
const { busyTemporalPorts, findFreeTemporalPort } = require('./ports');
const { waitForFrontend } = require('./readiness');
const { setupTemporalPostgresSchema } = require('./schema');
const { defaultLog } = require('./version');

/** The `temporal` CLI's own file (its server version differs from ours: never share a file). */
const CLI_SQLITE_FILE = 'temporal-cli.db';

/**
 * @typedef {object} TemporalHandle
 * @property {string} address        host:port of the frontend
 * @property {string} namespace
 * @property {'external' | 'cli' | 'binary'} via
 * @property {number} [pid]          the supervising watchdog's pid (process group id)
 * @property {string} [logFile]
 * @property {() => Promise<void>} stop  idempotent; a no-op for an external server
 */

/**
 * @typedef {object} StartTemporalOptions
 * @property {'memory' | 'file' | 'postgres'} mode  memory: in-memory SQLite (tests);
 *   file: SQLite file under dataDir (local start); postgres: needs `postgres`
 * @property {string} dataDir        config, log and (file mode) database live here
 * @property {string} namespace      registered if missing, ready when this resolves
 * @property {number} [frontendPort] default: a free base port (all derived ports free)
 * @property {import('./config').PostgresTarget} [postgres]
 * @property {import('./version').LogFn} [log]
 * @property {'debug' | 'info' | 'warn' | 'error'} [logLevel]
 * @property {number} [timeoutMs]    for the server to answer and the namespace to be usable (default 60 s)
 * @property {import('./tls').ServerTls} [tls]  mutual TLS on the frontend (own binary only, not the CLI)
 */

/**
 * Starts (or finds) a Temporal server and makes sure `namespace` is registered and usable.
 *
 * @param {StartTemporalOptions} options
 * @returns {Promise<TemporalHandle>}
 */
async function startTemporal(options) {
  const log = options.log ?? defaultLog;
  const timeoutMs = options.timeoutMs ?? 60_000;
  const { namespace } = options;

  const external = process.env.TEMPORAL_ADDRESS;
  if (external) {
    log(`using the Temporal server at ${external} (TEMPORAL_ADDRESS)`);
    await waitForFrontend(external, { timeoutMs });
    await ensureNamespace(external, namespace, { timeoutMs });
    return { address: external, namespace, via: 'external', stop: async () => {} };
  }

  const dataDir = await ensureDir(options.dataDir);
  const choice = process.env.INSPECTORATE_TEMPORAL_SERVER;
  const cli = choice === 'binary' ? undefined : which('temporal');
  if (choice === 'cli' && !cli) throw new Error('INSPECTORATE_TEMPORAL_SERVER=cli but no `temporal` on the PATH');
  if (options.mode === 'postgres' && !options.postgres) throw new Error("mode 'postgres' needs the postgres option");

  const binary = cli && options.mode !== 'postgres' ? undefined : await ensureTemporalBinary({ log });
  if (options.mode === 'postgres' && options.postgres) {
    await setupTemporalPostgresSchema({ ...options.postgres, log });
  }

  // A port chosen for us can be taken between the check and the bind: then try another one.
  const attempts = options.frontendPort ? 1 : 3;
  for (let attempt = 1; ; attempt++) {
    const frontendPort = options.frontendPort ?? (await findFreeTemporalPort());
    const address = `127.0.0.1:${frontendPort}`;
    if (options.frontendPort) {
      // Otherwise the readiness probe could be answered by whoever already listens there.
      const busy = await busyTemporalPorts(frontendPort);
      if (busy.length > 0) {
        throw new Error(
          `cannot start Temporal on ${address}: port(s) in use (${busy.join(', ')}). ` +
            `If a Temporal server already runs there, use it with TEMPORAL_ADDRESS=${address}.`,
        );
      }
    }
    const logFile = path.join(dataDir, 'temporal-server.log');
    await fsp.writeFile(logFile, ''); // one run per log file: the tail in an error is this run's

    const launch = { options, frontendPort, dataDir, logFile };
    const { server, via } = binary ? await spawnOwnBuild(binary, launch) : await spawnCli(/** @type {string} */ (cli), launch);
    log(`starting Temporal (${via}, ${options.mode}) on ${address}; log: ${logFile}`);

    try {
      const spawnedAt = Date.now();
      await waitForFrontend(address, { timeoutMs, server, logFile, tls: options.tls });
      log(`frontend up after ${Date.now() - spawnedAt} ms`);
      await ensureNamespace(address, namespace, { timeoutMs, server, logFile, tls: options.tls });
      log(`namespace ${namespace} ready after ${Date.now() - spawnedAt} ms`);
      return { address, namespace, via, pid: server.pid, logFile, stop: server.stop };
    } catch (error) {
      await server.stop();
      const portClash = /address already in use/i.test(tailFile(logFile, 200));
      if (portClash && attempt < attempts) {
        log(`port clash on ${address}, retrying on another port`);
        continue;
      }
      throw error;
    }
  }
}

/**
 * @typedef {object} Launch  one attempt to start a server
 * @property {StartTemporalOptions} options
 * @property {number} frontendPort
 * @property {string} dataDir
 * @property {string} logFile
 */

/**
 * Our own build, with the config rendered for this mode and port.
 *
 * @param {string} binary
 * @param {Launch} launch
 * @returns {Promise<{ server: import('../watchdog').SupervisedProcess, via: 'binary' }>}
 */
async function spawnOwnBuild(binary, { options, frontendPort, dataDir, logFile }) {
  const { configFile } = await writeServerConfig({
    persistence: options.mode === 'memory' ? 'sqlite-memory' : options.mode === 'file' ? 'sqlite-file' : 'postgres',
    frontendPort,
    dataDir,
    postgres: options.postgres,
    logLevel: options.logLevel,
    tls: options.tls,
  });
  const server = spawnSupervised({
    command: binary,
    args: ['--config-file', configFile, '--allow-no-auth', 'start'],
    cwd: dataDir,
    logFile,
    pidFile: path.join(dataDir, 'temporal-server.pid'),
    stopSignal: 'TERM',
    // Graceful stop takes 1-8 s (system workers wind down); in memory there is nothing to keep.
    graceMs: options.mode === 'memory' ? 3_000 : 10_000,
  });
  return { server, via: 'binary' };
}

/**
 * `temporal server start-dev`, which takes everything as flags and registers the namespace itself.
 *
 * @param {string} cli
 * @param {Launch} launch
 * @returns {Promise<{ server: import('../watchdog').SupervisedProcess, via: 'cli' }>}
 */
async function spawnCli(cli, { options, frontendPort, dataDir, logFile }) {
  const args = [
    'server',
    'start-dev',
    '--headless',
    '--ip',
    '127.0.0.1',
    '--port',
    String(frontendPort),
    '--metrics-port',
    String(await findFreePort()),
    '--log-level',
    options.logLevel ?? 'warn',
    '--namespace',
    options.namespace,
    ...dynamicConfigFlags(),
  ];
  if (options.mode === 'file') args.push('--db-filename', path.join(dataDir, CLI_SQLITE_FILE));
  const server = spawnSupervised({ command: cli, args, cwd: dataDir, logFile, stopSignal: 'TERM', graceMs: 10_000 });
  return { server, via: 'cli' };
}

module.exports = { startTemporal };
