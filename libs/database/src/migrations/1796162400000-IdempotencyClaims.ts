import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An Idempotency-Key is claimed before its request runs: the row is written at once, without an
 * answer (status_code and body null), and completed when the answer is known. The primary key
 * makes the claim atomic, so of two concurrent requests with one key exactly one runs.
 */
export class IdempotencyClaims1796162400000 implements MigrationInterface {
  name = 'IdempotencyClaims1796162400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE idempotency_records ALTER COLUMN status_code DROP NOT NULL, ALTER COLUMN body DROP NOT NULL`);
    await q.query(`ALTER TABLE idempotency_records ADD CONSTRAINT idempotency_records_answer_whole CHECK ((status_code IS NULL) = (body IS NULL))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM idempotency_records WHERE status_code IS NULL`);
    await q.query(`ALTER TABLE idempotency_records DROP CONSTRAINT idempotency_records_answer_whole`);
    await q.query(`ALTER TABLE idempotency_records ALTER COLUMN status_code SET NOT NULL, ALTER COLUMN body SET NOT NULL`);
  }
}
