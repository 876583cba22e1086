// @ts-check
'use strict';
/**
 * Creating and dropping databases (the app's, the test suites' templates and copies), always
 * from another database of the same server, since PostgreSQL cannot drop the one it is in.
 */

const { sleep } = require('../process');
const { MAINTENANCE_DATABASE, assertIdentifier, withClient, withDatabase } = require('./connection');

/** @typedef {import('./connection').PgClient} PgClient */

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

module.exports = { databaseExists, createDatabase, dropDatabase };
