import { access, action as act, loader as load } from '~/admin/inbox/conversation.server';
import { shopifyAction, shopifyLoader } from '../lib/shopify-page.server';

export const loader = shopifyLoader(access, load);
export const action = shopifyAction(access, act);
export const meta = () => [{ title: 'Conversation · Inbox · Closer' }];
export { ConversationErrorBoundary as ErrorBoundary, default } from '~/admin/inbox/conversation.page';
