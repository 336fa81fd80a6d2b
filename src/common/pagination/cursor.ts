import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { ProblemError } from '../errors/problem';
import { ID_PATTERN } from '../ids';

/** `?limit=&cursor=` for every list route. */
export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ description: "opaque cursor from a previous page's nextCursor" })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'is not a valid cursor' })
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** A keyset position: the sort value(s) of the last item returned. */
export type CursorKey = (string | number)[];

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/** What one position of a cursor holds: a Provisio id, a non-negative integer (a sequence), or a timestamp. */
export type CursorKind = 'id' | 'int' | 'time';

/** Any value of a cursor we issue: ids, ISO timestamps, sequence numbers. */
const CURSOR_TOKEN = /^[A-Za-z0-9_.:+-]{1,64}$/;

function fits(v: unknown, kind: CursorKind | undefined): boolean {
  if (kind === 'id') return typeof v === 'string' && ID_PATTERN.test(v);
  if (kind === 'time') return typeof v === 'string' && CURSOR_TOKEN.test(v) && !Number.isNaN(Date.parse(v)) && new Date(v).toISOString() === v;
  const int = typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
  return kind === 'int' ? int : int || (typeof v === 'string' && CURSOR_TOKEN.test(v));
}

/**
 * The key of a cursor, or INVALID_CURSOR for anything we did not issue. `shape` is the number of
 * values, or better their kinds (`['time', 'id']`), so a forged value never reaches a SQL cast.
 */
export function decodeCursor(cursor: string | undefined, shape: number | readonly CursorKind[]): CursorKey | undefined {
  if (!cursor) return undefined;
  const kinds = typeof shape === 'number' ? undefined : shape;
  const arity = kinds ? kinds.length : (shape as number);
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === arity && key.every((k, i) => fits(k, kinds?.[i]))) return key;
  } catch {
    /* fall through */
  }
  throw new ProblemError('INVALID_CURSOR');
}

export function pageLimit(q: PageQuery | undefined, fallback = 50): number {
  return q?.limit ?? fallback;
}

/**
 * Turns rows fetched with `LIMIT limit + 1` into a page: the extra row only tells us there is a
 * next page, and the cursor is the key of the last row returned.
 */
export function toPage<R, T = R>(rows: R[], limit: number, keyOf: (row: R) => CursorKey, map?: (row: R) => T): Page<T> {
  const more = rows.length > limit;
  const slice = more ? rows.slice(0, limit) : rows;
  return {
    items: map ? slice.map(map) : (slice as unknown as T[]),
    nextCursor: more && slice.length ? encodeCursor(keyOf(slice[slice.length - 1])) : null,
  };
}
