import type { ActionFailure, AdminActionArgs, AdminArgs, PageAccess } from '../admin-args';

/**
 * One conversation (`/inbox/:conversationId`, inside the inbox): the
 * transcript, the shopper's contact and orders, and the team's actions on it.
 * Viewers may read; every action needs `inbox.reply` (checked by the shell,
 * and again by the inbox service).
 */
export const access: PageAccess = {
  view: 'inbox.view',
  intents: {
    takeOver: 'inbox.reply',
    handBack: 'inbox.reply',
    close: 'inbox.reply',
    reply: 'inbox.reply',
    note: 'inbox.reply',
    assign: 'inbox.reply',
    suggest: 'inbox.reply',
    summarize: 'inbox.reply',
  },
};

export async function loader({ request, params, services, actor }: AdminArgs) {
  const beforeSeq = new URL(request.url).searchParams.get('beforeSeq');
  return services.inbox.getConversation(actor, params.conversationId ?? '', { beforeSeq });
}

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
};

export async function action({ params, services, actor, form, intent }: AdminActionArgs) {
  const conversationId = params.conversationId ?? '';
  const inbox = services.inbox;
  switch (intent) {
    case 'takeOver':
      return { ok: true as const, intent, ...(await inbox.takeOver(actor, conversationId)) };
    case 'handBack':
      return { ok: true as const, intent, ...(await inbox.handBack(actor, conversationId)) };
    case 'close':
      return { ok: true as const, intent, ...(await inbox.close(actor, conversationId)) };
    case 'reply':
    case 'note': {
      const input = { conversationId, clientId: text(form, 'clientId'), text: text(form, 'text') };
      const message = await inbox.reply(actor, { ...input, internal: intent === 'note' });
      return { ok: true as const, intent, message };
    }
    case 'assign': {
      const userId = text(form, 'userId');
      return { ok: true as const, intent, ...(await inbox.assign(actor, { conversationId, userId: userId || null })) };
    }
    case 'suggest':
      return { ok: true as const, intent, suggestion: await inbox.suggestReply(actor, conversationId) };
    case 'summarize':
      return { ok: true as const, intent, analysis: await inbox.summarize(actor, conversationId) };
    default:
      throw new Error(`Unhandled inbox intent ${intent}`);
  }
}

export type ConversationLoaderData = Awaited<ReturnType<typeof loader>>;
export type ConversationActionResult = Awaited<ReturnType<typeof action>> | ActionFailure;
