import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { problems } from './problem';

export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500)
  limit?: number;

  @ApiPropertyOptional({ description: 'Opaque cursor from a previous page’s nextCursor.' })
  @IsOptional() @Matches(/^[A-Za-z0-9_-]{1,200}$/, { message: 'must be a cursor returned by a previous page' })
  cursor?: string;
}

export interface Page<T> {
  readonly items: T[];
  readonly nextCursor: string | null;
}

/**
 * What one component of a keyset cursor is: the type of a sort column or of a row id. A cursor
 * is client input that ends up as SQL parameters, so each component is checked against the type
 * of the column it is compared with; a value PostgreSQL would refuse never reaches it.
 */
export type CursorPart =
  /** A timestamptz, as `toISOString()` wrote it. */
  | 'timestamp'
  /** A text column (unit code, username): short, printable, well-formed. */
  | 'text'
  /** A non-negative count of rows already returned. */
  | 'count'
  | 'uuid'
  /** A notification's id, `<event id>:<n>`. */
  | 'notificationId';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const MAX_TEXT_KEY = 100;

const PART_CHECKS: Record<CursorPart, (value: string) => boolean> = {
  timestamp: (value) => ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value)) && new Date(value).toISOString() === value,
  text: (value) => value.length > 0 && value.length <= MAX_TEXT_KEY && isPrintable(value),
  count: (value) => /^(0|[1-9]\d{0,8})$/.test(value),
  uuid: (value) => UUID.test(value),
  notificationId: (value) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}:\d{1,3}$/.test(value),
};

/** No control characters (PostgreSQL refuses NUL in text) and no lone surrogates (not encodable as UTF-8). */
function isPrintable(value: string): boolean {
  return !/[\u0000-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(value);
}

/** A cursor: the values of the last row's sort key and id, in order, base64url-encoded JSON. */
export function encodeCursor(parts: readonly string[]): string {
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

/**
 * The parts of a cursor of the given shape, each checked against its type; anything else (a
 * cursor we did not make, or one of another list) is a 400 naming the cursor.
 */
export function decodeCursor<const S extends readonly CursorPart[]>(cursor: string | undefined, shape: S): { [K in keyof S]: string } | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  const fits =
    Array.isArray(parts) &&
    parts.length === shape.length &&
    parts.every((value, index) => typeof value === 'string' && PART_CHECKS[shape[index]](value));
  if (!fits) throw invalidCursor();
  return parts as { [K in keyof S]: string };
}

export function invalidCursor() {
  return problems.badRequest('The cursor is not valid.', [{ field: 'cursor', message: 'must be a cursor returned by a previous page' }]);
}

export function pageLimit(query: PageQuery): number {
  return query.limit ?? 50;
}

/** Fetch limit + 1 rows; this turns them into a page and its next cursor (the last row's key and id). */
export function toPage<R, T>(rows: R[], limit: number, keyOf: (row: R) => readonly string[], map: (row: R) => T): Page<T> {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  return { items: pageRows.map(map), nextCursor: hasMore ? encodeCursor(keyOf(pageRows[pageRows.length - 1])) : null };
}
