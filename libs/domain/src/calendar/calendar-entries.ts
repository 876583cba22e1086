import { isValidLocalDate, dayNumberOf, dayOfWeekOfDayNumber, type LocalDate } from './local-date';
import { type CalendarYear, WorkingCalendar } from './working-calendar';

/**
 * The calendar as the administrator keeps it: one row per day that differs from an ordinary
 * Monday-to-Friday week, with where it comes from (the decision that declared it). The database
 * holds these; workflows never read the database, so commands carry the years built from them
 * (`calendarYearsOf`) and every deadline is counted with the calendar as it was when it was set.
 */
export const CALENDAR_ENTRY_KINDS = ['holiday', 'make_up_working_day'] as const;
export type CalendarEntryKind = (typeof CALENDAR_ENTRY_KINDS)[number];

export interface CalendarEntry {
  readonly date: LocalDate;
  readonly kind: CalendarEntryKind;
  readonly nameVi: string;
  readonly nameEn: string;
  /** The decision or rule that declared the day, e.g. "Văn phòng Chính phủ 8726/VPCP-KGVX (26/11/2024)". */
  readonly source: string;
}

/** The years a calendar may hold: wide enough for any real deadline, narrow enough to refuse typos. */
export const CALENDAR_YEAR_MIN = 2000;
export const CALENDAR_YEAR_MAX = 2100;

/** The years of `entries`, in the shape the working calendar counts with. A year exists once it has an entry. */
export function calendarYearsOf(entries: readonly CalendarEntry[]): CalendarYear[] {
  const byYear = new Map<number, CalendarYear>();
  for (const entry of [...entries].sort((a, b) => a.date.localeCompare(b.date))) {
    const year = Number(entry.date.slice(0, 4));
    const into = byYear.get(year) ?? { year, holidays: [], makeUpWorkingDays: [] };
    byYear.set(year, into);
    if (entry.kind === 'holiday') into.holidays.push({ date: entry.date, name: entry.nameEn, nameVi: entry.nameVi });
    else into.makeUpWorkingDays.push({ date: entry.date, note: `${entry.nameVi} (${entry.nameEn})` });
  }
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

/** Field problems of one entry, in the API's words (English; the edge translates). Empty when it is fine. */
export function entryProblems(entry: Pick<CalendarEntry, 'date' | 'kind'>): { field: string; message: string }[] {
  if (typeof entry.date !== 'string' || !isValidLocalDate(entry.date)) return [{ field: 'date', message: 'must be a real calendar day (YYYY-MM-DD)' }];
  const year = Number(entry.date.slice(0, 4));
  if (year < CALENDAR_YEAR_MIN || year > CALENDAR_YEAR_MAX) {
    return [{ field: 'date', message: `must be in a year from ${CALENDAR_YEAR_MIN} to ${CALENDAR_YEAR_MAX}` }];
  }
  const weekday = dayOfWeekOfDayNumber(dayNumberOf(entry.date));
  const weekend = weekday === 0 || weekday === 6;
  if (entry.kind === 'make_up_working_day' && !weekend) {
    return [{ field: 'date', message: 'must be a Saturday or a Sunday for a make-up working day' }];
  }
  if (entry.kind === 'holiday' && weekend) {
    return [{ field: 'date', message: 'must be a weekday for a holiday (a holiday on a weekend is compensated by a day off in lieu on a weekday)' }];
  }
  return [];
}

/** A working calendar of `entries`; throws a RangeError naming the contradiction if they contradict each other. */
export function workingCalendarOf(entries: readonly CalendarEntry[]): WorkingCalendar {
  return new WorkingCalendar(calendarYearsOf(entries));
}

/** The compiled years as entries, each with its year's source: how the database was first seeded. */
export function entriesOfYears(years: readonly CalendarYear[], sourceOf: (year: number) => string): CalendarEntry[] {
  return years.flatMap((y) => [
    ...y.holidays.map((h): CalendarEntry => ({ date: h.date, kind: 'holiday', nameVi: h.nameVi, nameEn: h.name, source: sourceOf(y.year) })),
    ...y.makeUpWorkingDays.map((m): CalendarEntry => {
      const open = m.note.indexOf(' (');
      const nameVi = open < 0 ? m.note : m.note.slice(0, open);
      const nameEn = open < 0 ? m.note : m.note.slice(open + 2, m.note.endsWith(')') ? -1 : undefined);
      return { date: m.date, kind: 'make_up_working_day', nameVi, nameEn, source: sourceOf(y.year) };
    }),
  ]);
}
