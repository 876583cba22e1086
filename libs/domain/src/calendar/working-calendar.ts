import { type LocalDate, assertLocalDate, dayNumberOf, dayOfWeekOfDayNumber, localDateOfDayNumber } from './local-date';

/**
 * A weekday on which offices are closed: a public holiday, a day off in lieu of a holiday
 * that fell on a weekend (nghỉ bù), or a weekday swapped with a Saturday (hoán đổi).
 */
export interface Holiday {
  date: LocalDate;
  /** English name, e.g. "Lunar New Year (Tết), 2nd day of the 1st lunar month". */
  name: string;
  /** Vietnamese name, e.g. "Tết Nguyên đán (mùng 2)". */
  nameVi: string;
}

/** One year of the calendar: its days off and the weekend days worked to make up for them. */
export interface CalendarYear {
  year: number;
  holidays: Holiday[];
  /** Saturdays (or Sundays) that are working days because a weekday was swapped for them. */
  makeUpWorkingDays: { date: LocalDate; note: string }[];
}

/**
 * One year of the calendar reduced to what counting needs: its dates. What a command carries to
 * its workflow (names and sources are for people, and stay in the database).
 */
export interface CalendarDays {
  readonly year: number;
  /** Weekdays on which offices are closed. */
  readonly daysOff: readonly LocalDate[];
  /** Weekend days that are working days. */
  readonly workedWeekendDays: readonly LocalDate[];
}

/** The dates of a table of named days. */
export function calendarDaysOf(years: readonly CalendarYear[]): CalendarDays[] {
  return years.map((y) => ({ year: y.year, daysOff: y.holidays.map((h) => h.date), workedWeekendDays: y.makeUpWorkingDays.map((m) => m.date) }));
}

const isCalendarDays = (entry: CalendarYear | CalendarDays): entry is CalendarDays => 'daysOff' in entry;

function positiveCount(n: number, what: string): number {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`${what} must be a whole number of working days, 0 or more, got ${n}`);
  }
  return n;
}

/**
 * Thrown when a count of working days reaches a year the calendar has no entries for. A year
 * without its holidays cannot be counted: Tết alone moves by weeks from year to year, so treating
 * it as a plain Monday-to-Friday week would set a wrong deadline without anyone noticing. The
 * decider turns this into a refusal that names the year (issue 11: refused, never silent).
 */
export class CalendarGapError extends RangeError {
  constructor(readonly year: number) {
    super(`There is no working-day calendar for ${year}: its holidays must be entered before a deadline can be counted in it.`);
    this.name = 'CalendarGapError';
  }
}

export function isCalendarGap(error: unknown): error is CalendarGapError {
  return error instanceof CalendarGapError || (error instanceof Error && error.name === 'CalendarGapError');
}

/**
 * Working days in Asia/Ho_Chi_Minh for civil servants: Monday to Friday, minus the holidays
 * of the table, plus its make-up Saturdays.
 *
 * The holidays are data, not formulas (lunar dates and the Government's yearly swaps cannot
 * be computed). Only the years of the table can be counted: asking about a day of any other
 * year throws `CalendarGapError` (`covers` tells a caller beforehand).
 */
export class WorkingCalendar {
  private readonly years = new Set<number>();
  /** Day numbers of the first and last day of each covered year, to check a day without formatting it. */
  private readonly spans: { first: number; last: number }[] = [];
  private readonly daysOff = new Set<number>();
  private readonly makeUpDays = new Set<number>();

  /** From the table with its names, or from its dates alone (the same calendar either way). */
  constructor(years: readonly (CalendarYear | CalendarDays)[]) {
    for (const entry of years) {
      if (!Number.isInteger(entry.year) || entry.year < 0 || entry.year > 9999) {
        throw new RangeError(`calendar year must be a year from 0 to 9999, got ${entry.year}`);
      }
      if (this.years.has(entry.year)) throw new RangeError(`calendar year ${entry.year} is listed twice`);
      this.years.add(entry.year);
      const y = String(entry.year).padStart(4, '0');
      this.spans.push({ first: dayNumberOf(`${y}-01-01`), last: dayNumberOf(`${y}-12-31`) });
      const { daysOff, workedWeekendDays } = isCalendarDays(entry) ? entry : calendarDaysOf([entry])[0];
      for (const date of daysOff) {
        const day = this.dayIn(entry.year, date, 'holiday');
        if (this.daysOff.has(day)) throw new RangeError(`holiday ${date} is listed twice`);
        this.daysOff.add(day);
      }
      for (const date of workedWeekendDays) {
        const day = this.dayIn(entry.year, date, 'make-up working day');
        const weekday = dayOfWeekOfDayNumber(day);
        if (weekday !== 0 && weekday !== 6) {
          throw new RangeError(`make-up working day ${date} is a weekday; only a weekend day can be made a working day`);
        }
        if (this.daysOff.has(day)) throw new RangeError(`${date} is both a holiday and a make-up working day`);
        if (this.makeUpDays.has(day)) throw new RangeError(`make-up working day ${date} is listed twice`);
        this.makeUpDays.add(day);
      }
    }
  }

  private dayIn(year: number, date: LocalDate, what: string): number {
    assertLocalDate(date, what);
    if (Number(date.slice(0, 4)) !== year) throw new RangeError(`${what} ${date} is listed under the year ${year}`);
    return dayNumberOf(date);
  }

  private isWorkingDayNumber(day: number): boolean {
    if (!this.spans.some((span) => span.first <= day && day <= span.last)) {
      throw new CalendarGapError(Number(localDateOfDayNumber(day).slice(0, 4)));
    }
    if (this.makeUpDays.has(day)) return true;
    if (this.daysOff.has(day)) return false;
    const weekday = dayOfWeekOfDayNumber(day);
    return weekday !== 0 && weekday !== 6;
  }

  /** Monday to Friday, unless a holiday; a make-up Saturday is a working day. Throws `CalendarGapError` outside the table's years. */
  isWorkingDay(date: LocalDate): boolean {
    return this.isWorkingDayNumber(dayNumberOf(date));
  }

  /** Whether the table has the year of `date`; if not, no day of that year can be counted. */
  covers(date: LocalDate): boolean {
    assertLocalDate(date);
    return this.years.has(Number(date.slice(0, 4)));
  }

  /** The years the table covers, in order. */
  coveredYears(): number[] {
    return [...this.years].sort((a, b) => a - b);
  }

  /**
   * The n-th working day after `date`; `date` itself is not counted (it may be a holiday),
   * and `n = 0` returns `date` unchanged.
   */
  addWorkingDays(date: LocalDate, n: number): LocalDate {
    let day = dayNumberOf(date);
    let remaining = positiveCount(n, 'n');
    while (remaining > 0) {
      day += 1;
      if (this.isWorkingDayNumber(day)) remaining -= 1;
    }
    return localDateOfDayNumber(day);
  }

  /** The n-th working day before `date`; `date` itself is not counted, `n = 0` returns it. */
  subtractWorkingDays(date: LocalDate, n: number): LocalDate {
    let day = dayNumberOf(date);
    let remaining = positiveCount(n, 'n');
    while (remaining > 0) {
      day -= 1;
      if (this.isWorkingDayNumber(day)) remaining -= 1;
    }
    return localDateOfDayNumber(day);
  }

  /**
   * Working days in (from, to]: `from` is not counted, `to` is. Negative when `to` is before
   * `from` (then it is minus the working days in (to, from]). So for n >= 0,
   * `workingDaysBetween(d, addWorkingDays(d, n)) === n`.
   */
  workingDaysBetween(from: LocalDate, to: LocalDate): number {
    const start = dayNumberOf(from);
    const end = dayNumberOf(to);
    const [low, high, sign] = start <= end ? [start, end, 1] : [end, start, -1];
    let count = 0;
    for (let day = low + 1; day <= high; day += 1) {
      if (this.isWorkingDayNumber(day)) count += 1;
    }
    return count === 0 ? 0 : sign * count; // never -0
  }
}
