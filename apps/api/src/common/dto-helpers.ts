import { Transform } from 'class-transformer';
import { ValidateBy } from 'class-validator';
import { parseTimePoint } from '@inspectorate/domain';

/** Trims strings at the edge, so "  " counts as empty and stored text never carries stray blanks. */
export const Trim = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

/** A calendar date or a date-time with an offset (see the README's API changelog). */
export const DATE_OR_DATETIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;
export const DATE_OR_DATETIME_MESSAGE = 'must be a date (YYYY-MM-DD) or a date-time with an offset (ISO 8601) that exists';

/**
 * A calendar date or a date-time with an offset that exists: the pattern alone lets through
 * 2023-02-30 or 25:00, which would then only be refused deep in the domain (or not at all).
 */
export const IsDateOrDateTime = () =>
  ValidateBy({
    name: 'isDateOrDateTime',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && DATE_OR_DATETIME.test(value) && parseTimePoint(value) !== undefined,
      defaultMessage: () => DATE_OR_DATETIME_MESSAGE,
    },
  });
