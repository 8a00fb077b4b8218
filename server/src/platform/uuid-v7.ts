import { randomBytes } from 'node:crypto';

/** RFC 9562 version 7 ids, as Prisma's `uuid(7)` default makes them, for rows inserted with plain SQL. */
export function uuidV7(): string {
  const bytes = randomBytes(16);
  let time = Date.now();
  for (let i = 5; i >= 0; i--) {
    bytes[i] = time % 256;
    time = Math.floor(time / 256);
  }
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x70;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
