import type { AdminActionArgs, AdminArgs, PageAccess } from '~/admin/admin-args';
import { badRequest } from '~/admin/settings-common/action-result';
import { formText } from '~/lib/form-values';

export const access: PageAccess = {
  view: 'team.view',
  intents: {
    invite: 'team.manage',
    revokeInvitation: 'team.manage',
    changeRole: 'team.manage',
    removeMember: 'team.manage',
    transferOwnership: 'workspace.transfer',
  },
};

export async function loader({ services, actor, request }: AdminArgs) {
  const page = Number(new URL(request.url).searchParams.get('page') ?? '1');
  return { ...(await services.team.loadTeamPage(actor, page)), now: new Date() };
}

export async function action({ services, actor, form, intent }: AdminActionArgs) {
  const fields = formText(form, 'email', 'role', 'userId', 'invitationId');
  switch (intent) {
    case 'invite': {
      const invited = await services.team.invite(actor, { email: fields.email, role: fields.role });
      return { ok: true as const, intent, ...invited };
    }
    case 'revokeInvitation':
      return { ok: true as const, intent, ...(await services.team.revokeInvitation(actor, fields.invitationId)) };
    case 'changeRole':
      return {
        ok: true as const,
        intent,
        ...(await services.team.changeRole(actor, { userId: fields.userId, role: fields.role })),
      };
    case 'removeMember':
      return { ok: true as const, intent, ...(await services.team.removeMember(actor, fields.userId)) };
    case 'transferOwnership':
      return { ok: true as const, intent, ...(await services.team.transferOwnership(actor, fields.userId)) };
    default:
      throw badRequest(`Unknown action "${intent}".`);
  }
}
