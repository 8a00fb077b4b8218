import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ForbiddenError, InvitationNotFoundError, LastOwnerError, RoleCeilingError } from '../../modules/identity';
import { ApiKeyNotFoundError, authenticateApiKey } from '../../modules/tenancy';
import { classifyAdminError } from './admin-errors';
import { createSettingsTestbed, publicUrl } from './settings-admin.fixtures';
import { createTeamAdmin } from './team.admin';

let testbed: Awaited<ReturnType<typeof createSettingsTestbed>>;
let team: ReturnType<typeof createTeamAdmin>;
let shop: Awaited<ReturnType<typeof testbed.workspace>>;
let otherShop: Awaited<ReturnType<typeof testbed.workspace>>;

beforeAll(async () => {
  testbed = await createSettingsTestbed();
  team = createTeamAdmin(testbed.deps);
  shop = await testbed.workspace('Cedar Goods');
  otherShop = await testbed.workspace('Dune Goods');
});
afterAll(async () => testbed.drop());

let counter = 0;
const newEmail = (label: string) => `${label}.${++counter}.${Date.now().toString(36)}@team.example`;

describe('team', () => {
  it('invites by link (shown once, and emailed) and lists the pending invitation to managers only', async () => {
    const email = newEmail('invitee');
    const invited = await team.invite(shop.owner, { email, role: 'agent' });
    expect(invited.link).toMatch(new RegExp(`^${publicUrl}/invite/[\\w-]+$`));
    expect(invited.emailed).toBe(true);
    expect(testbed.mailer.lastLinkPath(email)).toBe(new URL(invited.link).pathname);

    const ownerView = await team.loadTeamPage(shop.owner);
    expect(ownerView.invitations.map((invitation) => invitation.email)).toContain(email);
    expect(JSON.stringify(ownerView)).not.toContain(new URL(invited.link).pathname.split('/')[2]);
    const agentView = await team.loadTeamPage(await shop.member('agent'));
    expect(agentView.invitations).toEqual([]);
    expect(agentView.members.map((member) => member.userId)).toContain(shop.owner.userId);
  });

  it('keeps roles within the inviter’s own, and agents cannot invite at all', async () => {
    const admin = await shop.member('admin');
    const ceiling = await team.invite(admin, { email: newEmail('boss'), role: 'owner' }).catch((error) => error);
    expect(ceiling).toBeInstanceOf(RoleCeilingError);
    expect(classifyAdminError(ceiling)?.status).toBe(403);
    const agent = await shop.member('agent');
    await expect(team.invite(agent, { email: newEmail('friend'), role: 'viewer' })).rejects.toThrow(ForbiddenError);
    const invalid = await team.invite(shop.owner, { email: 'not-an-email', role: 'emperor' }).catch((error) => error);
    expect(classifyAdminError(invalid)?.fieldErrors).toMatchObject({ email: 'must be an email address' });
  });

  it('treats another workspace’s invitation like a missing one', async () => {
    const foreign = await team.invite(otherShop.owner, { email: newEmail('foreign'), role: 'viewer' });
    const error = await team.revokeInvitation(shop.owner, foreign.invitation.id).catch((thrown) => thrown);
    expect(error).toBeInstanceOf(InvitationNotFoundError);
    expect(classifyAdminError(error)?.status).toBe(404);
    const stillPending = await team.loadTeamPage(otherShop.owner);
    expect(stillPending.invitations.map((invitation) => invitation.id)).toContain(foreign.invitation.id);
    await team.revokeInvitation(otherShop.owner, foreign.invitation.id);
    expect((await team.loadTeamPage(otherShop.owner)).invitations.map((invitation) => invitation.id)).not.toContain(
      foreign.invitation.id,
    );
  });

  it('changes roles, removes members, and guards the last owner and the transfer', async () => {
    const agent = await shop.member('agent');
    await team.changeRole(shop.owner, { userId: agent.userId, role: 'admin' });
    const page = await team.loadTeamPage(shop.owner);
    expect(page.members.find((member) => member.userId === agent.userId)?.role).toBe('admin');
    await expect(team.changeRole(shop.owner, { userId: shop.owner.userId, role: 'viewer' })).rejects.toThrow(
      LastOwnerError,
    );
    await expect(team.transferOwnership({ ...agent, role: 'admin' }, shop.owner.userId)).rejects.toThrow(
      ForbiddenError,
    );
    await team.removeMember(shop.owner, agent.userId);
    expect((await team.loadTeamPage(shop.owner)).members.map((member) => member.userId)).not.toContain(agent.userId);
    const outsider = await otherShop.member('viewer');
    const error = await team.removeMember(shop.owner, outsider.userId).catch((thrown) => thrown);
    expect(classifyAdminError(error)?.status).toBe(404);
  });
});

describe('API keys', () => {
  it('returns the secret only from create; lists show the prefix alone; revoking stops the key', async () => {
    const created = await team.apiKeys.create(shop.owner, {
      name: ' ERP sync ',
      scopes: ['products:read', 'products:read'],
    });
    expect(created.secret).toMatch(/^sk_live_/);
    expect(created.apiKey).toMatchObject({
      name: 'ERP sync',
      scopes: ['products:read'],
      prefix: created.secret.slice(0, 12),
    });
    await expect(authenticateApiKey(testbed.database.prisma, created.secret)).resolves.toMatchObject({
      workspaceId: shop.workspaceId,
      scopes: ['products:read'],
    });

    const listed = await team.apiKeys.list(shop.owner);
    expect(listed.keys.map((key) => key.id)).toContain(created.apiKey.id);
    expect(listed.scopes).toContain('inbox');
    const serialised = JSON.stringify(listed);
    expect(serialised).not.toContain(created.secret);
    expect(serialised).not.toMatch(/"hash"/);

    await team.apiKeys.revoke(shop.owner, created.apiKey.id);
    await expect(authenticateApiKey(testbed.database.prisma, created.secret)).resolves.toBeNull();
    const revoked = (await team.apiKeys.list(shop.owner)).keys.find((key) => key.id === created.apiKey.id);
    expect(revoked?.revokedAt).toBeInstanceOf(Date);
    const audit = await testbed.database.prisma.auditLog.findMany({
      where: { workspaceId: shop.workspaceId, targetId: created.apiKey.id },
      orderBy: { createdAt: 'asc' },
    });
    expect(audit.map((row) => row.action)).toEqual(['api_key.created', 'api_key.revoked']);
  });

  it('treats another workspace’s key, a revoked one and a made-up id alike: 404', async () => {
    const foreign = await team.apiKeys.create(otherShop.owner, { name: 'Theirs', scopes: ['contacts:read'] });
    for (const id of [foreign.apiKey.id, '0195a0c4-0000-7000-8000-000000000000', 'nope']) {
      const error = await team.apiKeys.revoke(shop.owner, id).catch((thrown) => thrown);
      expect(error).toBeInstanceOf(ApiKeyNotFoundError);
      expect(classifyAdminError(error)).toEqual({
        status: 404,
        message: 'No such API key (it may have been revoked already).',
      });
    }
    await expect(authenticateApiKey(testbed.database.prisma, foreign.secret)).resolves.not.toBeNull();
    expect((await team.apiKeys.list(shop.owner)).keys.map((key) => key.id)).not.toContain(foreign.apiKey.id);
    await team.apiKeys.revoke(otherShop.owner, foreign.apiKey.id);
    await expect(team.apiKeys.revoke(otherShop.owner, foreign.apiKey.id)).rejects.toThrow(ApiKeyNotFoundError);
  });

  it('is for owners and admins only, whatever role an actor claims', async () => {
    const admin = await shop.member('admin');
    const { apiKey } = await team.apiKeys.create(admin, { name: 'Admin key', scopes: ['inbox'] });
    for (const role of ['agent', 'viewer'] as const) {
      const member = { ...(await shop.member(role)), role: 'owner' as const };
      await expect(team.apiKeys.list(member)).rejects.toThrow(ForbiddenError);
      await expect(team.apiKeys.create(member, { name: 'Sneaky', scopes: ['inbox'] })).rejects.toThrow(ForbiddenError);
      await expect(team.apiKeys.revoke(member, apiKey.id)).rejects.toThrow(ForbiddenError);
    }
  });

  it('explains what is wrong with a new key', async () => {
    const cases: Array<[{ name: string; scopes: string[] }, Record<string, string>]> = [
      [{ name: '', scopes: ['inbox'] }, { name: 'Give the key a name' }],
      [{ name: 'No scopes', scopes: [] }, { scopes: 'Choose at least one scope' }],
      [
        { name: 'Bad scope', scopes: ['admin:all'] },
        { 'scopes.0': expect.stringContaining('must be one of products:read') },
      ],
    ];
    for (const [input, fieldErrors] of cases) {
      const error = await team.apiKeys.create(shop.owner, input).catch((thrown) => thrown);
      expect(classifyAdminError(error)?.fieldErrors).toEqual(fieldErrors);
    }
  });
});
