// @ts-check
'use strict';
/**
 * The Temporal server for the local start and the test suites.
 *
 * Order of preference in startTemporal():
 *   1. TEMPORAL_ADDRESS is set     → use that server as it is (stop() is a no-op);
 *   2. a `temporal` CLI on the PATH → `temporal server start-dev --headless ...`;
 *   3. our own build of go.temporal.io/server (version pinned in tools/temporal-server/go.mod),
 *      cached under ~/.cache/inspectorate, started with a config rendered here.
 * INSPECTORATE_TEMPORAL_SERVER=binary|cli overrides the choice between 2 and 3.
 *
 * Ports of a server on base port P (see infra/temporal/README.md):
 *   frontend gRPC P, history P+1, matching P+2, worker P+3, frontend HTTP P+10,
 *   membership P+100 .. P+103.
 *
 * Process supervision (the server dies with us, however we die): see scripts/lib/process.js.
 */

const fs = require('node:fs');
const fsp = require('node:fs/promises');
const path = require('node:path');
const YAML = require('yaml');
const {
  cacheDir,
  ensureDir,
  findFreePort,
  findFreePortRange,
  findFreePortSet,
  isPortFree,
  run,
  sleep,
  spawnSupervised,
  tailFile,
  which,
} = require('./process');

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const TOOLS_MODULE_DIR = path.join(REPO_ROOT, 'tools', 'temporal-server');

/** @typedef {(message: string) => void} LogFn */
/** @type {LogFn} */
const defaultLog = (message) => {
  process.stderr.write(`[temporal] ${message}\n`);
};

/** @returns {string} */
function readServerVersion() {
  const goMod = fs.readFileSync(path.join(TOOLS_MODULE_DIR, 'go.mod'), 'utf8');
  const match = /^\s*go\.temporal\.io\/server\s+(v[0-9][^\s]*)/m.exec(goMod);
  if (!match) {
    throw new Error(`no go.temporal.io/server requirement in ${TOOLS_MODULE_DIR}/go.mod`);
  }
  return match[1];
}

/** The pinned server release, e.g. "v1.30.8" (from tools/temporal-server/go.mod). */
const TEMPORAL_SERVER_VERSION = readServerVersion();

// ---------------------------------------------------------------------------------------------
// Building and caching the binaries
// ---------------------------------------------------------------------------------------------

const LOCK_STALE_MS = 30 * 60_000;
const LOCK_WAIT_MS = 20 * 60_000;

/**
 * Builds `goPackage` from the tools module into `${cacheDir}/${name}-${version}` unless it is
 * already there. Concurrent callers (two test runs, a test run and a local start) serialise on
 * `<target>.lock`: the first builds into a temporary file and renames it into place (atomic);
 * the others wait for the lock to go away and then find the binary.
 *
 * @param {{ goPackage: string, name: string, log: LogFn, slowHint: string }} options
 * @returns {Promise<string>}
 */
async function ensureGoBinary({ goPackage, name, log, slowHint }) {
  const dir = await ensureDir(cacheDir());
  const target = path.join(dir, `${name}-${TEMPORAL_SERVER_VERSION}`);
  const lockFile = `${target}.lock`;
  const deadline = Date.now() + LOCK_WAIT_MS;
  let announcedWait = false;

  for (;;) {
    if (isExecutable(target)) return target;
    /** @type {import('node:fs/promises').FileHandle | undefined} */
    let lock;
    try {
      lock = await fsp.open(lockFile, 'wx');
    } catch (error) {
      if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EEXIST') throw error;
    }
    if (lock) {
      try {
        await lock.writeFile(`${process.pid}\n${new Date().toISOString()}\n`);
        if (isExecutable(target)) return target; // built while we were taking the lock
        await goBuild({ goPackage, target, log, slowHint });
        return target;
      } finally {
        await lock.close();
        await fsp.rm(lockFile, { force: true });
      }
    }
    if (await removeIfStale(lockFile)) continue;
    if (!announcedWait) {
      log(`waiting for another process to finish building ${path.basename(target)} (${lockFile})`);
      announcedWait = true;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${lockFile}; remove it if no build is running`);
    }
    await sleep(1_000);
  }
}

/**
 * A lock is stale when its owner is gone (same machine: the cache is per user) or it is very old.
 *
 * @param {string} lockFile
 * @returns {Promise<boolean>} true if it was removed
 */
async function removeIfStale(lockFile) {
  try {
    const [content, stat] = await Promise.all([fsp.readFile(lockFile, 'utf8'), fsp.stat(lockFile)]);
    const pid = Number.parseInt(content.split('\n')[0] ?? '', 10);
    let ownerAlive = true;
    if (Number.isInteger(pid) && pid > 0) {
      try {
        process.kill(pid, 0);
      } catch (error) {
        ownerAlive = /** @type {NodeJS.ErrnoException} */ (error).code === 'EPERM';
      }
    } else {
      // Empty: just created by its owner, who has not written its pid yet. Only age counts.
      ownerAlive = Date.now() - stat.mtimeMs < 60_000;
    }
    if (ownerAlive && Date.now() - stat.mtimeMs < LOCK_STALE_MS) return false;
    await fsp.rm(lockFile, { force: true });
    return true;
  } catch {
    return true; // vanished meanwhile: try again
  }
}

/** @param {string} file */
function isExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * @param {{ goPackage: string, target: string, log: LogFn, slowHint: string }} options
 */
async function goBuild({ goPackage, target, log, slowHint }) {
  const go =
    which('go') ?? ['/usr/local/go/bin/go', path.join(process.env.HOME ?? '', 'go', 'bin', 'go'), '/usr/lib/go/bin/go'].find(isExecutable);
  if (!go) {
    throw new Error(
      [
        `Cannot build the Temporal server ${TEMPORAL_SERVER_VERSION}: the Go toolchain ('go') is not on the PATH.`,
        'Install Go (https://go.dev/dl/; the version in tools/temporal-server/go.mod, or any Go >= 1.21',
        'that may fetch it through the module proxy), or install the `temporal` CLI,',
        'or set TEMPORAL_ADDRESS to a running server.',
      ].join('\n'),
    );
  }
  // We hold the lock: leftovers of a build that was killed can go.
  for (const name of await fsp.readdir(path.dirname(target))) {
    if (name.startsWith(`${path.basename(target)}.tmp-`)) await fsp.rm(path.join(path.dirname(target), name), { force: true });
  }
  const temporary = `${target}.tmp-${process.pid}-${Date.now()}`;
  log(`building ${path.basename(target)} with ${go}: ${slowHint}`);
  const started = Date.now();
  try {
    const { code, output } = await run(go, ['build', '-C', TOOLS_MODULE_DIR, '-o', temporary, goPackage]);
    if (code !== 0) {
      throw new Error(`go build ${goPackage} failed (exit ${code}):\n${output.trim()}`);
    }
    await fsp.chmod(temporary, 0o755);
    await fsp.rename(temporary, target);
  } finally {
    await fsp.rm(temporary, { force: true });
  }
  log(`built ${target} in ${Math.round((Date.now() - started) / 1000)} s`);
}

/**
 * The Temporal server binary of TEMPORAL_SERVER_VERSION, built on first use.
 * TEMPORAL_SERVER_BINARY overrides it with a binary of your own.
 *
 * @param {{ log?: LogFn }} [options]
 * @returns {Promise<string>} absolute path
 */
async function ensureTemporalBinary({ log = defaultLog } = {}) {
  const override = process.env.TEMPORAL_SERVER_BINARY;
  if (override) return path.resolve(override);
  return ensureGoBinary({
    goPackage: 'go.temporal.io/server/cmd/server',
    name: 'temporal-server',
    log,
    slowHint: 'the first build on a machine takes a few minutes (later runs reuse the cached binary)',
  });
}

/**
 * temporal-sql-tool of TEMPORAL_SERVER_VERSION (schema setup for PostgreSQL persistence).
 *
 * @param {{ log?: LogFn }} [options]
 * @returns {Promise<string>} absolute path
 */
async function ensureTemporalSqlTool({ log = defaultLog } = {}) {
  return ensureGoBinary({
    goPackage: 'go.temporal.io/server/cmd/tools/sql',
    name: 'temporal-sql-tool',
    log,
    slowHint: 'this can take a minute or more the first time',
  });
}

// ---------------------------------------------------------------------------------------------
// Configuration
// ---------------------------------------------------------------------------------------------

/**
 * @typedef {object} TemporalPorts
 * @property {number} frontend
 * @property {number} history
 * @property {number} matching
 * @property {number} worker
 * @property {number} frontendHttp
 * @property {number} frontendMembership
 * @property {number} historyMembership
 * @property {number} matchingMembership
 * @property {number} workerMembership
 */

/** Offsets from the base (frontend) port; keep infra/temporal/README.md in step. */
const PORT_OFFSETS = /** @type {const} */ ({
  frontend: 0,
  history: 1,
  matching: 2,
  worker: 3,
  frontendHttp: 10,
  frontendMembership: 100,
  historyMembership: 101,
  matchingMembership: 102,
  workerMembership: 103,
});

/**
 * @param {number} frontendPort
 * @returns {TemporalPorts}
 */
function temporalPorts(frontendPort) {
  return /** @type {TemporalPorts} */ (
    Object.fromEntries(Object.entries(PORT_OFFSETS).map(([key, offset]) => [key, frontendPort + offset]))
  );
}

/**
 * A base port whose whole derived set (see temporalPorts) is free right now.
 *
 * @returns {Promise<number>}
 */
function findFreeTemporalPort() {
  return findFreePortSet(Object.values(PORT_OFFSETS));
}

/**
 * @typedef {object} PostgresTarget
 * @property {string} host
 * @property {number} port
 * @property {string} user
 * @property {string} [password]
 * @property {string} database            e.g. "temporal"
 * @property {string} visibilityDatabase  e.g. "temporal_visibility"
 */

/**
 * @typedef {object} ServerConfigOptions
 * @property {'sqlite-memory' | 'sqlite-file' | 'postgres'} persistence
 * @property {number} frontendPort
 * @property {string} dataDir                     holds the SQLite file (sqlite-file)
 * @property {PostgresTarget} [postgres]          required for 'postgres'
 * @property {string} [dynamicConfigFile]         default `${dataDir}/dynamicconfig.yaml`
 * @property {'debug' | 'info' | 'warn' | 'error'} [logLevel]  default 'warn'
 * @property {number} [numHistoryShards]          default 1 (SQLite) / 4 (PostgreSQL); fixed for the life of a database
 * @property {ServerTls} [tls]                    mutual TLS on the frontend (see ServerTls)
 */

/**
 * @typedef {object} ServerTls  PEM files. The frontend presents certFile/keyFile and accepts only
 *   clients whose certificate caFile signed; the server's own system worker connects with
 *   clientCertFile/clientKeyFile. serverName is the name in certFile (default: localhost).
 * @property {string} certFile
 * @property {string} keyFile
 * @property {string} caFile
 * @property {string} clientCertFile
 * @property {string} clientKeyFile
 * @property {string} [serverName]
 */

/**
 * The server's YAML configuration. Pure: writes nothing (see writeServerConfig).
 *
 * @param {ServerConfigOptions} options
 * @returns {string}
 */
function renderServerConfig(options) {
  const { persistence, frontendPort } = options;
  if (!Number.isInteger(frontendPort) || frontendPort <= 0 || frontendPort + 103 > 65_535) {
    throw new Error(`invalid frontendPort ${frontendPort}`);
  }
  const dataDir = path.resolve(options.dataDir);
  const ports = temporalPorts(frontendPort);
  const dynamicConfigFile = path.resolve(options.dynamicConfigFile ?? path.join(dataDir, 'dynamicconfig.yaml'));

  /** @type {{ default: Record<string, unknown>, visibility: Record<string, unknown> }} */
  let stores;
  let shards = options.numHistoryShards ?? 1;
  switch (persistence) {
    case 'sqlite-memory': {
      const sql = (/** @type {string} */ name) => ({
        pluginName: 'sqlite',
        databaseName: name,
        connectAddr: 'localhost',
        connectProtocol: 'tcp',
        connectAttributes: { mode: 'memory', cache: 'private' },
        maxConns: 1,
        maxIdleConns: 1,
        maxConnLifetime: '1h',
      });
      stores = { default: sql('default'), visibility: sql('default') };
      break;
    }
    case 'sqlite-file': {
      const file = sqliteUriPath(path.join(dataDir, SQLITE_FILE));
      const sql = () => ({
        pluginName: 'sqlite',
        databaseName: file,
        connectAddr: 'localhost',
        connectProtocol: 'tcp',
        connectAttributes: { setup: 'true', journal_mode: 'wal', synchronous: '2' },
        maxConns: 1,
        maxIdleConns: 1,
        maxConnLifetime: '1h',
      });
      stores = { default: sql(), visibility: sql() };
      break;
    }
    case 'postgres': {
      const pg = options.postgres;
      if (!pg) throw new Error("renderServerConfig: persistence 'postgres' needs the postgres option");
      shards = options.numHistoryShards ?? 4;
      const sql = (/** @type {string} */ database, /** @type {number} */ conns) => ({
        pluginName: 'postgres12',
        databaseName: database,
        connectAddr: `${pg.host}:${pg.port}`,
        connectProtocol: 'tcp',
        user: pg.user,
        password: pg.password ?? '',
        maxConns: conns,
        maxIdleConns: conns,
        maxConnLifetime: '1h',
      });
      stores = { default: sql(pg.database, 20), visibility: sql(pg.visibilityDatabase, 10) };
      break;
    }
    default:
      throw new Error(`unknown persistence ${String(persistence)}`);
  }

  const rpc = (/** @type {number} */ grpcPort, /** @type {number} */ membershipPort) => ({
    grpcPort,
    membershipPort,
    bindOnLocalHost: true,
  });

  const config = {
    log: { stdout: true, level: options.logLevel ?? 'warn' },
    persistence: {
      defaultStore: 'default',
      visibilityStore: 'visibility',
      numHistoryShards: shards,
      datastores: {
        default: { sql: stores.default },
        visibility: { sql: stores.visibility },
      },
    },
    // No `metrics` and no `pprof` section: both are off.
    global: {
      membership: { maxJoinDuration: '30s', broadcastAddress: '127.0.0.1' },
      ...(options.tls ? { tls: renderTls(options.tls) } : {}),
    },
    services: {
      frontend: { rpc: { ...rpc(ports.frontend, ports.frontendMembership), httpPort: ports.frontendHttp } },
      history: { rpc: rpc(ports.history, ports.historyMembership) },
      matching: { rpc: rpc(ports.matching, ports.matchingMembership) },
      worker: { rpc: rpc(ports.worker, ports.workerMembership) },
    },
    clusterMetadata: {
      enableGlobalNamespace: false,
      failoverVersionIncrement: 10,
      masterClusterName: 'active',
      currentClusterName: 'active',
      clusterInformation: {
        active: {
          enabled: true,
          initialFailoverVersion: 1,
          rpcName: 'frontend',
          rpcAddress: `127.0.0.1:${ports.frontend}`,
          httpAddress: `127.0.0.1:${ports.frontendHttp}`,
        },
      },
    },
    dcRedirectionPolicy: { policy: 'noop' },
    archival: {
      history: { state: 'disabled' },
      visibility: { state: 'disabled' },
    },
    namespaceDefaults: {
      archival: {
        history: { state: 'disabled' },
        visibility: { state: 'disabled' },
      },
    },
    publicClient: { hostPort: `127.0.0.1:${ports.frontend}` },
    dynamicConfigClient: { filepath: dynamicConfigFile, pollInterval: '10s' },
  };
  return `# Rendered by scripts/lib/temporal-server.js for go.temporal.io/server ${TEMPORAL_SERVER_VERSION}; do not edit.\n${YAML.stringify(config)}`;
}

/**
 * The `global.tls` section for mutual TLS on the frontend (internode traffic stays on localhost).
 *
 * @param {ServerTls} tls
 */
function renderTls(tls) {
  const client = { serverName: tls.serverName ?? 'localhost', rootCaFiles: [path.resolve(tls.caFile)] };
  return {
    frontend: {
      server: { certFile: path.resolve(tls.certFile), keyFile: path.resolve(tls.keyFile), requireClientAuth: true, clientCaFiles: [path.resolve(tls.caFile)] },
      client,
    },
    systemWorker: { certFile: path.resolve(tls.clientCertFile), keyFile: path.resolve(tls.clientKeyFile), client },
  };
}

/**
 * What a client needs to reach a frontend that requires mutual TLS (the SDK's TLSConfig).
 *
 * @param {ServerTls | undefined} tls
 */
function clientTls(tls) {
  if (!tls) return undefined;
  return {
    serverNameOverride: tls.serverName ?? 'localhost',
    serverRootCACertificate: fs.readFileSync(tls.caFile),
    clientCertPair: { crt: fs.readFileSync(tls.clientCertFile), key: fs.readFileSync(tls.clientKeyFile) },
  };
}

/** The SQLite file of the 'file' mode, inside dataDir. */
const SQLITE_FILE = 'temporal.db';
/** The `temporal` CLI's own file (its server version differs from ours: never share a file). */
const CLI_SQLITE_FILE = 'temporal-cli.db';

/**
 * The sqlite driver builds `file:<databaseName>?<attributes>`; escape what a URI would misread.
 *
 * @param {string} file
 */
function sqliteUriPath(file) {
  return file.replace(/%/g, '%25').replace(/\?/g, '%3f').replace(/#/g, '%23');
}

/**
 * Dynamic configuration values the app relies on. Keys checked against
 * common/dynamicconfig/constants.go of the pinned release (`validate-dynamic-config` passes).
 * Update-with-start (ExecuteMultiOperation) has no switch in this release: it is always on.
 *
 * @type {Record<string, unknown>}
 */
const DYNAMIC_CONFIG = {
  'frontend.enableUpdateWorkflowExecution': true,
  'frontend.enableUpdateWorkflowExecutionAsyncAccepted': true,
  'limit.maxIDLength': 255,
  // A namespace registered a moment ago is usable at once (the registry also reads through on a miss).
  'system.namespaceCacheRefreshInterval': '1s',
};

/** @returns {string} */
function renderDynamicConfig() {
  /** @type {Record<string, Array<{ value: unknown, constraints: {} }>>} */
  const doc = {};
  for (const [key, value] of Object.entries(DYNAMIC_CONFIG)) {
    doc[key] = [{ value, constraints: {} }];
  }
  return `# Rendered by scripts/lib/temporal-server.js; do not edit.\n${YAML.stringify(doc)}`;
}

/**
 * Writes `${dataDir}/temporal.yaml` and `${dataDir}/dynamicconfig.yaml`.
 *
 * @param {ServerConfigOptions} options
 * @returns {Promise<{ configFile: string, dynamicConfigFile: string }>}
 */
async function writeServerConfig(options) {
  const dataDir = await ensureDir(options.dataDir);
  const dynamicConfigFile = path.resolve(options.dynamicConfigFile ?? path.join(dataDir, 'dynamicconfig.yaml'));
  const configFile = path.join(dataDir, 'temporal.yaml');
  await fsp.writeFile(dynamicConfigFile, renderDynamicConfig());
  await fsp.writeFile(configFile, renderServerConfig({ ...options, dataDir, dynamicConfigFile }));
  return { configFile, dynamicConfigFile };
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL schema (persistence 'postgres')
// ---------------------------------------------------------------------------------------------

/**
 * Creates the two databases if missing and brings their schemas to the version embedded in
 * temporal-sql-tool (what the temporalio/auto-setup image does). Idempotent.
 *
 * @param {PostgresTarget & { log?: LogFn }} target
 * @returns {Promise<void>}
 */
async function setupTemporalPostgresSchema(target) {
  const log = target.log ?? defaultLog;
  const tool = await ensureTemporalSqlTool({ log });
  const baseEnv = {
    ...process.env,
    SQL_PLUGIN: 'postgres12',
    SQL_HOST: target.host,
    SQL_PORT: String(target.port),
    SQL_USER: target.user,
    SQL_PASSWORD: target.password ?? '',
  };
  for (const [database, schemaName] of [
    [target.database, 'postgresql/v12/temporal'],
    [target.visibilityDatabase, 'postgresql/v12/visibility'],
  ]) {
    const env = { ...baseEnv, SQL_DATABASE: database };
    for (const args of [['create-database'], ['setup-schema', '-v', '0.0'], ['update-schema', '--schema-name', schemaName]]) {
      const { code, output } = await run(tool, args, { env });
      if (code !== 0) {
        throw new Error(`temporal-sql-tool ${args.join(' ')} on ${database} failed (exit ${code}):\n${output.trim()}`);
      }
    }
    log(`schema of ${database} is up to date (${schemaName})`);
  }
}

// ---------------------------------------------------------------------------------------------
// Starting, waiting, registering the namespace
// ---------------------------------------------------------------------------------------------

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
 * @property {PostgresTarget} [postgres]
 * @property {LogFn} [log]
 * @property {'debug' | 'info' | 'warn' | 'error'} [logLevel]
 * @property {number} [timeoutMs]    for the server to answer and the namespace to be usable (default 60 s)
 * @property {ServerTls} [tls]       mutual TLS on the frontend (own binary only, not the CLI)
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
      const busy = [];
      for (const [name, port] of Object.entries(temporalPorts(frontendPort))) {
        if (!(await isPortFree(port))) busy.push(`${name} ${port}`);
      }
      if (busy.length > 0) {
        throw new Error(
          `cannot start Temporal on ${address}: port(s) in use (${busy.join(', ')}). ` +
            `If a Temporal server already runs there, use it with TEMPORAL_ADDRESS=${address}.`,
        );
      }
    }
    const logFile = path.join(dataDir, 'temporal-server.log');
    await fsp.writeFile(logFile, ''); // one run per log file: the tail in an error is this run's

    /** @type {import('./process').SupervisedProcess} */
    let server;
    /** @type {'cli' | 'binary'} */
    let via;
    if (binary) {
      via = 'binary';
      const { configFile } = await writeServerConfig({
        persistence: options.mode === 'memory' ? 'sqlite-memory' : options.mode === 'file' ? 'sqlite-file' : 'postgres',
        frontendPort,
        dataDir,
        postgres: options.postgres,
        logLevel: options.logLevel,
        tls: options.tls,
      });
      server = spawnSupervised({
        command: binary,
        args: ['--config-file', configFile, '--allow-no-auth', 'start'],
        cwd: dataDir,
        logFile,
        pidFile: path.join(dataDir, 'temporal-server.pid'),
        stopSignal: 'TERM',
        // Graceful stop takes 1-8 s (system workers wind down); in memory there is nothing to keep.
        graceMs: options.mode === 'memory' ? 3_000 : 10_000,
      });
    } else {
      via = 'cli';
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
        namespace,
      ];
      for (const [key, value] of Object.entries(DYNAMIC_CONFIG)) {
        args.push('--dynamic-config-value', `${key}=${JSON.stringify(value)}`);
      }
      if (options.mode === 'file') args.push('--db-filename', path.join(dataDir, CLI_SQLITE_FILE));
      server = spawnSupervised({
        command: /** @type {string} */ (cli),
        args,
        cwd: dataDir,
        logFile,
        stopSignal: 'TERM',
        graceMs: 10_000,
      });
    }
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
 * @typedef {object} WaitOptions
 * @property {number} timeoutMs
 * @property {import('./process').SupervisedProcess} [server]  fail fast if it exits
 * @property {string} [logFile]                                 quoted in errors
 * @property {ServerTls} [tls]                                  the frontend requires mutual TLS
 */

/**
 * Resolves once the frontend answers GetSystemInfo.
 *
 * @param {string} address
 * @param {WaitOptions} options
 */
async function waitForFrontend(address, options) {
  await retryUntil(`the Temporal frontend at ${address} to answer`, options, async () => {
    await withConnection(address, options.tls, (connection) =>
      connection.withDeadline(Date.now() + 2_000, () => connection.workflowService.getSystemInfo({})),
    );
  });
}

/**
 * Registers `namespace` (ignoring ALREADY_EXISTS) and waits until it can be used: described,
 * and listed through the visibility store, which goes through the namespace registry.
 *
 * @param {string} address
 * @param {string} namespace
 * @param {WaitOptions} options
 */
async function ensureNamespace(address, namespace, options) {
  const { msToTs } = require('@temporalio/common/lib/time');
  await withConnection(address, options.tls, async (connection) => {
    const service = connection.workflowService;
    const deadline = () => Date.now() + 5_000;
    await retryUntil(`namespace ${namespace} to be registered`, options, async () => {
      try {
        await connection.withDeadline(deadline(), () =>
          service.registerNamespace({
            namespace,
            workflowExecutionRetentionPeriod: msToTs('1 day'),
          }),
        );
      } catch (error) {
        if (grpcCode(error) !== GRPC_ALREADY_EXISTS) throw error;
      }
    });
    await retryUntil(`namespace ${namespace} to be usable`, options, async () => {
      await connection.withDeadline(deadline(), () => service.describeNamespace({ namespace }));
      await connection.withDeadline(deadline(), () => service.listWorkflowExecutions({ namespace, pageSize: 1 }));
    });
  });
}

const GRPC_ALREADY_EXISTS = 6;

/** @param {unknown} error */
function grpcCode(error) {
  return typeof error === 'object' && error !== null && 'code' in error ? /** @type {{ code: unknown }} */ (error).code : undefined;
}

/**
 * @template T
 * @param {string} address
 * @param {ServerTls | undefined} tls
 * @param {(connection: import('@temporalio/client').Connection) => Promise<T>} fn
 * @returns {Promise<T>}
 */
async function withConnection(address, tls, fn) {
  const { Connection } = require('@temporalio/client');
  // No gRPC retry interceptor: the loops here decide when to try again, quickly.
  const connection = await Connection.connect({ address, connectTimeout: 2_000, interceptors: [], tls: clientTls(tls) });
  try {
    return await fn(connection);
  } finally {
    await connection.close();
  }
}

/**
 * Calls `attempt` until it resolves, the deadline passes, or the server exits.
 *
 * @param {string} what
 * @param {WaitOptions} options
 * @param {() => Promise<void>} attempt
 */
async function retryUntil(what, options, attempt) {
  const deadline = Date.now() + options.timeoutMs;
  /** @type {unknown} */
  let lastError;
  for (;;) {
    if (options.server && !options.server.isRunning()) {
      throw new Error(`the Temporal server exited while waiting for ${what}${logTail(options.logFile)}`);
    }
    try {
      await attempt();
      return;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const reason = lastError instanceof Error ? lastError.message : String(lastError);
      throw new Error(`timed out after ${options.timeoutMs} ms waiting for ${what}: ${reason}${logTail(options.logFile)}`);
    }
    await sleep(100);
  }
}

/** @param {string | undefined} logFile */
function logTail(logFile) {
  if (!logFile) return '';
  const tail = tailFile(logFile, 25);
  return tail ? `\n--- last lines of ${logFile} ---\n${tail}` : `\n(${logFile} is empty)`;
}

module.exports = {
  TEMPORAL_SERVER_VERSION,
  PORT_OFFSETS,
  ensureTemporalBinary,
  ensureTemporalSqlTool,
  temporalPorts,
  findFreeTemporalPort,
  findFreePort,
  findFreePortRange,
  renderServerConfig,
  renderDynamicConfig,
  writeServerConfig,
  setupTemporalPostgresSchema,
  startTemporal,
  waitForFrontend,
  ensureNamespace,
};
