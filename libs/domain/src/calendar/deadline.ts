import { parseIsoDuration } from './duration';
import { atLocalTime, endOfLocalDay, toLocalDate } from './local-date';
import type { WorkingCalendar } from './working-calendar';

/**
 * How long something may take: a number of working days (the normal case) or an exact
 * ISO 8601 duration such as `PT5S` (for tests and special cases).
 */
export type DeadlineSpec = { workingDays: number } | { duration: string };

export const MAX_WORKING_DAYS = 365;

/** The hour (local time) at which working-day reminders go out. */
export const REMINDER_HOUR = 8;

/**
 * `{ workingDays: n }` with a whole n from 1 to 365, or `{ duration: "..." }` with a duration
 * `parseIsoDuration` accepts. Exactly one of the two keys, nothing else.
 */
export function isValidDeadlineSpec(x: unknown): x is DeadlineSpec {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
  const keys = Object.keys(x);
  if (keys.length !== 1) return false;
  const value = (x as Record<string, unknown>)[keys[0]];
  switch (keys[0]) {
    case 'workingDays':
      return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_WORKING_DAYS;
    case 'duration':
      return typeof value === 'string' && parseIsoDuration(value) !== undefined;
    default:
      return false;
  }
}

function assertSpec(spec: DeadlineSpec, what: string): void {
  if (!isValidDeadlineSpec(spec)) {
    throw new RangeError(
      `${what} must be { workingDays: 1..${MAX_WORKING_DAYS} } or { duration: "<ISO 8601 duration>" }, got ${JSON.stringify(spec)}`,
    );
  }
}

function validTime(date: Date, what: string): number {
  const time = date instanceof Date ? date.getTime() : Number.NaN;
  if (Number.isNaN(time)) throw new RangeError(`${what} must be a valid Date`);
  return time;
}

function checked(time: number, what: string): Date {
  const result = new Date(time);
  if (Number.isNaN(result.getTime())) throw new RangeError(`${what} is outside the range of dates`);
  return result;
}

/**
 * When something started at `from` is due.
 * - `{ workingDays: n }`: the end (23:59:59.999 local) of the n-th working day after the local
 *   date of `from`; the day it starts on is never counted, whatever the hour.
 * - `{ duration }`: exactly `from` plus the duration.
 */
export function deadlineAfter(from: Date, spec: DeadlineSpec, cal: WorkingCalendar): Date {
  const start = validTime(from, 'from');
  assertSpec(spec, 'deadline');
  if ('workingDays' in spec) {
    return endOfLocalDay(cal.addWorkingDays(toLocalDate(from), spec.workingDays));
  }
  return checked(start + (parseIsoDuration(spec.duration) as number), 'deadline');
}

/**
 * When to remind someone of `deadline`, earliest first, without repeats.
 * - `{ workingDays: n }`: 08:00 local on the working day n working days before the local date
 *   of the deadline (so "1 working day before" a deadline on Thursday is Wednesday 08:00, and
 *   before a deadline just after Tết it is the last working day before Tết).
 * - `{ duration }`: exactly `deadline` minus the duration.
 * Reminders that are already in the past are the caller's business.
 */
export function reminderTimes(deadline: Date, offsets: readonly DeadlineSpec[], cal: WorkingCalendar): Date[] {
  const due = validTime(deadline, 'deadline');
  const dueDate = toLocalDate(deadline);
  const times = new Set<number>();
  offsets.forEach((offset, index) => {
    assertSpec(offset, `reminder offset ${index}`);
    if ('workingDays' in offset) {
      times.add(atLocalTime(cal.subtractWorkingDays(dueDate, offset.workingDays), REMINDER_HOUR).getTime());
    } else {
      times.add(checked(due - (parseIsoDuration(offset.duration) as number), 'reminder').getTime());
    }
  });
  return [...times].sort((a, b) => a - b).map((time) => new Date(time));
}
