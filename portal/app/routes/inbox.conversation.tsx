import { access, action as act, loader as load } from '~/admin/inbox/conversation.server';
import { portalAction, portalLoader } from '~/lib/portal-page.server';

export const loader = portalLoader(access, load);
export const action = portalAction(access, act);
export const meta = () => [{ title: 'Conversation · Inbox · Closer' }];
export { ConversationErrorBoundary as ErrorBoundary, default } from '~/admin/inbox/conversation.page';
