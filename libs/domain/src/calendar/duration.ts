const MS_PER_SECOND = 1000;
const MS_PER_MINUTE = 60 * MS_PER_SECOND;
const MS_PER_HOUR = 60 * MS_PER_MINUTE;
const MS_PER_DAY = 24 * MS_PER_HOUR;
const MS_PER_WEEK = 7 * MS_PER_DAY;

/**
 * `PnW`, or `PnDTnHnMnS` with any of the parts left out (at least one present, and at least
 * one time part after a `T`). Only the seconds may have a fraction (`.` or `,`, up to 9
 * digits). Years and months (`P1Y`, `P1M`) are not accepted: their length in milliseconds
 * depends on the date they start from. Weeks cannot be combined with other parts.
 */
const WEEKS = /^P(\d+)W$/;
const DAY_TIME = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)(?:[.,](\d{1,9}))?S)?)?$/;

/**
 * The length of an ISO 8601 duration in milliseconds, or `undefined` when the text is not a
 * duration we accept: malformed, negative, zero, or using years or months. A day is exactly
 * 24 hours (Asia/Ho_Chi_Minh has no daylight saving time). Fractions of a second are rounded
 * to the nearest millisecond, so anything shorter than half a millisecond counts as zero.
 *
 * parseIsoDuration('PT5S') === 5000; parseIsoDuration('P1DT2H') === 93_600_000;
 * parseIsoDuration('P1M') === undefined; parseIsoDuration('5S') === undefined.
 */
export function parseIsoDuration(s: string): number | undefined {
  if (typeof s !== 'string') return undefined;
  const weeks = WEEKS.exec(s);
  if (weeks) return positiveSafe(Number(weeks[1]) * MS_PER_WEEK);

  const match = DAY_TIME.exec(s);
  if (!match) return undefined;
  const [, days, hours, minutes, seconds, fraction] = match;
  if (days === undefined && hours === undefined && minutes === undefined && seconds === undefined) return undefined; // 'P', 'PT'
  const timePart = s.indexOf('T');
  if (timePart !== -1 && hours === undefined && minutes === undefined && seconds === undefined) return undefined; // 'P1DT'

  const fractionMs = fraction === undefined ? 0 : Math.round(Number(fraction.padEnd(9, '0')) / 1_000_000);
  const total =
    Number(days ?? 0) * MS_PER_DAY +
    Number(hours ?? 0) * MS_PER_HOUR +
    Number(minutes ?? 0) * MS_PER_MINUTE +
    Number(seconds ?? 0) * MS_PER_SECOND +
    fractionMs;
  return positiveSafe(total);
}

function positiveSafe(ms: number): number | undefined {
  return Number.isSafeInteger(ms) && ms > 0 ? ms : undefined;
}
