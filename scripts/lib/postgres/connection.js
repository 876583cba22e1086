// @ts-check
'use strict';
/**
 * Reaching a PostgreSQL server: its URLs, short-lived clients, and whether anything answers.
 */

/** @typedef {(message: string) => void} LogFn */
/** Where progress goes unless the caller passes its own `log`. @type {LogFn} */
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
const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;
const MAINTENANCE_DATABASE = 'postgres';

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

/** @param {string} url  without the password */
function describe(url) {
  const parsed = new URL(url);
  parsed.password = '';
  return parsed.toString();
}

module.exports = {
  defaultLog,
  DEFAULT_DATABASE_URL,
  MAINTENANCE_DATABASE,
  assertIdentifier,
  databaseName,
  withDatabase,
  withClient,
  probe,
  isReachable,
  describe,
};
