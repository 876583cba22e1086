import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './1764100000000-ChainGuards';

/**
 * The tables made after ChainGuards (the authority, the sessions) belong to the owner like every
 * other; the app's role gets what it needs on them and no more. Grants are explicit per table
 * rather than default privileges, so an append-only table added later cannot silently become
 * writable by the app (a test checks every table's grants).
 */
const TABLES = ['authority', 'sessions'];

export class AppRoleGrants1796170000000 implements MigrationInterface {
  name = 'AppRoleGrants1796170000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${TABLES.join(', ')} TO ${APP_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`REVOKE ALL ON ${TABLES.join(', ')} FROM ${APP_ROLE}`);
  }
}
