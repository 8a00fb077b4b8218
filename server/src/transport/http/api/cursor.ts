import { z } from 'zod';
import { HttpError } from '../errors';

/**
 * Cursor pagination. Lists run in (createdAt, id) order and the cursor is the
 * last row's sort key, base64url-encoded JSON: opaque to clients, readable by
 * us, and free of server state. A page never repeats or skips a row, even if
 * rows are added meanwhile (they sort after the rows already read).
 */
export interface SortKey {
  createdAt: Date;
  id: string;
}

export const pageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(25).describe('Rows per page, 1–100.'),
  cursor: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe('`nextCursor` from the previous page; omit for the first page.'),
});

const sortKeySchema = z.tuple([z.iso.datetime(), z.uuid()]);

export function encodeCursor(row: SortKey): string {
  return Buffer.from(JSON.stringify([row.createdAt.toISOString(), row.id])).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): SortKey | undefined {
  if (cursor === undefined) return undefined;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    decoded = undefined;
  }
  const parsed = sortKeySchema.safeParse(decoded);
  if (!parsed.success) {
    throw new HttpError(400, 'invalid_cursor', 'The cursor is not one this API gave out; start again without it.');
  }
  return { createdAt: new Date(parsed.data[0]), id: parsed.data[1] };
}

/** `{ data, nextCursor }`: nextCursor is null on the last page. */
export function toPage<Row extends SortKey, Wire>(
  page: { items: Row[]; hasMore: boolean },
  toWire: (row: Row) => Wire,
): { data: Wire[]; nextCursor: string | null } {
  const last = page.items.at(-1);
  return { data: page.items.map(toWire), nextCursor: page.hasMore && last ? encodeCursor(last) : null };
}
