import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './1764100000000-ChainGuards';

/**
 * `campaign_progress` counted each campaign's inspections by status in SQL, recomputed on every
 * append, while partial viewers got the same counts from TypeScript: two definitions of one rule.
 * It was read only for callers who see every inspection, by the view that loads all of them
 * anyway, and `cancelled_before_visit` by nothing. The domain's `progressOf` is the one
 * definition, counted over the inspections the caller may see; the table goes.
 */
export class DropCampaignProgress1796230000000 implements MigrationInterface {
  name = 'DropCampaignProgress1796230000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE campaign_progress`);
  }

  /** Recreates the table empty; a rebuild of the read model of that older release refills it. */
  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE campaign_progress (
        campaign_id uuid PRIMARY KEY,
        planned integer NOT NULL,
        in_progress integer NOT NULL,
        closed integer NOT NULL,
        cancelled integer NOT NULL,
        cancelled_before_visit integer NOT NULL,
        total integer NOT NULL
      )`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON campaign_progress TO ${APP_ROLE}`);
  }
}
