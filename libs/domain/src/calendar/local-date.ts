/**
 * Calendar dates and instants in Asia/Ho_Chi_Minh.
 *
 * Time zone: Asia/Ho_Chi_Minh has been UTC+07:00 all year round, with no daylight saving
 * time, since 13 June 1975. We therefore use that fixed offset instead of Intl or a time-zone
 * database: this code runs inside the Temporal workflow sandbox, must give the same answer
 * on every machine, and must not depend on the host's zone or ICU data. (Instants before
 * mid-1975 are also read at +07:00, which is wrong for the south of that time and irrelevant
 * to this product.)
 *
 * Dates are handled as whole numbers of days since 1970-01-01 (the "day number") using
 * proleptic Gregorian arithmetic, so nothing here depends on Date's parsing rules.
 */

/** A calendar date in Asia/Ho_Chi_Minh, written `YYYY-MM-DD`. */
export type LocalDate = string;

/** UTC+07:00, in milliseconds. */
export const HO_CHI_MINH_OFFSET_MS = 7 * 60 * 60 * 1000;

export const MS_PER_DAY = 24 * 60 * 60 * 1000;

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Strictly `YYYY-MM-DD` and a day that exists (no `2023-02-30`, no `2023-2-3`). */
export function isValidLocalDate(s: string): boolean {
  if (typeof s !== 'string') return false;
  const match = LOCAL_DATE.exec(s);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Day number (days since 1970-01-01) of a civil date. Howard Hinnant's `days_from_civil`. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The civil date of a day number. Howard Hinnant's `civil_from_days`. */
function civilFromDays(dayNumber: number): { year: number; month: number; day: number } {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Throws a RangeError naming the bad value unless `date` is a valid `YYYY-MM-DD`. */
export function assertLocalDate(date: LocalDate, what = 'date'): void {
  if (!isValidLocalDate(date)) {
    throw new RangeError(`${what} must be a calendar date written YYYY-MM-DD, got ${JSON.stringify(date)}`);
  }
}

/** Days since 1970-01-01 of a valid LocalDate (throws RangeError otherwise). */
export function dayNumberOf(date: LocalDate): number {
  assertLocalDate(date);
  return daysFromCivil(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
}

/** The LocalDate of a day number; only years 0000..9999 can be written as `YYYY-MM-DD`. */
export function localDateOfDayNumber(dayNumber: number): LocalDate {
  const { year, month, day } = civilFromDays(dayNumber);
  if (year < 0 || year > 9999) {
    throw new RangeError(`year ${year} cannot be written as a YYYY-MM-DD date`);
  }
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** 0 = Sunday, 1 = Monday, ... 6 = Saturday. */
export function dayOfWeekOfDayNumber(dayNumber: number): number {
  // 1970-01-01 was a Thursday (4).
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/** The year of a valid LocalDate. */
export function yearOf(date: LocalDate): number {
  assertLocalDate(date);
  return Number(date.slice(0, 4));
}

function assertInstant(instant: Date, what: string): number {
  const time = instant instanceof Date ? instant.getTime() : Number.NaN;
  if (Number.isNaN(time)) throw new RangeError(`${what} must be a valid Date`);
  return time;
}

/** The calendar date in Asia/Ho_Chi_Minh at `instant`. */
export function toLocalDate(instant: Date): LocalDate {
  const time = assertInstant(instant, 'instant');
  return localDateOfDayNumber(Math.floor((time + HO_CHI_MINH_OFFSET_MS) / MS_PER_DAY));
}

function startMs(date: LocalDate): number {
  return dayNumberOf(date) * MS_PER_DAY - HO_CHI_MINH_OFFSET_MS;
}

/** 00:00:00.000 in Asia/Ho_Chi_Minh on `date` (17:00 UTC the day before). */
export function startOfLocalDay(date: LocalDate): Date {
  return new Date(startMs(date));
}

/** 23:59:59.999 in Asia/Ho_Chi_Minh on `date` (16:59:59.999 UTC the same day). */
export function endOfLocalDay(date: LocalDate): Date {
  return new Date(startMs(date) + MS_PER_DAY - 1);
}

/** `hour:minute` (24-hour clock) in Asia/Ho_Chi_Minh on `date`. */
export function atLocalTime(date: LocalDate, hour: number, minute = 0): Date {
  if (!Number.isInteger(hour) || hour < 0 || hour > 23) {
    throw new RangeError(`hour must be a whole number from 0 to 23, got ${hour}`);
  }
  if (!Number.isInteger(minute) || minute < 0 || minute > 59) {
    throw new RangeError(`minute must be a whole number from 0 to 59, got ${minute}`);
  }
  return new Date(startMs(date) + hour * 60 * 60 * 1000 + minute * 60 * 1000);
}
