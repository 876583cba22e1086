import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CalendarEntry, entryProblems } from '@inspectorate/domain';
import { AuditTrail, requestActor } from '../audit/audit-trail';
import { problems } from '../common/problem';
import { isUniqueViolation } from '../common/unique-violation';
import { CalendarEntryView, CalendarYearsView, CalendarYearView, CreateCalendarEntryDto, UpdateCalendarEntryDto } from './calendar.dto';
import { CalendarStore, StoredCalendarEntry } from './calendar.store';

const EDITABLE = ['date', 'kind', 'nameVi', 'nameEn', 'source'] as const;

/**
 * Reading and editing the calendar. Each change is one transaction with its audit record, so
 * the log names every edit (before and after). Editing changes no deadline already set: running
 * inspections are corrected only by applying the correction (CalendarCorrections).
 */
@Injectable()
export class CalendarService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly store: CalendarStore,
    private readonly audit: AuditTrail,
  ) {}

  async years(): Promise<CalendarYearsView> {
    const rows: { year: number; holidays: string; makeUp: string }[] = await this.db.query(
      `SELECT extract(year FROM date)::int AS year,
              count(*) FILTER (WHERE kind = 'holiday') AS holidays,
              count(*) FILTER (WHERE kind = 'make_up_working_day') AS "makeUp"
         FROM calendar_entries GROUP BY 1 ORDER BY 1`,
    );
    return { items: rows.map((r) => ({ year: r.year, holidays: Number(r.holidays), makeUpWorkingDays: Number(r.makeUp) })) };
  }

  async year(year: number): Promise<CalendarYearView> {
    const entries = await this.store.entries(undefined, year);
    return { year, covered: entries.length > 0, entries: entries.map(toView) };
  }

  async add(dto: CreateCalendarEntryDto): Promise<CalendarEntryView> {
    const entry: CalendarEntry = { date: dto.date, kind: dto.kind, nameVi: dto.nameVi, nameEn: dto.nameEn, source: dto.source };
    check(entry);
    const actor = requestActor();
    return this.unique(entry.date, () =>
      this.db.transaction(async (m) => {
        const [{ id }] = await m.query(
          `INSERT INTO calendar_entries (date, kind, name_vi, name_en, source, updated_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
          [entry.date, entry.kind, entry.nameVi, entry.nameEn, entry.source, actor?.userId ?? null],
        );
        await this.audit.record('calendar_entry_added', actor, id, { ...entry }, m);
        return toView((await this.store.entry(id, m))!);
      }),
    );
  }

  async update(id: string, dto: UpdateCalendarEntryDto): Promise<CalendarEntryView> {
    const changes = Object.fromEntries(EDITABLE.filter((key) => dto[key] !== undefined).map((key) => [key, dto[key]])) as Partial<CalendarEntry>;
    if (Object.keys(changes).length === 0) {
      throw problems.badRequest('Name at least one field to change.', [{ field: 'body', message: `must have one of ${EDITABLE.join(', ')}` }]);
    }
    const actor = requestActor();
    return this.unique(changes.date, () =>
      this.db.transaction(async (m) => {
        const before = await this.store.entry(id, m);
        if (!before) throw problems.notFound('The calendar entry');
        const after: CalendarEntry = { date: before.date, kind: before.kind, nameVi: before.nameVi, nameEn: before.nameEn, source: before.source, ...changes };
        check(after);
        await m.query(
          `UPDATE calendar_entries SET date = $2, kind = $3, name_vi = $4, name_en = $5, source = $6, updated_at = now(), updated_by = $7 WHERE id = $1`,
          [id, after.date, after.kind, after.nameVi, after.nameEn, after.source, actor?.userId ?? null],
        );
        await this.audit.record('calendar_entry_changed', actor, id, { date: before.date, changes }, m);
        return toView((await this.store.entry(id, m))!);
      }),
    );
  }

  async remove(id: string): Promise<void> {
    const actor = requestActor();
    await this.db.transaction(async (m) => {
      const before = await this.store.entry(id, m);
      if (!before) throw problems.notFound('The calendar entry');
      await m.query(`DELETE FROM calendar_entries WHERE id = $1`, [id]);
      const { date, kind, nameVi, nameEn, source } = before;
      await this.audit.record('calendar_entry_removed', actor, id, { date, kind, nameVi, nameEn, source }, m);
    });
  }

  /** One entry per day: the constraint decides (a read-then-insert check would race). */
  private async unique<T>(date: string | undefined, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (isUniqueViolation(error, 'calendar_entries_one_per_day')) throw problems.conflict(`The calendar already has an entry on ${date}.`);
      throw error;
    }
  }
}

function check(entry: CalendarEntry): void {
  const errors = entryProblems(entry);
  if (errors.length > 0) throw problems.badRequest(`The request is not valid: ${errors.map((e) => `${e.field} ${e.message}`).join('; ')}`, errors);
}

function toView(e: StoredCalendarEntry): CalendarEntryView {
  return { id: e.id, date: e.date, kind: e.kind, nameVi: e.nameVi, nameEn: e.nameEn, source: e.source, updatedAt: new Date(e.updatedAt).toISOString() };
}
