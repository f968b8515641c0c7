import { BadRequestException } from '@nestjs/common';
import type { Page } from '@aula/contracts';

/** Opaque keyset cursors: base64url of the sort key of the last row. */
export function encodeCursor(values: (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Decodes a cursor whose last value is a row id (uuid); a 400 naming `field` otherwise. */
export function decodeCursor(cursor: string, length: number, field = 'cursor'): string[] {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === length && values.every((v) => typeof v === 'string') && UUID.test(values[length - 1])) {
      return values as string[];
    }
  } catch {
    // fall through
  }
  throw new BadRequestException({ message: 'The cursor is not valid.', errors: [{ path: field, message: 'is not a valid cursor' }] });
}

/**
 * One page of a keyset query that read `limit + 1` rows: the first `limit` as views, and the
 * cursor of the last one (its sort key from `keyOf`) when a further row exists.
 */
export function keysetPage<R, V>(
  rows: R[],
  limit: number,
  view: (row: R) => V,
  keyOf: (last: R) => (string | number)[],
): Page<V> {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { items: page.map(view), nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null };
}
