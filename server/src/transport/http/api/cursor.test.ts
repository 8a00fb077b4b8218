import { describe, expect, it } from 'vitest';
import { HttpError } from '../errors';
import { decodeCursor, encodeCursor, pageQuerySchema, toPage } from './cursor';

describe('cursors', () => {
  const row = { createdAt: new Date('2026-02-03T04:05:06.789Z'), id: '019a0000-0000-7000-8000-000000000001' };

  it('round-trips the last row’s sort key as opaque base64url', () => {
    const cursor = encodeCursor(row);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor)).toEqual(row);
    expect(decodeCursor(undefined)).toBeUndefined();
  });

  it('refuses anything it did not give out with 400 invalid_cursor', () => {
    const forged = [
      'garbage',
      Buffer.from('["yesterday","x"]').toString('base64url'),
      Buffer.from('{"id":1}').toString('base64url'),
    ];
    for (const cursor of forged) {
      expect(() => decodeCursor(cursor)).toThrow(HttpError);
      try {
        decodeCursor(cursor);
      } catch (error) {
        expect(error).toMatchObject({ status: 400, code: 'invalid_cursor' });
      }
    }
  });

  it('gives a next cursor only when there is more', () => {
    expect(toPage({ items: [row], hasMore: true }, (item) => item.id).nextCursor).toBe(encodeCursor(row));
    expect(toPage({ items: [row], hasMore: false }, (item) => item.id)).toEqual({ data: [row.id], nextCursor: null });
  });

  it('takes limit from the query string within 1–100, 25 by default', () => {
    expect(pageQuerySchema.parse({})).toEqual({ limit: 25 });
    expect(pageQuerySchema.parse({ limit: '7' }).limit).toBe(7);
    for (const limit of ['0', '101', '2.5', 'ten']) expect(pageQuerySchema.safeParse({ limit }).success).toBe(false);
  });
});
