import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './1764100000000-ChainGuards';

/**
 * Who did what outside the event log: logins (and failed ones), account and unit changes,
 * imports, exports, printed conclusions, and every read of a planned inspection. It is evidence,
 * so it is append-only like the log: the app's role may read and insert, never change or remove a
 * row, and a trigger refuses UPDATE, DELETE and TRUNCATE even to whoever could be granted them.
 * It holds no secrets: no passwords, no tokens, no visit windows (a planned read names only the
 * inspection).
 */
export class AuditLog1796180000000 implements MigrationInterface {
  name = 'AuditLog1796180000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_log (
        id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        -- Milliseconds, like the cursors of the list (toISOString), so keyset pages never skip a row.
        occurred_at    timestamptz NOT NULL DEFAULT date_trunc('milliseconds', clock_timestamp()),
        actor_user_id  uuid,
        actor_username text,
        actor_role     text,
        kind           text NOT NULL,
        subject        text,
        details        jsonb NOT NULL DEFAULT '{}'::jsonb,
        request_id     text,
        client_address text,
        CONSTRAINT audit_log_details_object CHECK (jsonb_typeof(details) = 'object')
      )`);
    await q.query(`CREATE INDEX audit_log_newest ON audit_log (occurred_at DESC, id DESC)`);
    await q.query(`CREATE INDEX audit_log_by_actor ON audit_log (actor_user_id, occurred_at DESC)`);
    await q.query(`CREATE INDEX audit_log_by_kind ON audit_log (kind, occurred_at DESC)`);
    await q.query(
      `CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION refuse_change_of_append_only()`,
    );
    await q.query(`CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_of_append_only()`);
    await q.query(`REVOKE ALL ON audit_log FROM PUBLIC`);
    await q.query(`GRANT SELECT, INSERT ON audit_log TO ${APP_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_log`);
  }
}
