import { MigrationInterface, QueryRunner } from 'typeorm';

/** Units can be deactivated: no new inspection names them, their history stays. */
export class UnitActivation1764900000001 implements MigrationInterface {
  name = 'UnitActivation1764900000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE units ADD COLUMN active boolean NOT NULL DEFAULT true, ADD COLUMN deactivated_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE units DROP COLUMN active, DROP COLUMN deactivated_at`);
  }
}
