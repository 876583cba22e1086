import { MigrationInterface, QueryRunner } from 'typeorm';
import { entriesOfYears, VIETNAM_CIVIL_SERVICE_CALENDAR, VIETNAM_CIVIL_SERVICE_SOURCES } from '@inspectorate/domain';
import { APP_ROLE } from './1764100000000-ChainGuards';

/**
 * The working-day calendar as data (issue 11, item 2): one row per day that differs from an
 * ordinary Monday-to-Friday week (a holiday, or a weekend day worked to make up for one), with
 * its names and the decision that declared it. A year has a calendar once it has a row; a
 * deadline counted into a year without one is refused. Seeded from the table compiled until now
 * (2023–2027), so every deadline already set was counted with exactly these rows.
 *
 * Workflows never read this table: the API sends the calendar with each command, so a deadline
 * is counted with the calendar as it was when it was set.
 */
export class WorkingCalendar1796200000000 implements MigrationInterface {
  name = 'WorkingCalendar1796200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE calendar_entries (
        id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        date       date NOT NULL,
        kind       text NOT NULL,
        name_vi    text NOT NULL,
        name_en    text NOT NULL,
        source     text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid,
        CONSTRAINT calendar_entries_one_per_day UNIQUE (date),
        CONSTRAINT calendar_entries_kind CHECK (kind IN ('holiday', 'make_up_working_day')),
        CONSTRAINT calendar_entries_year CHECK (date >= DATE '2000-01-01' AND date <= DATE '2100-12-31'),
        -- A make-up working day is a Saturday or a Sunday (ISODOW 6, 7), a holiday a weekday.
        CONSTRAINT calendar_entries_weekday CHECK ((kind = 'make_up_working_day') = (extract(isodow FROM date) IN (6, 7)))
      )`);
    const seed = entriesOfYears(VIETNAM_CIVIL_SERVICE_CALENDAR, (year) => VIETNAM_CIVIL_SERVICE_SOURCES[year]);
    for (const e of seed) {
      await q.query(`INSERT INTO calendar_entries (date, kind, name_vi, name_en, source) VALUES ($1, $2, $3, $4, $5)`, [e.date, e.kind, e.nameVi, e.nameEn, e.source]);
    }
    await q.query(`REVOKE ALL ON calendar_entries FROM PUBLIC`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON calendar_entries TO ${APP_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE calendar_entries`);
  }
}
