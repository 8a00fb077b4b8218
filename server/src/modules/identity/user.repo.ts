import type { Prisma, PrismaClient } from '@prisma/client';
import type { SessionUser } from './identity.model';

type Db = PrismaClient | Prisma.TransactionClient;

export interface UserWithPassword extends SessionUser {
  passwordHash: string | null;
}

const withPassword = { id: true, email: true, name: true, passwordHash: true } as const;

/** `email` must already be lower-cased (the schemas do it). */
export async function findUserByEmail(db: Db, email: string): Promise<UserWithPassword | null> {
  return db.user.findUnique({ where: { email }, select: withPassword });
}

export async function findUserById(db: Db, userId: string): Promise<UserWithPassword | null> {
  return db.user.findUnique({ where: { id: userId }, select: withPassword });
}

export async function createUser(
  db: Db,
  input: { email: string; name: string; passwordHash: string },
): Promise<SessionUser> {
  return db.user.create({ data: input, select: { id: true, email: true, name: true } });
}

/**
 * Replaces the hash only if it is still `expectedHash` (compare-and-swap), so
 * two uses of one reset link racing each other cannot both succeed.
 */
export async function replacePasswordHash(
  db: Db,
  userId: string,
  expectedHash: string | null,
  newHash: string,
): Promise<boolean> {
  const result = await db.user.updateMany({
    where: { id: userId, passwordHash: expectedHash },
    data: { passwordHash: newHash },
  });
  return result.count === 1;
}
