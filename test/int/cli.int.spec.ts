/* eslint-disable @typescript-eslint/no-require-imports */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import { INSECURE_DEFAULTS } from '@inspectorate/config';
import { MIGRATIONS } from '@inspectorate/database';
import { CheckpointSigner, EventStore, verifyEventChain } from '@inspectorate/event-store';
import { Projector } from '@inspectorate/read-model';
import { EXIT, runCli } from '../../apps/cli/src/main';
import { createTestDatabase, TestDatabase } from '../harness/database';
import { findingRecorded, plannedCampaign, visitStarted } from './fixtures';

const postgres = require('../../scripts/lib/postgres/index.js') as typeof import('../../scripts/lib/postgres/index.js');
const ROOT = path.resolve(__dirname, '..', '..');

/** Runs the CLI in-process, capturing what it prints. */
async function cli(argv: string[], env: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { APP_ENV: 'test', ...env }, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err, json: () => JSON.parse(out.join('\n')) };
}

describe('the command-line tool', () => {
  let db: TestDatabase;
  let inspectionId: string;

  beforeEach(async () => {
    db = await createTestDatabase(2);
    // Written as the worker writes (APP_ENV=test signs with the published test key).
    const store = new EventStore(db.dataSource, { checkpoints: new CheckpointSigner(INSECURE_DEFAULTS.checkpointKey) });
    const projector = new Projector();
    const project = (appends: Parameters<EventStore['append']>[0]) => store.append(appends, (m, e) => projector.project(m, e));
    const campaign = plannedCampaign();
    [inspectionId] = campaign.inspectionIds;
    await project(campaign.appends);
    await project([visitStarted(inspectionId, 1)]);
    await project([findingRecorded(inspectionId, 2)]);
    await project([findingRecorded(inspectionId, 3)]);
  });
  afterEach(async () => {
    await db?.drop();
  });

  it('verify-chain: exit 0 and the verification as JSON on an intact log', async () => {
    const run = await cli(['verify-chain'], { DATABASE_URL: db.url });
    expect(run.code).toBe(EXIT.ok);
    expect(run.json()).toEqual({ intact: true, checked: 5, lastPosition: 5, checkpoints: { checked: 4, lastSignedPosition: 5 } });
    expect(run.err.join('\n')).toMatch(/intact: 5 events checked, up to position 5, signed up to position 5/);
  });

  it('verify-chain: exit 1 and the first broken link as JSON on a tampered log', async () => {
    const [{ id }] = await db.sql<{ id: string }>('SELECT id FROM events WHERE position = 4');
    await db.sql(`BEGIN;
      ALTER TABLE events DISABLE TRIGGER events_no_update_delete;
      UPDATE events SET actor = '{"kind":"system"}' WHERE position = 4;
      ALTER TABLE events ENABLE TRIGGER events_no_update_delete;
      COMMIT;`);
    const run = await cli(['verify-chain', '--page-size', '2'], { DATABASE_URL: db.url });
    expect(run.code).toBe(EXIT.failed);
    expect(run.json()).toEqual({
      intact: false,
      checked: 3,
      lastPosition: 3,
      firstBrokenLink: { position: 4, eventId: id, reason: 'its content does not match its hash' },
      checkpoints: { checked: 2, lastSignedPosition: 3 },
    });
    expect(run.err.join('\n')).toMatch(new RegExp(`BROKEN at position 4 \\(event ${id}\\)`));
  });

  it('verify-chain as a real process: the exit code is the verdict', async () => {
    const run = (args: string[]) =>
      promisify(execFile)(process.execPath, ['-r', './scripts/ts-register.js', 'apps/cli/src/main.ts', ...args], {
        cwd: ROOT,
        env: { ...process.env, APP_ENV: 'test', DATABASE_URL: db.url },
      }).then(
        ({ stdout }) => ({ code: 0, stdout }),
        (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
      );
    const intact = await run(['verify-chain']);
    expect(intact).toEqual({ code: 0, stdout: `${JSON.stringify({ intact: true, checked: 5, lastPosition: 5, checkpoints: { checked: 4, lastSignedPosition: 5 } })}\n` });
    await db.sql(`BEGIN;
      ALTER TABLE events DISABLE TRIGGER events_no_update_delete;
      DELETE FROM events WHERE position = 2;
      ALTER TABLE events ENABLE TRIGGER events_no_update_delete;
      COMMIT;`);
    const broken = await run(['verify-chain']);
    expect(broken.code).toBe(1);
    expect(JSON.parse(broken.stdout).firstBrokenLink).toMatchObject({ position: 3, reason: 'position 2 is missing' });
  });

  it('rebuild-projections: replays the log into an identical read model and reports counts', async () => {
    const rows = async () => ({
      inspections: await db.sql('SELECT to_jsonb(t) AS r FROM inspections t ORDER BY id'),
      findings: await db.sql('SELECT to_jsonb(t) AS r FROM findings t ORDER BY id'),
      notifications: await db.sql('SELECT to_jsonb(t) AS r FROM notifications t ORDER BY id'),
      campaigns: await db.sql('SELECT to_jsonb(t) AS r FROM campaigns t ORDER BY id'),
    });
    const before = await rows();
    const run = await cli(['rebuild-projections', '--batch-size', '2'], { DATABASE_URL: db.url });
    expect(run.code).toBe(EXIT.ok);
    expect(run.json()).toMatchObject({ events: 5, appends: 4, lastPosition: 5, rows: { inspections: 1, findings: 2, campaigns: 1, notifications: 1 } });
    expect(await rows()).toEqual(before);
    expect(await verifyEventChain(db.dataSource)).toMatchObject({ intact: true });
  });

  it('migrate: applies the schema to an empty database, then finds nothing to do', async () => {
    const adminUrl = process.env.TEST_DATABASE_ADMIN_URL!;
    const name = `inspectorate_t_${process.env.TEST_RUN_ID}_${randomBytes(4).toString('hex')}`;
    await postgres.createDatabase(adminUrl, name);
    try {
      const url = postgres.withDatabase(adminUrl, name);
      const first = await cli(['migrate'], { DATABASE_URL: url });
      expect(first.code).toBe(EXIT.ok);
      // Every migration, in order, from the first schema on (each branch adds its own file to MIGRATIONS).
      const names = MIGRATIONS.map((migration) => new migration().name);
      expect(names[0]).toBe('InitialSchema1764000000000');
      expect(names).toContain('AccountsAndSessions1796158800000');
      expect(names).toContain('FindingSearchText1764900000002');
      expect(names).toContain('IdempotencyClaims1796162400000');
      expect(names).toContain('ChainGuards1764100000000');
      expect(names).toContain('AppRoleGrants1796170000000');
      expect(names).toContain('AuditLog1796180000000');
      expect(names).toContain('WorkingCalendar1796200000000');
      expect(names).toContain('DropUnitScorecards1796220000000');
      expect(names).toContain('DropCampaignProgress1796230000000');
      // In the order of their timestamps, whichever branch added them.
      const stamps = names.map((name) => Number(/(\d{13})$/.exec(name)?.[1]));
      expect(stamps).toEqual([...stamps].sort((a, b) => a - b));
      expect(first.json()).toEqual({ applied: names });
      const second = await cli(['migrate'], { DATABASE_URL: url });
      expect(second.json()).toEqual({ applied: [] });
      const chain = await cli(['verify-chain'], { DATABASE_URL: url });
      expect(chain.json()).toEqual({ intact: true, checked: 0, lastPosition: 0, checkpoints: { checked: 0, lastSignedPosition: 0 } });
    } finally {
      await postgres.dropDatabase(adminUrl, name);
    }
  });

  it.each([
    [[], EXIT.usage, /No command given/],
    [['frobnicate'], EXIT.usage, /Unknown command/],
    [['verify-chain', 'extra'], EXIT.usage, /extra arguments/],
    [['verify-chain', '--page-size', '0'], EXIT.usage, /--page-size must be a positive integer/],
    [['verify-chain', '--nope'], EXIT.usage, /Unknown option/],
  ])('refuses bad usage %j with exit %i', async (argv, code, message) => {
    const run = await cli(argv as string[], { DATABASE_URL: db.url });
    expect(run.code).toBe(code);
    expect(run.err.join('\n')).toMatch(message);
    expect(run.out).toEqual([]);
  });

  it('prints its usage on --help', async () => {
    const run = await cli(['--help'], {});
    expect(run.code).toBe(EXIT.ok);
    expect(run.out.join('\n')).toMatch(/verify-chain/);
  });

  it('exits 78 on a bad configuration, naming the variable', async () => {
    const run = await cli(['verify-chain'], { DATABASE_URL: 'mysql://nope' });
    expect(run.code).toBe(EXIT.config);
    expect(run.err.join('\n')).toMatch(/DATABASE_URL/);
  });

  it('exits 1 with a message when the database cannot be reached', async () => {
    const run = await cli(['verify-chain'], { DATABASE_URL: postgres.withDatabase(db.url, 'inspectorate_does_not_exist') });
    expect(run.code).toBe(EXIT.failed);
    expect(run.err.join('\n')).toMatch(/verify-chain failed: .*does not exist/);
  });
});
