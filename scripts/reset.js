#!/usr/bin/env node
// @ts-check
/**
 * `make reset`: forget the local installation so that the next start seeds the demo again.
 *
 * Drops the app's database (DATABASE_URL, or this clone's embedded cluster) and removes the local
 * state that belongs to it: the Temporal store, the attachments, the demo accounts file. It asks
 * for the database's name to be typed back, or takes `--yes` (`make reset YES=1`); it never runs
 * in production. A second clone on the same machine shares the local PostgreSQL with the first, so
 * this is how it gets a district of its own (the first clone then needs a reset too).
 */
const fs = require('node:fs');
const path = require('node:path');
const readline = require('node:readline/promises');
const postgres = require('./lib/postgres');

const ROOT = path.resolve(__dirname, '..');
/** State that belongs to one database: wiped with it. Logs are kept. */
const STATE = ['temporal', 'data', 'demo-accounts.txt'];

/**
 * @param {string[]} argv
 * @param {NodeJS.ProcessEnv} env
 * @returns {Promise<number>} exit code: 0 reset, 1 failed, 2 not confirmed
 */
async function reset(argv, env) {
  const say = (/** @type {string} */ line) => process.stdout.write(`[reset] ${line}\n`);
  if ((env.APP_ENV ?? 'development') === 'production') {
    say('refused: `make reset` drops the database; it never runs with APP_ENV=production.');
    return 1;
  }
  const runDir = env.INSPECTORATE_RUN_DIR ?? path.join(ROOT, '.run');
  const url = env.DATABASE_URL ?? postgres.DEFAULT_DATABASE_URL;
  const database = postgres.databaseName(url);
  const reachable = await postgres.isReachable(url, { timeoutMs: 3000 });
  const embeddedDir = path.join(runDir, 'postgres');
  const target = reachable
    ? `the database "${database}" at ${describe(url)}`
    : fs.existsSync(embeddedDir)
      ? `this clone's embedded PostgreSQL (${path.relative(ROOT, embeddedDir) || embeddedDir})`
      : undefined;

  say(`this deletes ${target ?? 'nothing in PostgreSQL (none answers and there is no embedded cluster)'} and the local state in ${path.relative(ROOT, runDir) || runDir}/ (${STATE.join(', ')}).`);
  if (!argv.includes('--yes')) {
    if (!process.stdin.isTTY) {
      say('not confirmed: run `make reset YES=1` (or `node scripts/reset.js --yes`) to reset without a question.');
      return 2;
    }
    const prompt = readline.createInterface({ input: process.stdin, output: process.stdout });
    const answer = await prompt.question(`[reset] type the database name (${database}) to confirm: `);
    prompt.close();
    if (answer.trim() !== database) {
      say('not confirmed: nothing was deleted.');
      return 2;
    }
  }

  if (reachable) {
    await postgres.dropDatabase(postgres.withDatabase(url, 'postgres'), database);
    say(`dropped the database "${database}".`);
  } else if (fs.existsSync(embeddedDir)) {
    fs.rmSync(embeddedDir, { recursive: true, force: true });
    say('removed the embedded PostgreSQL cluster.');
  }
  for (const entry of STATE) fs.rmSync(path.join(runDir, entry), { recursive: true, force: true });
  say('removed the local state; the next start (`make up`) seeds the demo district again.');
  return 0;
}

/** The server part of a URL, without credentials. */
function describe(/** @type {string} */ url) {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || 5432}`;
}

module.exports = { reset };

if (require.main === module) {
  reset(process.argv.slice(2), process.env).then(
    (code) => process.exit(code),
    (error) => {
      process.stderr.write(`[reset] failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
