import { Transform } from 'class-transformer';

/** Trims strings at the edge, so "  " counts as empty and stored text never carries stray blanks. */
export const Trim = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

/** Bounds for free text, shared by every DTO. */
export const TEXT = { short: 200, medium: 1000, long: 10_000 } as const;

/** A calendar date or a date-time with an offset (see the README's API changelog). */
export const DATE_OR_DATETIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;
export const DATE_OR_DATETIME_MESSAGE = 'must be a date (YYYY-MM-DD) or a date-time with an offset (ISO 8601)';
