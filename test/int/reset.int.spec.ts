/* eslint-disable @typescript-eslint/no-require-imports */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const postgres = require('../../scripts/lib/postgres/index.js') as typeof import('../../scripts/lib/postgres/index.js');
const { missingAccountsNotice } = require('../../scripts/lib/demo-notice.js') as { missingAccountsNotice: (where: { database: string; accountsFile: string }) => string[] };
const RESET = path.resolve(__dirname, '..', '..', 'scripts', 'reset.js');

/** `make reset` as a user runs it: a child process, no terminal on its standard input. */
async function runReset(args: string[], env: Record<string, string>) {
  try {
    const { stdout } = await promisify(execFile)(process.execPath, [RESET, ...args], { env: { PATH: process.env.PATH!, ...env } });
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return { code: failed.code, stdout: failed.stdout };
  }
}

describe('make reset', () => {
  const adminUrl = process.env.TEST_DATABASE_ADMIN_URL!;
  let database: string;
  let runDir: string;
  let env: Record<string, string>;

  beforeEach(async () => {
    // Named like the harness's databases, so a crashed run's leftover is dropped by the next run.
    database = `inspectorate_t_${process.env.TEST_RUN_ID}_reset_${randomBytes(3).toString('hex')}`;
    await postgres.createDatabase(adminUrl, database);
    runDir = mkdtempSync(path.join(tmpdir(), 'inspectorate-run-'));
    for (const dir of ['temporal', 'data', 'logs']) mkdirSync(path.join(runDir, dir));
    writeFileSync(path.join(runDir, 'demo-accounts.txt'), 'chutich secret chairman\n');
    env = { DATABASE_URL: postgres.withDatabase(adminUrl, database), INSPECTORATE_RUN_DIR: runDir, APP_ENV: 'development' };
  });
  afterEach(async () => {
    await postgres.dropDatabase(adminUrl, database);
    rmSync(runDir, { recursive: true, force: true });
  });

  it('without a terminal and without YES=1 deletes nothing and says how to confirm', async () => {
    const run = await runReset([], env);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain(`the database "${database}"`);
    expect(run.stdout).toContain('make reset YES=1');
    expect(await postgres.databaseExists(adminUrl, database)).toBe(true);
    expect(existsSync(path.join(runDir, 'demo-accounts.txt'))).toBe(true);
  });

  it('with --yes drops the database and the state tied to it, and keeps the logs', async () => {
    const run = await runReset(['--yes'], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`dropped the database "${database}"`);
    expect(await postgres.databaseExists(adminUrl, database)).toBe(false);
    for (const gone of ['temporal', 'data', 'demo-accounts.txt']) expect(existsSync(path.join(runDir, gone))).toBe(false);
    expect(existsSync(path.join(runDir, 'logs'))).toBe(true);
  });

  it('never runs in production', async () => {
    const run = await runReset(['--yes'], { ...env, APP_ENV: 'production' });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('never runs with APP_ENV=production');
    expect(await postgres.databaseExists(adminUrl, database)).toBe(true);
  });

  it('the local start explains a skipped seed without accounts, naming the database and the way out', () => {
    const text = missingAccountsNotice({ database: 'inspectorate', accountsFile: '.run/demo-accounts.txt' }).join('\n');
    expect(text).toContain('"inspectorate" already holds data');
    expect(text).toContain('.run/demo-accounts.txt does not exist');
    expect(text).toContain('make reset');
  });
});
