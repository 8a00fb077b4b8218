import type { Prisma, PrismaClient } from '@prisma/client';

/** Portal sessions, found only by the SHA-256 of the cookie's token. */
type Db = PrismaClient | Prisma.TransactionClient;

export interface SessionRow {
  id: string;
  userId: string;
  activeWorkspaceId: string | null;
  csrfSecret: string;
  expiresAt: Date;
  lastSeenAt: Date;
}

const sessionColumns = {
  id: true,
  userId: true,
  activeWorkspaceId: true,
  csrfSecret: true,
  expiresAt: true,
  lastSeenAt: true,
} as const;

export async function insertSession(
  db: Db,
  input: {
    tokenHash: string;
    userId: string;
    activeWorkspaceId: string | null;
    csrfSecret: string;
    userAgent: string | null;
    ip: string | null;
    expiresAt: Date;
    now: Date;
  },
): Promise<void> {
  const { now, ...data } = input;
  await db.portalSession.create({ data: { ...data, lastSeenAt: now, createdAt: now } });
}

export async function findSessionByTokenHash(db: Db, tokenHash: string): Promise<SessionRow | null> {
  return db.portalSession.findUnique({ where: { tokenHash }, select: sessionColumns });
}

/** Slides the expiry; a no-op when another request already did so since `seenBefore`. */
export async function extendSession(
  db: Db,
  sessionId: string,
  input: { expiresAt: Date; now: Date; seenBefore: Date },
): Promise<boolean> {
  const result = await db.portalSession.updateMany({
    where: { id: sessionId, lastSeenAt: { lt: input.seenBefore } },
    data: { expiresAt: input.expiresAt, lastSeenAt: input.now },
  });
  return result.count === 1;
}

export async function setActiveWorkspace(db: Db, sessionId: string, workspaceId: string | null): Promise<void> {
  await db.portalSession.updateMany({ where: { id: sessionId }, data: { activeWorkspaceId: workspaceId } });
}

export async function deleteSessionById(db: Db, sessionId: string): Promise<void> {
  await db.portalSession.deleteMany({ where: { id: sessionId } });
}

export async function deleteSessionByTokenHash(db: Db, tokenHash: string): Promise<void> {
  await db.portalSession.deleteMany({ where: { tokenHash } });
}

export async function deleteSessionsOfUser(db: Db, userId: string): Promise<number> {
  return (await db.portalSession.deleteMany({ where: { userId } })).count;
}

/** For a periodic cleanup job: sessions nobody can use any more. */
export async function deleteExpiredSessions(db: Db, now: Date): Promise<number> {
  return (await db.portalSession.deleteMany({ where: { expiresAt: { lte: now } } })).count;
}
