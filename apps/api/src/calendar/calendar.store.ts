import { Global, Injectable, Module } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CalendarDays, calendarDaysOf, CalendarEntry, calendarYearsOf, WorkingCalendar } from '@inspectorate/domain';

export interface StoredCalendarEntry extends CalendarEntry {
  readonly id: string;
  readonly updatedAt: Date;
}

const COLUMNS = `id, to_char(date, 'YYYY-MM-DD') AS date, kind, name_vi AS "nameVi", name_en AS "nameEn", source, updated_at AS "updatedAt"`;

/**
 * The working-day calendar as the administrator keeps it (table `calendar_entries`). The API
 * reads it for every command it sends to an inspection, so the workflow counts the deadlines
 * that command sets with the calendar as it is at that moment; workflows never read it.
 */
@Injectable()
export class CalendarStore {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  entries(manager: EntityManager = this.db.manager, year?: number): Promise<StoredCalendarEntry[]> {
    return year === undefined
      ? manager.query(`SELECT ${COLUMNS} FROM calendar_entries ORDER BY date`)
      : manager.query(`SELECT ${COLUMNS} FROM calendar_entries WHERE date >= make_date($1, 1, 1) AND date <= make_date($1, 12, 31) ORDER BY date`, [year]);
  }

  entry(id: string, manager: EntityManager = this.db.manager): Promise<StoredCalendarEntry | undefined> {
    return manager.query(`SELECT ${COLUMNS} FROM calendar_entries WHERE id = $1`, [id]).then((rows: StoredCalendarEntry[]) => rows[0]);
  }

  /**
   * What a command carries to its workflow: every year from the one before `now` on (a reminder
   * of an early-January deadline is counted back into December). Older years are never counted
   * by a live command. Only the dates travel: names and sources are for people.
   */
  async snapshot(now = new Date()): Promise<CalendarDays[]> {
    const from = now.getUTCFullYear() - 1;
    const rows: StoredCalendarEntry[] = await this.db.query(`SELECT ${COLUMNS} FROM calendar_entries WHERE date >= make_date($1, 1, 1) ORDER BY date`, [from]);
    return calendarDaysOf(calendarYearsOf(rows.map(({ date, kind, nameVi, nameEn, source }) => ({ date, kind, nameVi, nameEn, source }))));
  }

  /** The calendar as it is now, for counts the API makes itself (my work, corrections). */
  async workingCalendar(): Promise<WorkingCalendar> {
    return new WorkingCalendar(calendarYearsOf(await this.entries()));
  }
}

/** Global, because the command gateway needs the calendar for every inspection command. */
@Global()
@Module({ providers: [CalendarStore], exports: [CalendarStore] })
export class CalendarStoreModule {}
