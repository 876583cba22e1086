import { MigrationInterface, QueryRunner } from 'typeorm';

/** The role the API and the worker run as: it owns nothing, so it can switch no guard off. */
export const APP_ROLE = 'inspectorate_app';

/** Read model, directory, attachments, idempotency: the app rewrites these freely (a rebuild empties the projections). */
const APP_WRITABLE_TABLES = [
  'campaigns',
  'campaign_progress',
  'inspections',
  'findings',
  'corrective_actions',
  'accountability_cases',
  'notifications',
  'notification_reads',
  'unit_scorecards',
  'units',
  'users',
  'attachments',
  'idempotency_records',
];

/**
 * Guards of the event log that hold even against the app's own database role:
 * - an INSERT must follow the head (next position, previous hash), so nothing can be slipped
 *   into the middle of the log or start a fork;
 * - signed checkpoints of the head live in `chain_checkpoints`, append-only like the log; the
 *   key that signs them is the app's, never the database's;
 * - the role `inspectorate_app` gets SELECT and INSERT on the log and its checkpoints and plain
 *   DML on the rest. The tables belong to whoever migrates (the owner), so a login role that is
 *   only a member of inspectorate_app cannot disable a trigger, update, delete or truncate the
 *   log (see the README's production setup).
 */
export class ChainGuards1764100000000 implements MigrationInterface {
  name = 'ChainGuards1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION events_follow_head() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        head_position bigint;
        head_hash text;
      BEGIN
        -- A row-level BEFORE trigger sees the rows of its own statement inserted before this one.
        SELECT position, hash INTO head_position, head_hash FROM events ORDER BY position DESC LIMIT 1;
        head_position := coalesce(head_position, 0);
        -- A position the log already has is refused by its primary key (or, with ON CONFLICT, by
        -- the append-only trigger); anything else must be the very next one, linked to the head.
        IF NEW.position BETWEEN 1 AND head_position THEN
          RETURN NEW;
        END IF;
        IF NEW.position IS DISTINCT FROM head_position + 1 OR NEW.prev_hash IS DISTINCT FROM head_hash THEN
          RAISE EXCEPTION 'the event log grows only at its head: event % at position % does not follow position % and its hash',
            NEW.id, NEW.position, head_position
            USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER events_follow_head BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION events_follow_head()`);

    await q.query(`
      CREATE TABLE chain_checkpoints (
        position   bigint PRIMARY KEY,
        hash       text NOT NULL,
        signed_at  timestamptz NOT NULL,
        signature  text NOT NULL
      )`);
    await q.query(`
      CREATE FUNCTION refuse_change_of_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(
      `CREATE TRIGGER chain_checkpoints_no_update_delete BEFORE UPDATE OR DELETE ON chain_checkpoints FOR EACH ROW EXECUTE FUNCTION refuse_change_of_append_only()`,
    );
    await q.query(`CREATE TRIGGER chain_checkpoints_no_truncate BEFORE TRUNCATE ON chain_checkpoints FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_of_append_only()`);

    // Roles belong to the cluster, not the database: create it once, tolerate a concurrent twin.
    await q.query(`
      DO $$
      BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
          CREATE ROLE ${APP_ROLE} NOLOGIN;
        END IF;
      EXCEPTION
        WHEN duplicate_object OR unique_violation THEN NULL;
        WHEN insufficient_privilege THEN
          RAISE EXCEPTION 'the role ${APP_ROLE} does not exist and this role may not create it: CREATE ROLE ${APP_ROLE} NOLOGIN as an administrator, then migrate again';
      END $$`);
    await q.query(`REVOKE CREATE ON SCHEMA public FROM PUBLIC`);
    await q.query(`GRANT USAGE ON SCHEMA public TO ${APP_ROLE}`);
    await q.query(`REVOKE ALL ON events, chain_checkpoints FROM PUBLIC`);
    await q.query(`GRANT SELECT, INSERT ON events, chain_checkpoints TO ${APP_ROLE}`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${APP_WRITABLE_TABLES.join(', ')} TO ${APP_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`REVOKE ALL ON events, chain_checkpoints, ${APP_WRITABLE_TABLES.join(', ')} FROM ${APP_ROLE}`);
    await q.query(`REVOKE USAGE ON SCHEMA public FROM ${APP_ROLE}`);
    await q.query(`DROP TABLE chain_checkpoints`);
    await q.query(`DROP FUNCTION refuse_change_of_append_only()`);
    await q.query(`DROP TRIGGER events_follow_head ON events`);
    await q.query(`DROP FUNCTION events_follow_head()`);
  }
}
