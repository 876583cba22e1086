/** Property formats every part of the inspection's OpenAPI description uses. */
export const INSTANT = { format: 'date-time', example: '2023-08-07T01:30:00.000Z' } as const;
export const DAY_OR_INSTANT = 'As given: a calendar day (YYYY-MM-DD, Asia/Ho_Chi_Minh) or a date-time with an offset.';
