import { randomBytes } from 'node:crypto';
import { Client as PgClient } from 'pg';
import { DataSource } from 'typeorm';
import { INSECURE_DEFAULTS } from '@inspectorate/config';
import { checkDatabaseRole, createDataSource, databaseRoleProblem } from '@inspectorate/database';
import { APP_ROLE } from '@inspectorate/database/migrations/1764100000000-ChainGuards';
import { CheckpointSigner, EventStore, verifyEventChain } from '@inspectorate/event-store';
import { Projector, rebuildProjections } from '@inspectorate/read-model';
import { createTestDatabase, TestDatabase } from '../harness/database';
import { findingRecorded, plannedCampaign, visitStarted } from './fixtures';

/**
 * The production shape: the schema belongs to the role that migrates (here the harness's
 * superuser), the API and the worker log in as a role that is only a member of inspectorate_app.
 * That role can do the app's work and nothing that would let it rewrite history.
 */
describe('the app’s database role', () => {
  let db: TestDatabase;
  let login: string;
  let appUrl: string;
  let app: DataSource;
  let inspectionId: string;

  beforeAll(async () => {
    db = await createTestDatabase(2);
    login = `inspectorate_t_app_${randomBytes(4).toString('hex')}`;
    await db.sql(`CREATE ROLE ${login} LOGIN IN ROLE ${APP_ROLE}`);
    const url = new URL(db.url);
    url.username = login;
    appUrl = url.toString();
    app = createDataSource(appUrl, 2);
    await app.initialize();
  });
  afterAll(async () => {
    if (app?.isInitialized) await app.destroy();
    await db?.drop();
    if (login) await db.sql(`DROP ROLE IF EXISTS ${login}`).catch(() => undefined);
  });

  /** One statement as the app's login role, on a connection of its own. */
  const asApp = async (statement: string) => {
    const client = new PgClient({ connectionString: appUrl });
    await client.connect();
    try {
      return (await client.query(statement)).rows;
    } finally {
      await client.end();
    }
  };

  it('may read and write every table but the log, and only read and append to the log', async () => {
    const rows = await db.sql<{ table: string; read: boolean; append: boolean; change: boolean }>(
      `SELECT tablename AS table,
              has_table_privilege('${APP_ROLE}', 'public.' || tablename, 'SELECT') AS read,
              has_table_privilege('${APP_ROLE}', 'public.' || tablename, 'INSERT') AS append,
              has_table_privilege('${APP_ROLE}', 'public.' || tablename, 'UPDATE') OR has_table_privilege('${APP_ROLE}', 'public.' || tablename, 'DELETE') AS change
         FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migrations' ORDER BY tablename`,
    );
    const appendOnly = ['audit_log', 'chain_checkpoints', 'events'];
    expect(rows.filter((r) => appendOnly.includes(r.table))).toEqual(appendOnly.map((table) => ({ table, read: true, append: true, change: false })));
    // Every other table (the read model, accounts, sessions, the authority…): the app's own data.
    expect(rows.filter((r) => !appendOnly.includes(r.table) && !(r.read && r.append && r.change))).toEqual([]);
  });

  it('appends and projects, with checkpoints, rebuilds the read model and verifies the log', async () => {
    const store = new EventStore(app, { checkpoints: new CheckpointSigner(INSECURE_DEFAULTS.checkpointKey) });
    const projector = new Projector();
    const campaign = plannedCampaign();
    [inspectionId] = campaign.inspectionIds;
    await store.append(campaign.appends, (m, e) => projector.project(m, e));
    await store.append([visitStarted(inspectionId, 1)], (m, e) => projector.project(m, e));
    await store.append([findingRecorded(inspectionId, 2)], (m, e) => projector.project(m, e));
    expect(await rebuildProjections(app)).toMatchObject({ events: 4, rows: { inspections: 1, findings: 1 } });
    expect(await verifyEventChain(app, { signer: new CheckpointSigner(INSECURE_DEFAULTS.checkpointKey) })).toMatchObject({ intact: true, lastPosition: 4 });
    expect(await asApp(`SELECT current_user AS me, (SELECT count(*) FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner WHERE r.rolname = current_user) AS owned`)).toEqual([
      { me: login, owned: '0' },
    ]);
  });

  it.each([
    ['update an event', 'UPDATE events SET type = type', /permission denied for table events/],
    ['delete an event', 'DELETE FROM events', /permission denied for table events/],
    ['truncate the log', 'TRUNCATE events', /permission denied for table events/],
    ['switch the log’s triggers off', 'ALTER TABLE events DISABLE TRIGGER USER', /must be owner of table events/],
    ['drop the head check', 'DROP TRIGGER events_follow_head ON events', /must be owner of (table|relation) events/],
    ['replace the trigger function', `CREATE OR REPLACE FUNCTION events_follow_head() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$`, /must be owner of function events_follow_head|permission denied for schema public/],
    ['delete a checkpoint', 'DELETE FROM chain_checkpoints', /permission denied for table chain_checkpoints/],
    ['switch the checkpoints’ triggers off', 'ALTER TABLE chain_checkpoints DISABLE TRIGGER USER', /must be owner of table chain_checkpoints/],
    ['change the audit log', 'UPDATE audit_log SET kind = kind', /permission denied for table audit_log/],
    ['delete from the audit log', 'DELETE FROM audit_log', /permission denied for table audit_log/],
    ['truncate the audit log', 'TRUNCATE audit_log', /permission denied for table audit_log/],
    ['change a published checklist version', "UPDATE checklist_versions SET title = 'sửa' WHERE version = 'demo-2023.1'", /is published: it never changes/],
    ['change a published version’s criteria', "UPDATE checklist_criteria SET name_vi = 'sửa' WHERE version = 'demo-2023.1'", /is published: its criteria never change/],
    ['remove a checklist criterion', 'DELETE FROM checklist_criteria', /permission denied for table checklist_criteria/],
    ['remove a checklist version', 'DELETE FROM checklist_versions', /permission denied for table checklist_versions/],
    ['create a table of its own', 'CREATE TABLE mine (x int)', /permission denied for schema public/],
  ])('may not %s', async (_what, statement, refusal) => {
    await expect(asApp(statement)).rejects.toThrow(refusal);
  });

  it('is what production starts with; the owner (here a superuser) is refused', async () => {
    expect(await databaseRoleProblem(app)).toBeUndefined();
    await expect(checkDatabaseRole(app, true, () => undefined)).resolves.toBeUndefined();
    expect(await databaseRoleProblem(db.dataSource)).toMatch(/is a superuser: it could disable the event log's triggers/);
    await expect(checkDatabaseRole(db.dataSource, true, () => undefined)).rejects.toThrow(/^Refusing to start in production: the database role ".*" is a superuser/);
    const warnings: string[] = [];
    await checkDatabaseRole(db.dataSource, false, (message) => warnings.push(message));
    expect(warnings).toEqual([expect.stringMatching(/superuser.*in production log in as a member of inspectorate_app/)]);
  });

  it('is refused in production when it owns the log, superuser or not', async () => {
    const owner = `inspectorate_t_own_${randomBytes(4).toString('hex')}`;
    await db.sql(`CREATE ROLE ${owner} LOGIN; ALTER TABLE events OWNER TO ${owner}`);
    const url = new URL(db.url);
    url.username = owner;
    const asOwner = createDataSource(url.toString(), 1);
    await asOwner.initialize();
    try {
      expect(await databaseRoleProblem(asOwner)).toBe(`the database role "${owner}" owns the event log (its owner is "${owner}"): it could disable its triggers and rewrite it`);
    } finally {
      await asOwner.destroy();
      await db.sql(`ALTER TABLE events OWNER TO CURRENT_USER; DROP ROLE ${owner}`);
    }
  });

  it('may not insert an event that does not follow the head', async () => {
    await expect(
      asApp(`INSERT INTO events SELECT position + 5, gen_random_uuid(), stream_id || '-x', stream_type, version, type, data, actor, metadata, occurred_at, recorded_at, hash, hash
               FROM events ORDER BY position DESC LIMIT 1`),
    ).rejects.toThrow(/grows only at its head/);
  });
});
