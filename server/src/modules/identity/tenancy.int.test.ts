import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database';
import { addTestMember, createTeam, createTestDeps, uniqueEmail } from './identity.fixtures';
import { ForbiddenError, InvitationNotFoundError, MemberNotFoundError, type roles } from './identity.model';
import { inviteMember, listInvitations, revokeInvitation } from './invitation.service';
import { describeInvitation } from './invitation-accept.service';
import { changeMemberRole, listMembers, removeMember, transferOwnership } from './member.service';
import { permissionNames } from './role-permissions';
import { resolveSession, switchWorkspace } from './session.service';
import { authorizeWorkspace, withWorkspace } from './workspace-access';

/**
 * TENANCY: a member of workspace A — whatever their role — can never switch to,
 * act on, or read the team of workspace B, whether by asking for B outright, by
 * forging an actor that claims B, or by passing B's ids to A's context.
 */
let database: TestDatabase;
let deps: ReturnType<typeof createTestDeps>;
let a: Awaited<ReturnType<typeof createTeam>>;
let b: Awaited<ReturnType<typeof createTeam>>;
let bMember: Awaited<ReturnType<typeof addTestMember>>;
let bInvitationId: string;
let bInvitationToken: string;
const aMembers: Array<{ role: (typeof roles)[number]; token: string; userId: string }> = [];

async function snapshotOfB() {
  const [memberships, invitations] = await Promise.all([
    database.prisma.membership.findMany({ where: { workspaceId: b.workspaceId }, orderBy: { userId: 'asc' } }),
    database.prisma.invitation.findMany({ where: { workspaceId: b.workspaceId }, orderBy: { id: 'asc' } }),
  ]);
  return JSON.stringify({ memberships, invitations });
}

beforeAll(async () => {
  database = await createTestDatabase();
  deps = createTestDeps(database.prisma);
  a = await createTeam(deps, 'Workspace A');
  b = await createTeam(deps, 'Workspace B');
  bMember = await addTestMember(deps, b.workspaceId, 'agent');
  const invitation = await inviteMember(
    deps,
    { userId: b.owner.id, workspaceId: b.workspaceId },
    { email: uniqueEmail(), role: 'agent' },
  );
  bInvitationId = invitation.invitation.id;
  bInvitationToken = invitation.token;
  aMembers.push({ role: 'owner', token: a.token, userId: a.owner.id });
  for (const role of ['admin', 'agent', 'viewer'] as const) {
    const member = await addTestMember(deps, a.workspaceId, role);
    aMembers.push({ role, token: member.token, userId: member.user.id });
  }
});
afterAll(async () => {
  await database.drop();
});

describe('tenant isolation', () => {
  it('never lets a member of A switch to B', async () => {
    for (const member of aMembers) {
      await expect(switchWorkspace(deps, member.token, b.workspaceId)).rejects.toThrow(ForbiddenError);
      expect((await resolveSession(deps, member.token))?.activeWorkspaceId).toBe(a.workspaceId);
    }
  });

  it('never authorises a member of A for B, with or without a permission', async () => {
    for (const member of aMembers) {
      await expect(authorizeWorkspace(deps, member.token, { workspaceId: b.workspaceId })).rejects.toThrow(
        ForbiddenError,
      );
      for (const permission of permissionNames) {
        await expect(
          authorizeWorkspace(deps, member.token, { workspaceId: b.workspaceId, permission }),
        ).rejects.toThrow(ForbiddenError);
      }
      const handler = withWorkspace(deps, async (context) => context.workspaceId, { workspaceId: b.workspaceId });
      await expect(handler(member.token)).rejects.toThrow(ForbiddenError);
    }
  });

  it('scopes the context to A: its memberships name A only', async () => {
    for (const member of aMembers) {
      const context = await authorizeWorkspace(deps, member.token);
      expect(context.workspaceId).toBe(a.workspaceId);
      expect(context.session.memberships.map((membership) => membership.workspaceId)).toEqual([a.workspaceId]);
    }
  });

  it('refuses every team action by an actor that claims B', async () => {
    const before = await snapshotOfB();
    for (const member of aMembers) {
      const forged = { userId: member.userId, workspaceId: b.workspaceId };
      await expect(listMembers(deps, forged)).rejects.toThrow(ForbiddenError);
      await expect(listInvitations(deps, forged)).rejects.toThrow(ForbiddenError);
      await expect(inviteMember(deps, forged, { email: uniqueEmail(), role: 'viewer' })).rejects.toThrow(
        ForbiddenError,
      );
      await expect(revokeInvitation(deps, forged, bInvitationId)).rejects.toThrow(ForbiddenError);
      await expect(changeMemberRole(deps, forged, { userId: bMember.user.id, role: 'viewer' })).rejects.toThrow(
        ForbiddenError,
      );
      await expect(removeMember(deps, forged, { userId: bMember.user.id })).rejects.toThrow(ForbiddenError);
      await expect(transferOwnership(deps, forged, { userId: member.userId })).rejects.toThrow(ForbiddenError);
    }
    expect(await snapshotOfB()).toBe(before);
  });

  it("cannot reach B's members or invitations through A's own context", async () => {
    const before = await snapshotOfB();
    const owner = { userId: a.owner.id, workspaceId: a.workspaceId };
    await expect(changeMemberRole(deps, owner, { userId: bMember.user.id, role: 'viewer' })).rejects.toThrow(
      MemberNotFoundError,
    );
    await expect(changeMemberRole(deps, owner, { userId: b.owner.id, role: 'viewer' })).rejects.toThrow(
      MemberNotFoundError,
    );
    await expect(removeMember(deps, owner, { userId: bMember.user.id })).rejects.toThrow(MemberNotFoundError);
    await expect(transferOwnership(deps, owner, { userId: b.owner.id })).rejects.toThrow(MemberNotFoundError);
    await expect(revokeInvitation(deps, owner, bInvitationId)).rejects.toThrow(InvitationNotFoundError);
    expect(
      (await listMembers(deps, owner)).every((member) => aMembers.some((mine) => mine.userId === member.userId)),
    ).toBe(true);
    expect(await listInvitations(deps, owner)).toEqual([]);
    expect(await snapshotOfB()).toBe(before);
    await expect(describeInvitation(deps, bInvitationToken)).resolves.toMatchObject({ workspaceName: 'Workspace B' });
  });
});
