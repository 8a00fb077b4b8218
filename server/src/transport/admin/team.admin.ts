import { hasPermission, type Role, requireActorPermission } from '../../modules/identity';
import { apiKeyScopes, issueApiKey, listApiKeys, withdrawApiKey } from '../../modules/tenancy';
import type { AdminActor, AdminDeps } from './admin-deps';

const membersPerPage = 50;

/**
 * The admin's team and API keys pages. Identity's services enforce the team
 * rules (role ceilings, the last owner, owners-only transfer) in their own
 * transactions; the API key functions check `apiKeys.manage` against the
 * database before touching a key.
 */
export function createTeamAdmin(deps: Pick<AdminDeps, 'prisma' | 'identity' | 'publicUrl'>) {
  const { identity, prisma } = deps;
  const mayManageKeys = (actor: AdminActor) => requireActorPermission(prisma, actor, 'apiKeys.manage');

  return {
    async loadTeamPage(actor: AdminActor, page = 1) {
      const members = await identity.listMembers(actor);
      const pageCount = Math.max(1, Math.ceil(members.length / membersPerPage));
      const current = Math.min(Math.max(1, Math.trunc(page) || 1), pageCount);
      // Only those who may invite see who was invited (the list holds email addresses).
      const invitations = hasPermission(actor.role, 'team.manage')
        ? (await identity.listInvitations(actor)).filter((invitation) => invitation.status === 'pending').slice(0, 50)
        : [];
      return {
        members: members.slice((current - 1) * membersPerPage, current * membersPerPage),
        memberCount: members.length,
        page: current,
        pageCount,
        invitations,
        you: { userId: actor.userId, role: actor.role },
      };
    },

    /** The link is in the answer once (the inviter may share it by hand); only its hash is stored. */
    async invite(actor: AdminActor, input: { email: string; role: string }) {
      // Identity parses the role (and the email) and refuses one above the inviter's own.
      const created = await identity.inviteMember(actor, { email: input.email, role: input.role as Role });
      return {
        invitation: created.invitation,
        link: new URL(created.path, deps.publicUrl).toString(),
        emailed: created.emailed,
      };
    },

    async revokeInvitation(actor: AdminActor, invitationId: string) {
      await identity.revokeInvitation(actor, invitationId);
      return { revoked: invitationId };
    },

    async changeRole(actor: AdminActor, input: { userId: string; role: string }) {
      await identity.changeMemberRole(actor, { userId: input.userId, role: input.role as Role });
      return { userId: input.userId, role: input.role };
    },

    async removeMember(actor: AdminActor, userId: string) {
      await identity.removeMember(actor, { userId });
      return { removed: userId };
    },

    async transferOwnership(actor: AdminActor, userId: string) {
      await identity.transferOwnership(actor, { userId });
      return { owner: userId };
    },

    apiKeys: {
      async list(actor: AdminActor) {
        await mayManageKeys(actor);
        return { keys: await listApiKeys(prisma, actor.workspaceId), scopes: apiKeyScopes };
      },

      /** The only answer that ever holds the key itself. */
      async create(actor: AdminActor, input: { name: string; scopes: readonly string[] }) {
        await mayManageKeys(actor);
        return issueApiKey(prisma, actor, input);
      },

      async revoke(actor: AdminActor, apiKeyId: string) {
        await mayManageKeys(actor);
        await withdrawApiKey(prisma, actor, apiKeyId);
        return { revoked: apiKeyId };
      },
    },
  };
}
