import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database';
import { addTestMember, createTeam, createTestDeps } from './identity.fixtures';
import { ForbiddenError, LastOwnerError, MemberNotFoundError, RoleCeilingError } from './identity.model';
import { changeMemberRole, listMembers, removeMember, transferOwnership } from './member.service';
import { lockWorkspaceMembers, updateMemberRole } from './membership.repo';

let database: TestDatabase;
let deps: ReturnType<typeof createTestDeps>;

beforeAll(async () => {
  database = await createTestDatabase();
  deps = createTestDeps(database.prisma);
});
afterAll(async () => {
  await database.drop();
});

async function teamWithEveryRole(name: string) {
  const team = await createTeam(deps, name);
  const owner = { user: team.owner, actor: { userId: team.owner.id, workspaceId: team.workspaceId } };
  const admin = await addTestMember(deps, team.workspaceId, 'admin');
  const agent = await addTestMember(deps, team.workspaceId, 'agent');
  const viewer = await addTestMember(deps, team.workspaceId, 'viewer');
  return { workspaceId: team.workspaceId, owner, admin, agent, viewer };
}

async function roleOf(workspaceId: string, userId: string) {
  return (await database.prisma.membership.findUnique({ where: { workspaceId_userId: { workspaceId, userId } } }))
    ?.role;
}

describe('members', () => {
  it('lists members with their roles to every member', async () => {
    const team = await teamWithEveryRole('List Shop');
    for (const member of [team.owner, team.admin, team.agent, team.viewer]) {
      const members = await listMembers(deps, member.actor);
      expect(members.map((row) => row.role)).toEqual(['owner', 'admin', 'agent', 'viewer']);
      expect(members[0]).toMatchObject({ userId: team.owner.user.id, email: team.owner.user.email });
    }
  });

  it('lets owners and admins change roles up to their own, and audits it', async () => {
    const team = await teamWithEveryRole('Roles Shop');
    await changeMemberRole(deps, team.admin.actor, { userId: team.viewer.user.id, role: 'agent' });
    expect(await roleOf(team.workspaceId, team.viewer.user.id)).toBe('agent');
    await expect(
      changeMemberRole(deps, team.admin.actor, { userId: team.viewer.user.id, role: 'owner' }),
    ).rejects.toThrow(RoleCeilingError);
    await changeMemberRole(deps, team.owner.actor, { userId: team.agent.user.id, role: 'owner' });
    expect(await roleOf(team.workspaceId, team.agent.user.id)).toBe('owner');
    const audit = await database.prisma.auditLog.findMany({
      where: { workspaceId: team.workspaceId, action: 'member.role_changed' },
      orderBy: { createdAt: 'asc' },
    });
    expect(audit.map((row) => row.data)).toEqual([
      { from: 'viewer', to: 'agent' },
      { from: 'agent', to: 'owner' },
    ]);
  });

  it('does not let an admin demote or remove an owner', async () => {
    const team = await teamWithEveryRole('Admin Shop');
    await expect(
      changeMemberRole(deps, team.admin.actor, { userId: team.owner.user.id, role: 'viewer' }),
    ).rejects.toThrow(RoleCeilingError);
    await expect(removeMember(deps, team.admin.actor, { userId: team.owner.user.id })).rejects.toThrow(
      RoleCeilingError,
    );
    expect(await roleOf(team.workspaceId, team.owner.user.id)).toBe('owner');
  });

  it('does not let agents or viewers manage the team', async () => {
    const team = await teamWithEveryRole('Staff Shop');
    for (const member of [team.agent, team.viewer]) {
      await expect(
        changeMemberRole(deps, member.actor, { userId: team.viewer.user.id, role: 'viewer' }),
      ).rejects.toThrow(ForbiddenError);
      await expect(removeMember(deps, member.actor, { userId: team.admin.user.id })).rejects.toThrow(ForbiddenError);
    }
  });

  it('never leaves a workspace without an owner', async () => {
    const team = await teamWithEveryRole('Owner Shop');
    await expect(
      changeMemberRole(deps, team.owner.actor, { userId: team.owner.user.id, role: 'admin' }),
    ).rejects.toThrow(LastOwnerError);
    await expect(removeMember(deps, team.owner.actor, { userId: team.owner.user.id })).rejects.toThrow(LastOwnerError);

    // Two owners demoting at the same moment. The first holds its transaction open
    // after demoting the other owner; the second (the remaining owner demoting
    // themselves) must wait for it and then see that it is the last owner.
    await changeMemberRole(deps, team.owner.actor, { userId: team.admin.user.id, role: 'owner' });
    let ready!: () => void;
    let release!: () => void;
    const locked = new Promise<void>((resolve) => {
      ready = resolve;
    });
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const first = database.prisma.$transaction(async (tx) => {
      await lockWorkspaceMembers(tx, team.workspaceId);
      await updateMemberRole(tx, team.workspaceId, team.admin.user.id, 'admin');
      ready();
      await released;
    });
    await locked;
    const second = changeMemberRole(deps, team.owner.actor, { userId: team.owner.user.id, role: 'admin' });
    const settledEarly = await Promise.race([
      second.then(
        () => true,
        () => true,
      ),
      new Promise((resolve) => setTimeout(() => resolve(false), 150)),
    ]);
    expect(settledEarly).toBe(false);
    release();
    await first;
    await expect(second).rejects.toThrow(LastOwnerError);
    expect(await database.prisma.membership.count({ where: { workspaceId: team.workspaceId, role: 'owner' } })).toBe(1);
  });

  it('removes members, lets anyone leave, and audits it', async () => {
    const team = await teamWithEveryRole('Remove Shop');
    await removeMember(deps, team.admin.actor, { userId: team.agent.user.id });
    await removeMember(deps, team.viewer.actor, { userId: team.viewer.user.id });
    expect((await listMembers(deps, team.owner.actor)).map((member) => member.role)).toEqual(['owner', 'admin']);
    await expect(removeMember(deps, team.owner.actor, { userId: team.agent.user.id })).rejects.toThrow(
      MemberNotFoundError,
    );
    const removed = await database.prisma.auditLog.findMany({
      where: { workspaceId: team.workspaceId, action: 'member.removed' },
    });
    expect(removed.map((row) => row.data)).toEqual(
      expect.arrayContaining([
        { role: 'agent', left: false },
        { role: 'viewer', left: true },
      ]),
    );
  });

  it('transfers ownership: only an owner can, and becomes an admin', async () => {
    const team = await teamWithEveryRole('Transfer Shop');
    await expect(transferOwnership(deps, team.admin.actor, { userId: team.admin.user.id })).rejects.toThrow(
      ForbiddenError,
    );
    await transferOwnership(deps, team.owner.actor, { userId: team.agent.user.id });
    expect(await roleOf(team.workspaceId, team.agent.user.id)).toBe('owner');
    expect(await roleOf(team.workspaceId, team.owner.user.id)).toBe('admin');
    expect(
      await database.prisma.auditLog.count({
        where: { workspaceId: team.workspaceId, action: 'workspace.ownership_transferred' },
      }),
    ).toBe(1);
  });

  it('treats a malformed member id as not found', async () => {
    const team = await teamWithEveryRole('Malformed Shop');
    await expect(removeMember(deps, team.owner.actor, { userId: 'not-a-uuid' })).rejects.toThrow(MemberNotFoundError);
  });
});
