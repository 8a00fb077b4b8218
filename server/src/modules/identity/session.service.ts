import { currentTime, type IdentityDeps } from './identity.deps';
import {
  ForbiddenError,
  type IssuedSession,
  type RequestMeta,
  type ResolvedSession,
  UnauthenticatedError,
} from './identity.model';
import { listMembershipsOfUser } from './membership.repo';
import { createRandomToken, hashToken, isWellFormedToken } from './secure-token';
import {
  deleteSessionById,
  deleteSessionByTokenHash,
  deleteSessionsOfUser,
  extendSession,
  findSessionByTokenHash,
  insertSession,
  setActiveWorkspace,
} from './session.repo';
import { findUserById } from './user.repo';

/**
 * Database sessions. The cookie carries 32 random bytes; the table holds only
 * their SHA-256, so a leaked database dump opens no sessions. Expiry slides:
 * each use pushes it to 14 days out, but at most one write a day per session,
 * because every portal request resolves the session.
 */
export const sessionPolicy = {
  lifetimeMs: 14 * 24 * 3600 * 1000,
  refreshAfterMs: 24 * 3600 * 1000,
} as const;

type Deps = Pick<IdentityDeps, 'prisma' | 'clock'>;

export async function createSession(deps: Deps, userId: string, meta: RequestMeta = {}): Promise<IssuedSession> {
  const now = currentTime(deps);
  const token = createRandomToken();
  const csrfSecret = createRandomToken();
  const expiresAt = new Date(now.getTime() + sessionPolicy.lifetimeMs);
  const [first] = await listMembershipsOfUser(deps.prisma, userId);
  await insertSession(deps.prisma, {
    tokenHash: hashToken(token),
    userId,
    activeWorkspaceId: first?.workspaceId ?? null,
    csrfSecret,
    userAgent: meta.userAgent?.slice(0, 512) ?? null,
    ip: meta.ip?.slice(0, 64) ?? null,
    expiresAt,
    now,
  });
  return { token, csrfSecret, expiresAt };
}

/** The signed-in user behind a cookie's token, or null (an expired session is deleted on the way). */
export async function resolveSession(deps: Deps, token: string | null | undefined): Promise<ResolvedSession | null> {
  if (!isWellFormedToken(token)) return null;
  const now = currentTime(deps);
  const session = await findSessionByTokenHash(deps.prisma, hashToken(token));
  if (!session) return null;
  if (session.expiresAt.getTime() <= now.getTime()) {
    await deleteSessionById(deps.prisma, session.id);
    return null;
  }
  const user = await findUserById(deps.prisma, session.userId);
  if (!user) return null;
  const memberships = await listMembershipsOfUser(deps.prisma, user.id);

  let expiresAt = session.expiresAt;
  let refreshed = false;
  if (now.getTime() - session.lastSeenAt.getTime() >= sessionPolicy.refreshAfterMs) {
    const next = new Date(now.getTime() + sessionPolicy.lifetimeMs);
    const seenBefore = new Date(now.getTime() - sessionPolicy.refreshAfterMs + 1);
    // Parallel requests race here; the conditional update lets exactly one of them write.
    if (await extendSession(deps.prisma, session.id, { expiresAt: next, now, seenBefore })) {
      expiresAt = next;
      refreshed = true;
    }
  }

  // The active workspace may have removed this user since the last request: fall back to another.
  let activeWorkspaceId = session.activeWorkspaceId;
  if (!memberships.some((membership) => membership.workspaceId === activeWorkspaceId)) {
    activeWorkspaceId = memberships[0]?.workspaceId ?? null;
    if (activeWorkspaceId !== session.activeWorkspaceId) {
      await setActiveWorkspace(deps.prisma, session.id, activeWorkspaceId);
    }
  }

  return {
    sessionId: session.id,
    csrfSecret: session.csrfSecret,
    expiresAt,
    refreshed,
    user: { id: user.id, email: user.email, name: user.name },
    memberships,
    activeWorkspaceId,
  };
}

/** Logs out; unknown or malformed tokens are ignored, so logging out twice is harmless. */
export async function endSession(deps: Deps, token: string | null | undefined): Promise<void> {
  if (!isWellFormedToken(token)) return;
  await deleteSessionByTokenHash(deps.prisma, hashToken(token));
}

/** Logs a user out everywhere (after a password reset, or from a "sign out all devices" button). */
export async function endAllSessions(deps: Deps, userId: string): Promise<number> {
  return deleteSessionsOfUser(deps.prisma, userId);
}

/** Makes another of the user's workspaces the active one; never one they do not belong to. */
export async function switchWorkspace(
  deps: Deps,
  token: string | null | undefined,
  workspaceId: string,
): Promise<ResolvedSession> {
  const session = await resolveSession(deps, token);
  if (!session) throw new UnauthenticatedError();
  if (!session.memberships.some((membership) => membership.workspaceId === workspaceId)) {
    throw new ForbiddenError('You are not a member of that workspace.');
  }
  await setActiveWorkspace(deps.prisma, session.sessionId, workspaceId);
  return { ...session, activeWorkspaceId: workspaceId };
}
