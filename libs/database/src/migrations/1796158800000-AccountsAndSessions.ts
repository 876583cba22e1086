import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts an admin can manage and a user can configure (language, active, a forced password
 * change), and revocable sessions behind the refresh cookie. Existing users become active,
 * Vietnamese-speaking and free of a forced change.
 */
export class AccountsAndSessions1796158800000 implements MigrationInterface {
  name = 'AccountsAndSessions1796158800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE users
        ADD COLUMN language text NOT NULL DEFAULT 'vi' CHECK (language IN ('vi', 'en')),
        ADD COLUMN active boolean NOT NULL DEFAULT true,
        ADD COLUMN must_change_password boolean NOT NULL DEFAULT false`);
    await q.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users (id),
        refresh_token_hash text NOT NULL,
        created_at timestamptz NOT NULL,
        last_used_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        revoked_reason text
      )`);
    await q.query(`CREATE INDEX sessions_user_idx ON sessions (user_id) WHERE revoked_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE sessions`);
    await q.query(`ALTER TABLE users DROP COLUMN language, DROP COLUMN active, DROP COLUMN must_change_password`);
  }
}
