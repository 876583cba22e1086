/**
 * The working-day calendar: dates in Asia/Ho_Chi_Minh (fixed UTC+07:00), working days of
 * Vietnamese civil servants, and the deadlines and reminders counted from them.
 *
 * Pure and deterministic: no Node built-ins, no Intl, no clock, no I/O, so workflows can use
 * it inside the Temporal sandbox and replays always give the same answers.
 */
export type { LocalDate } from './local-date';
export { atLocalTime, endOfLocalDay, isValidLocalDate, startOfLocalDay, toLocalDate } from './local-date';
export type { CalendarDays, CalendarYear, Holiday } from './working-calendar';
export { CalendarGapError, WorkingCalendar, calendarDaysOf, isCalendarGap } from './working-calendar';
export { VIETNAM_CIVIL_SERVICE_CALENDAR, VIETNAM_CIVIL_SERVICE_SOURCES, defaultCalendar } from './vietnam-civil-service';
export type { CalendarEntry, CalendarEntryKind } from './calendar-entries';
export {
  CALENDAR_ENTRY_KINDS,
  CALENDAR_YEAR_MAX,
  CALENDAR_YEAR_MIN,
  calendarYearsOf,
  entriesOfYears,
  entryProblems,
  workingCalendarOf,
} from './calendar-entries';
export { parseIsoDuration } from './duration';
export type { DeadlineSpec } from './deadline';
export { MAX_WORKING_DAYS, REMINDER_HOUR, deadlineAfter, isValidDeadlineSpec, reminderTimes } from './deadline';
