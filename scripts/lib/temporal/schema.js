// @ts-check
'use strict';
/**
 * The schema of Temporal's own PostgreSQL databases (persistence 'postgres'), set up the way the
 * temporalio/auto-setup image does it, with the temporal-sql-tool of the pinned release.
 */

const { run } = require('../process');
const { ensureTemporalSqlTool } = require('./build');
const { defaultLog } = require('./version');

/**
 * Creates the two databases if missing and brings their schemas to the version embedded in
 * temporal-sql-tool. Idempotent.
 *
 * @param {import('./config').PostgresTarget & { log?: import('./version').LogFn }} target
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

module.exports = { setupTemporalPostgresSchema };
