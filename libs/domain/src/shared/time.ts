import { endOfLocalDay, isValidLocalDate, startOfLocalDay, toLocalDate } from '../calendar';

/** An instant, always serialised as ISO 8601 in UTC (`2023-09-08T03:00:00.000Z`). */
export type Instant = string;

const DATE_TIME_WITH_OFFSET = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Dates in the API are either a calendar day (`YYYY-MM-DD`, meaning that whole day in
 * Asia/Ho_Chi_Minh) or an exact instant with an offset. Exact instants exist so that
 * deadlines of seconds can be tested and so special cases can be expressed precisely.
 */
export type TimePoint = { kind: 'date'; date: string } | { kind: 'instant'; at: Date };

export function parseTimePoint(input: string): TimePoint | undefined {
  if (isValidLocalDate(input)) return { kind: 'date', date: input };
  const match = DATE_TIME_WITH_OFFSET.exec(input);
  if (!match || !isValidLocalDate(match[1])) return undefined;
  const at = new Date(input);
  return Number.isNaN(at.getTime()) ? undefined : { kind: 'instant', at };
}

/** When something due on `input` becomes late: the end of that day, or the exact instant. */
export function dueInstant(input: string): Date | undefined {
  const point = parseTimePoint(input);
  if (!point) return undefined;
  return point.kind === 'date' ? endOfLocalDay(point.date) : point.at;
}

/** When something starting on `input` begins: the start of that day, or the exact instant. */
export function startInstant(input: string): Date | undefined {
  const point = parseTimePoint(input);
  if (!point) return undefined;
  return point.kind === 'date' ? startOfLocalDay(point.date) : point.at;
}

export function iso(date: Date): Instant {
  return date.toISOString();
}

export function isAfter(a: Instant | Date, b: Instant | Date): boolean {
  return new Date(a).getTime() > new Date(b).getTime();
}

export function localDateOf(instant: Instant | Date): string {
  return toLocalDate(new Date(instant));
}
