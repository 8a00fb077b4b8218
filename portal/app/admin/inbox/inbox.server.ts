import type { AdminArgs, PageAccess } from '../admin-args';

/**
 * The inbox list (`/inbox`): a page of conversations under a filter, the
 * counts for every filter, the team (for names and the assignee picker), and
 * a short-lived token for the page's live `/agent` socket.
 */
export const access: PageAccess = { view: 'inbox.view' };

export async function loader({ request, services, actor, issueAgentToken }: AdminArgs) {
  const url = new URL(request.url);
  const [list, members, agentToken] = await Promise.all([
    services.inbox.listConversations(actor, {
      filter: url.searchParams.get('filter'),
      cursor: url.searchParams.get('cursor'),
    }),
    services.inbox.listMembers(actor),
    issueAgentToken(),
  ]);
  return {
    ...list,
    firstPage: !url.searchParams.get('cursor'),
    members,
    me: actor.userId,
    agentToken: { token: agentToken.token, expiresAt: agentToken.expiresAt.toISOString() },
  };
}

export type InboxLoaderData = Awaited<ReturnType<typeof loader>>;
