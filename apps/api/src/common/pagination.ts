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

/** Keyset cursors: the sort key and id of the last row, base64url-encoded. */
export interface CursorPosition {
  readonly key: string;
  readonly id: string;
}

export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([position.key, position.id])).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): CursorPosition | undefined {
  if (!cursor) return undefined;
  try {
    const [key, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof key === 'string' && typeof id === 'string' && key.length < 100 && /^[0-9a-f-]{1,64}$/.test(id)) return { key, id };
  } catch {
    // fall through: a cursor we did not make
  }
  throw problems.badRequest('The cursor is not valid.', [{ field: 'cursor', message: 'must be a cursor returned by a previous page' }]);
}

export function pageLimit(query: PageQuery): number {
  return query.limit ?? 50;
}

/** Fetch limit + 1 rows; this turns them into a page and its next cursor. */
export function toPage<R, T>(rows: R[], limit: number, keyOf: (row: R) => CursorPosition, map: (row: R) => T): Page<T> {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  return { items: pageRows.map(map), nextCursor: hasMore ? encodeCursor(keyOf(pageRows[pageRows.length - 1])) : null };
}
