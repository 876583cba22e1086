const HCM_OFFSET_MS = 7 * 3600_000;

/** A calendar date (YYYY-MM-DD, Asia/Ho_Chi_Minh) some days from today. */
export function inDays(days: number, from = new Date()): string {
  return new Date(from.getTime() + HCM_OFFSET_MS + days * 86_400_000).toISOString().slice(0, 10);
}

/** An exact instant some seconds from now, as an ISO date-time with offset. */
export function inSeconds(seconds: number, from = new Date()): string {
  return new Date(from.getTime() + seconds * 1000).toISOString();
}
