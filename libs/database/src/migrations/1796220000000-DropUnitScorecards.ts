import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './1764100000000-ChainGuards';

/**
 * `unit_scorecards` was recomputed on every append and read by nothing. It could not serve
 * `GET /reports/units/:id` either: that report depends on who asks (the chairman and the team
 * count planned inspections, a unit head only visited ones), on `asOf` (what was overdue then)
 * and on the time of asking (an action becomes overdue without any event), while the table held
 * one row per unit and year, as of its last append. The report's metrics (libs/reports) are the
 * one definition; the table goes, and with it the second one in SQL.
 */
export class DropUnitScorecards1796220000000 implements MigrationInterface {
  name = 'DropUnitScorecards1796220000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE unit_scorecards`);
  }

  /** Recreates the table empty; a rebuild of the read model of that older release refills it. */
  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE unit_scorecards (
        unit_id uuid NOT NULL,
        year integer NOT NULL,
        inspections integer NOT NULL,
        closed integer NOT NULL,
        findings integer NOT NULL,
        open_findings integer NOT NULL,
        critical_findings integer NOT NULL,
        actions_total integer NOT NULL,
        actions_verified integer NOT NULL,
        actions_overdue integer NOT NULL,
        responses_on_time integer NOT NULL,
        responses_due integer NOT NULL,
        accountability_cases integer NOT NULL,
        latest_rating text,
        PRIMARY KEY (unit_id, year)
      )`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON unit_scorecards TO ${APP_ROLE}`);
  }
}
