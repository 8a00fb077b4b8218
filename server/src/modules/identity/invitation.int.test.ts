import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database';
import {
  addTestMember,
  createTeam,
  createTestClock,
  createTestDeps,
  strongPassword,
  uniqueEmail,
} from './identity.fixtures';
import {
  AlreadyMemberError,
  EmailTakenError,
  ForbiddenError,
  InvitationEmailMismatchError,
  InvitationExpiredError,
  InvitationNotFoundError,
  RoleCeilingError,
  WeakPasswordError,
} from './identity.model';
import { invitationLifetimeMs, inviteMember, listInvitations, revokeInvitation } from './invitation.service';
import { acceptInvitation, describeInvitation } from './invitation-accept.service';
import { logIn } from './login.service';
import { listMembers } from './member.service';
import { hashToken } from './secure-token';

let database: TestDatabase;
let deps: ReturnType<typeof createTestDeps>;
const clock = createTestClock();

beforeAll(async () => {
  database = await createTestDatabase();
  deps = createTestDeps(database.prisma, clock);
});
afterAll(async () => {
  await database.drop();
});

const ownerOf = (team: Awaited<ReturnType<typeof createTeam>>) => ({
  userId: team.owner.id,
  workspaceId: team.workspaceId,
});

describe('invitations', () => {
  it('creates a 7-day link, stores only its hash, emails it and audits it', async () => {
    const team = await createTeam(deps, 'Invite Shop');
    const email = uniqueEmail('invitee');
    const created = await inviteMember(deps, ownerOf(team), { email: email.toUpperCase(), role: 'agent' });
    expect(created.path).toBe(`/invite/${created.token}`);
    expect(created.invitation).toMatchObject({ email, role: 'agent' });
    expect(created.invitation.expiresAt.getTime() - clock().getTime()).toBe(invitationLifetimeMs);
    expect(created.emailed).toBe(true);
    expect(deps.mailer.lastLinkPath(email)).toBe(created.path);

    const row = await database.prisma.invitation.findUniqueOrThrow({ where: { id: created.invitation.id } });
    expect(row.tokenHash).toBe(hashToken(created.token));
    expect(JSON.stringify(row)).not.toContain(created.token);
    const audit = await database.prisma.auditLog.findFirst({
      where: { action: 'invitation.created', targetId: row.id },
    });
    expect(audit).toMatchObject({ workspaceId: team.workspaceId, actorId: team.owner.id });

    expect(await describeInvitation(deps, created.token)).toMatchObject({
      workspaceName: 'Invite Shop',
      email,
      role: 'agent',
      accountExists: false,
    });
  });

  it('lets someone new join with a name and password, once', async () => {
    const team = await createTeam(deps, 'Join Shop');
    const email = uniqueEmail('newcomer');
    const { token } = await inviteMember(deps, ownerOf(team), { email, role: 'viewer' });
    const joined = await acceptInvitation(deps, token, { name: 'Newcomer', password: strongPassword });
    expect(joined).toMatchObject({ workspaceId: team.workspaceId, role: 'viewer', createdUser: true, user: { email } });
    await expect(logIn(deps, { email, password: strongPassword })).resolves.toBeTruthy();
    const members = await listMembers(deps, ownerOf(team));
    expect(members.find((member) => member.email === email)?.role).toBe('viewer');
    await expect(acceptInvitation(deps, token, { name: 'Again', password: strongPassword })).rejects.toThrow(
      InvitationNotFoundError,
    );
    const actions = await database.prisma.auditLog.findMany({
      where: { workspaceId: team.workspaceId, actorId: joined.user.id },
    });
    expect(actions.map((row) => row.action).sort()).toEqual(['invitation.accepted', 'member.added']);
  });

  it('lets an existing user with the invited email join; nobody else', async () => {
    const team = await createTeam(deps, 'Existing Shop');
    const other = await createTeam(deps, 'Other Shop');
    const { token } = await inviteMember(deps, ownerOf(team), { email: other.owner.email, role: 'admin' });
    expect((await describeInvitation(deps, token)).accountExists).toBe(true);
    const stranger = await createTeam(deps, 'Stranger Shop');
    await expect(acceptInvitation(deps, token, { userId: stranger.owner.id })).rejects.toThrow(
      InvitationEmailMismatchError,
    );
    // Someone new cannot take over the existing account's email either.
    await expect(acceptInvitation(deps, token, { name: 'Imposter', password: strongPassword })).rejects.toThrow(
      EmailTakenError,
    );
    const joined = await acceptInvitation(deps, token, { userId: other.owner.id });
    expect(joined).toMatchObject({ createdUser: false, role: 'admin', user: { id: other.owner.id } });
  });

  it('expires after 7 days', async () => {
    const team = await createTeam(deps, 'Expiry Shop');
    const { token } = await inviteMember(deps, ownerOf(team), { email: uniqueEmail(), role: 'agent' });
    clock.advance(invitationLifetimeMs);
    await expect(describeInvitation(deps, token)).rejects.toThrow(InvitationExpiredError);
    await expect(acceptInvitation(deps, token, { name: 'Late', password: strongPassword })).rejects.toThrow(
      InvitationExpiredError,
    );
    expect((await listInvitations(deps, ownerOf(team)))[0]?.status).toBe('expired');
  });

  it('stops working when revoked, and when replaced by a newer invitation', async () => {
    const team = await createTeam(deps, 'Revoke Shop');
    const email = uniqueEmail('revoked');
    const first = await inviteMember(deps, ownerOf(team), { email, role: 'agent' });
    const second = await inviteMember(deps, ownerOf(team), { email, role: 'viewer' });
    await expect(describeInvitation(deps, first.token)).rejects.toThrow(InvitationNotFoundError);
    await revokeInvitation(deps, ownerOf(team), second.invitation.id);
    await expect(acceptInvitation(deps, second.token, { name: 'R', password: strongPassword })).rejects.toThrow(
      InvitationNotFoundError,
    );
    await expect(revokeInvitation(deps, ownerOf(team), second.invitation.id)).rejects.toThrow(InvitationNotFoundError);
    const statuses = (await listInvitations(deps, ownerOf(team))).map((invitation) => invitation.status);
    expect(statuses).toEqual(['revoked', 'revoked']);
    expect(
      await database.prisma.auditLog.count({ where: { action: 'invitation.revoked', workspaceId: team.workspaceId } }),
    ).toBe(1);
  });

  it('caps the role at the inviter’s own and needs team.manage', async () => {
    const team = await createTeam(deps, 'Ceiling Shop');
    const admin = await addTestMember(deps, team.workspaceId, 'admin');
    const agent = await addTestMember(deps, team.workspaceId, 'agent');
    const viewer = await addTestMember(deps, team.workspaceId, 'viewer');
    await expect(inviteMember(deps, admin.actor, { email: uniqueEmail(), role: 'owner' })).rejects.toThrow(
      RoleCeilingError,
    );
    await expect(inviteMember(deps, admin.actor, { email: uniqueEmail(), role: 'admin' })).resolves.toBeTruthy();
    await expect(inviteMember(deps, ownerOf(team), { email: uniqueEmail(), role: 'owner' })).resolves.toBeTruthy();
    for (const member of [agent, viewer]) {
      await expect(inviteMember(deps, member.actor, { email: uniqueEmail(), role: 'viewer' })).rejects.toThrow(
        ForbiddenError,
      );
      await expect(listInvitations(deps, member.actor)).rejects.toThrow(ForbiddenError);
    }
    // An admin cannot revoke an invitation to become owner either.
    const ownerInvite = await inviteMember(deps, ownerOf(team), { email: uniqueEmail(), role: 'owner' });
    await expect(revokeInvitation(deps, admin.actor, ownerInvite.invitation.id)).rejects.toThrow(RoleCeilingError);
  });

  it('refuses to invite a member again', async () => {
    const team = await createTeam(deps, 'Member Shop');
    const agent = await addTestMember(deps, team.workspaceId, 'agent');
    await expect(inviteMember(deps, ownerOf(team), { email: agent.user.email, role: 'viewer' })).rejects.toThrow(
      AlreadyMemberError,
    );
  });

  it('checks the new user’s password before using the invitation', async () => {
    const team = await createTeam(deps, 'Weak Shop');
    const { token } = await inviteMember(deps, ownerOf(team), { email: uniqueEmail(), role: 'agent' });
    await expect(acceptInvitation(deps, token, { name: 'W', password: 'short' })).rejects.toThrow(WeakPasswordError);
    await expect(acceptInvitation(deps, token, { name: 'W', password: strongPassword })).resolves.toBeTruthy();
  });

  it('lets only one of two simultaneous accepts through', async () => {
    const team = await createTeam(deps, 'Race Shop');
    const { token } = await inviteMember(deps, ownerOf(team), { email: uniqueEmail(), role: 'agent' });
    const results = await Promise.allSettled([
      acceptInvitation(deps, token, { name: 'One', password: strongPassword }),
      acceptInvitation(deps, token, { name: 'Two', password: strongPassword }),
    ]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
  });

  it('treats malformed and unknown tokens as not found', async () => {
    for (const token of ['', 'nope', 'A'.repeat(43)]) {
      await expect(describeInvitation(deps, token)).rejects.toThrow(InvitationNotFoundError);
    }
  });

  it('still returns the link when the email cannot be sent', async () => {
    const team = await createTeam(deps, 'Mailless Shop');
    const failing = { ...deps, mailer: { send: async () => Promise.reject(new Error('SMTP down')) } };
    const created = await inviteMember(failing, ownerOf(team), { email: uniqueEmail(), role: 'agent' });
    expect(created).toMatchObject({ emailed: false, path: `/invite/${created.token}` });
    await expect(describeInvitation(deps, created.token)).resolves.toBeTruthy();
  });
});
