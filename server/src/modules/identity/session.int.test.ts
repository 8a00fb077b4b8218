import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database';
import { addTestMember, createTeam, createTestClock, createTestDeps } from './identity.fixtures';
import { ForbiddenError, UnauthenticatedError } from './identity.model';
import { hashToken } from './secure-token';
import {
  createSession,
  endAllSessions,
  endSession,
  resolveSession,
  sessionPolicy,
  switchWorkspace,
} from './session.service';

let database: TestDatabase;
let deps: ReturnType<typeof createTestDeps>;
const clock = createTestClock();
const hour = 3600 * 1000;
const day = 24 * hour;

beforeAll(async () => {
  database = await createTestDatabase();
  deps = createTestDeps(database.prisma, clock);
});
afterAll(async () => {
  await database.drop();
});

describe('sessions', () => {
  it('issues a 32-byte token and stores only its SHA-256 with a CSRF secret', async () => {
    const team = await createTeam(deps, 'Session Shop');
    const issued = await createSession(deps, team.owner.id, { userAgent: 'Vitest', ip: '192.0.2.1' });
    expect(issued.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(issued.token, 'base64url')).toHaveLength(32);
    const rows = await database.prisma.portalSession.findMany({ where: { userId: team.owner.id } });
    expect(JSON.stringify(rows)).not.toContain(issued.token);
    const row = rows.find((candidate) => candidate.tokenHash === hashToken(issued.token));
    expect(row).toMatchObject({ csrfSecret: issued.csrfSecret, userAgent: 'Vitest', ip: '192.0.2.1' });
    expect(row?.expiresAt.getTime()).toBe(clock().getTime() + sessionPolicy.lifetimeMs);

    const resolved = await resolveSession(deps, issued.token);
    expect(resolved).toMatchObject({
      user: { id: team.owner.id, email: team.owner.email },
      activeWorkspaceId: team.workspaceId,
      csrfSecret: issued.csrfSecret,
      refreshed: false,
      memberships: [{ workspaceId: team.workspaceId, workspaceName: 'Session Shop', role: 'owner' }],
    });
  });

  it('resolves nothing for unknown, malformed or missing tokens', async () => {
    for (const token of [undefined, null, '', 'short', 'x'.repeat(43), `${'A'.repeat(42)}!`]) {
      expect(await resolveSession(deps, token)).toBeNull();
    }
  });

  it('expires after 14 days without use, and deletes the expired row', async () => {
    const team = await createTeam(deps, 'Expiring Shop');
    clock.advance(sessionPolicy.lifetimeMs - 1);
    expect(await resolveSession(deps, team.token)).not.toBeNull();
    // That use slid the expiry forward; now stay away for the whole lifetime.
    clock.advance(sessionPolicy.lifetimeMs);
    expect(await resolveSession(deps, team.token)).toBeNull();
    expect(await database.prisma.portalSession.count({ where: { tokenHash: hashToken(team.token) } })).toBe(0);
  });

  it('slides the expiry on use, writing at most once a day', async () => {
    const team = await createTeam(deps, 'Sliding Shop');
    const created = clock().getTime();
    const first = await resolveSession(deps, team.token);
    expect(first?.refreshed).toBe(false);

    clock.advance(12 * hour);
    const sameDay = await resolveSession(deps, team.token);
    expect(sameDay?.refreshed).toBe(false);
    expect(sameDay?.expiresAt.getTime()).toBe(created + sessionPolicy.lifetimeMs);

    clock.advance(13 * hour);
    const nextDay = await resolveSession(deps, team.token);
    expect(nextDay?.refreshed).toBe(true);
    expect(nextDay?.expiresAt.getTime()).toBe(clock().getTime() + sessionPolicy.lifetimeMs);

    // Used daily, the session outlives the 14 days since login.
    for (let dayIndex = 0; dayIndex < 15; dayIndex++) {
      clock.advance(day + hour);
      expect(await resolveSession(deps, team.token)).not.toBeNull();
    }
    expect(clock().getTime() - created).toBeGreaterThan(sessionPolicy.lifetimeMs);
  });

  it('lets exactly one of many parallel requests slide the expiry', async () => {
    const team = await createTeam(deps, 'Parallel Shop');
    clock.advance(day + hour);
    const results = await Promise.all(Array.from({ length: 8 }, () => resolveSession(deps, team.token)));
    expect(results.filter((result) => result?.refreshed)).toHaveLength(1);
    expect(results.every((result) => result !== null)).toBe(true);
  });

  it('ends one session, or all of a user', async () => {
    const team = await createTeam(deps, 'Logout Shop');
    const second = await createSession(deps, team.owner.id);
    await endSession(deps, team.token);
    expect(await resolveSession(deps, team.token)).toBeNull();
    expect(await resolveSession(deps, second.token)).not.toBeNull();
    await endSession(deps, team.token);
    await endSession(deps, 'garbage');
    expect(await endAllSessions(deps, team.owner.id)).toBe(1);
    expect(await resolveSession(deps, second.token)).toBeNull();
  });

  it('switches between the workspaces a user belongs to', async () => {
    const first = await createTeam(deps, 'First Team');
    const second = await createTeam(deps, 'Second Team');
    await database.prisma.membership.create({
      data: { workspaceId: second.workspaceId, userId: first.owner.id, role: 'agent' },
    });
    const switched = await switchWorkspace(deps, first.token, second.workspaceId);
    expect(switched.activeWorkspaceId).toBe(second.workspaceId);
    expect((await resolveSession(deps, first.token))?.activeWorkspaceId).toBe(second.workspaceId);
    await expect(switchWorkspace(deps, 'not-a-session', second.workspaceId)).rejects.toThrow(UnauthenticatedError);
  });

  it('refuses to switch to a workspace the user does not belong to', async () => {
    const mine = await createTeam(deps, 'Mine');
    const theirs = await createTeam(deps, 'Theirs');
    await expect(switchWorkspace(deps, mine.token, theirs.workspaceId)).rejects.toThrow(ForbiddenError);
    await expect(switchWorkspace(deps, mine.token, '00000000-0000-7000-8000-000000000000')).rejects.toThrow(
      ForbiddenError,
    );
    expect((await resolveSession(deps, mine.token))?.activeWorkspaceId).toBe(mine.workspaceId);
  });

  it('falls back to another workspace when removed from the active one', async () => {
    const home = await createTeam(deps, 'Home');
    const away = await createTeam(deps, 'Away');
    const member = await addTestMember(deps, home.workspaceId, 'agent');
    await database.prisma.membership.create({
      data: { workspaceId: away.workspaceId, userId: member.user.id, role: 'viewer' },
    });
    expect((await resolveSession(deps, member.token))?.activeWorkspaceId).toBe(home.workspaceId);
    await database.prisma.membership.delete({
      where: { workspaceId_userId: { workspaceId: home.workspaceId, userId: member.user.id } },
    });
    const resolved = await resolveSession(deps, member.token);
    expect(resolved?.activeWorkspaceId).toBe(away.workspaceId);
    expect(resolved?.memberships.map((membership) => membership.workspaceId)).toEqual([away.workspaceId]);
  });
});
