import type { Conversation, PrismaClient } from '@prisma/client';
import type { AiEngine, ChatMessage, ToolCall } from '../../ai';
import type { Logger } from '../../platform/logger';
import {
  appendMessage,
  type ClientAction,
  type ConversationDeps,
  listRecentMessages,
  type OrderCard,
  type ProductCard,
  receiveShopperMessage,
  requestHandoff,
  type ShopperContext,
  type ToolRound,
  updateMessageContent,
} from '../conversations';
import type { WorkspaceSettings } from '../tenancy';
import { buildSystemPrompt } from './assistant.prompt';
import { executeTool, type ToolContext } from './assistant.tool-executor';
import { listAssistantTools } from './assistant.tools';
import { toChatHistory } from './conversation-history';
import { createFacts, createGroundedStream } from './grounding';
import type { StreamLimiter } from './stream-limiter';

/**
 * One shopper message in, one streamed assistant reply out: persist the
 * message, then (unless a person owns the conversation) run the model with the
 * store's tools, streaming grounded text as it comes and storing every tool
 * round, and finish with the complete reply and its cards.
 */
export interface AssistantDeps {
  prisma: PrismaClient;
  ai: AiEngine;
  conversations: ConversationDeps & { now: () => Date };
  streams: StreamLimiter;
  log: Logger;
  /** Called after each shopper message, e.g. to schedule the quiet-conversation analysis. */
  afterShopperMessage?: (workspaceId: string, conversationId: string) => Promise<void>;
}

export interface WorkspaceProfile {
  name: string;
  currency: string;
  settings: WorkspaceSettings;
}

export class TooManyStreamsError extends Error {
  override readonly name = 'TooManyStreamsError';
  constructor() {
    super('The assistant is answering too many shoppers of this store at once; try again in a moment.');
  }
}

const maxToolRounds = 4;
const historyLength = 24;

export async function handleShopperMessage(
  deps: AssistantDeps,
  shopper: ShopperContext,
  workspace: WorkspaceProfile,
  input: { clientId: string; text: string },
) {
  const release = deps.streams.tryAcquire(shopper.workspaceId);
  if (!release) throw new TooManyStreamsError();
  try {
    const { conversation, message, duplicate } = await receiveShopperMessage(deps.conversations, shopper, input);
    const ack = { conversationId: conversation.id, messageId: message.id, seq: message.seq };
    await deps
      .afterShopperMessage?.(shopper.workspaceId, conversation.id)
      .catch((error: unknown) => deps.log.warn({ err: error }, 'could not schedule conversation analysis'));
    if (duplicate || conversation.status !== 'ai') {
      release();
      return { ...ack, reply: Promise.resolve() };
    }
    const reply = replyToShopper(deps, { conversation, shopper, workspace }).finally(release);
    return { ...ack, reply };
  } catch (error) {
    release();
    throw error;
  }
}

export async function replyToShopper(
  deps: AssistantDeps,
  input: {
    conversation: Conversation;
    shopper: ShopperContext;
    workspace: WorkspaceProfile;
  },
): Promise<void> {
  const { conversation, shopper, workspace } = input;
  const { workspaceId } = shopper;
  const events = deps.conversations.events;
  const history = toChatHistory(await listRecentMessages(deps.prisma, workspaceId, conversation.id, historyLength));
  const { message } = await appendMessage(deps.prisma, {
    workspaceId,
    conversationId: conversation.id,
    role: 'assistant',
    text: '',
    parts: { streaming: true },
  });
  const typing = (isTyping: boolean) => {
    const payload = { conversationId: conversation.id, role: 'assistant' as const, isTyping };
    events.toShopper(conversation.id, 'typing', payload);
    events.toInbox(workspaceId, 'typing', payload);
  };
  const emitDelta = (text: string) => {
    if (!text) return;
    // The inbox gets the complete reply only: a delta per token to every agent would cost more than it shows.
    events.toShopper(conversation.id, 'message.delta', {
      conversationId: conversation.id,
      messageId: message.id,
      seq: message.seq,
      text,
    });
  };
  typing(true);

  const facts = createFacts();
  const grounded = createGroundedStream(facts);
  const found = { products: [] as ProductCard[], orders: [] as OrderCard[], actions: [] as ClientAction[] };
  const rounds: ToolRound[] = [];
  const toolContext: ToolContext = {
    prisma: deps.prisma,
    conversations: deps.conversations,
    shopper,
    settings: workspace.settings,
    currency: workspace.currency,
  };
  const system = buildSystemPrompt({
    storeName: workspace.name,
    currency: workspace.currency,
    settings: workspace.settings,
    locale: shopper.locale,
    now: deps.conversations.now(),
    signedInCustomer: Boolean(shopper.shopifyCustomerId),
  });
  let failed = false;
  try {
    const turn: ChatMessage[] = [];
    for (let round = 0; round < maxToolRounds; round++) {
      const calls: ToolCall[] = [];
      let handedOff = false;
      for await (const part of deps.ai.stream(workspaceId, 'assistant.reply', {
        system,
        messages: [...history, ...turn],
        tools: listAssistantTools(shopper),
        temperature: 0.3,
      })) {
        if (part.type === 'text-delta') emitDelta(grounded.push(part.text));
        else if (part.type === 'tool-call')
          calls.push({ id: part.id, name: part.name, args: part.args, providerMetadata: part.providerMetadata });
        else if (part.type === 'handoff') handedOff = true;
        else if (part.type === 'error') throw part.error;
      }
      if (handedOff) {
        // The AI budget is spent and the workspace chose people over the offline assistant.
        await requestHandoff(deps.conversations, shopper, workspace.settings, { clientId: `budget-${message.id}` });
        break;
      }
      if (calls.length === 0) break;
      const results: ToolRound['results'] = [];
      for (const call of calls) {
        const outcome = await executeTool(call, toolContext, facts);
        results.push({ toolCallId: call.id, name: call.name, result: outcome.result });
        found.products.push(...outcome.products);
        found.orders.push(...outcome.orders);
        found.actions.push(...outcome.actions);
      }
      rounds.push({ calls, results });
      turn.push(
        { role: 'assistant', toolCalls: calls },
        ...results.map((result) => ({ role: 'tool' as const, ...result })),
      );
      // Keep the tool trail even if this process dies before the reply completes.
      await updateMessageContent(deps.prisma, workspaceId, message.id, grounded.text, {
        toolRounds: rounds,
        streaming: true,
      });
    }
  } catch (error) {
    failed = true;
    deps.log.error({ err: error, conversationId: conversation.id }, 'assistant reply failed');
  }
  emitDelta(grounded.flush());

  const text = finalText(grounded.text, grounded.withheld, failed, found);
  const products = pickCards(found.products, text);
  const parts = {
    products,
    orders: dedupe(found.orders, (order) => order.number),
    actions: found.actions,
    toolRounds: rounds,
  };
  await updateMessageContent(deps.prisma, workspaceId, message.id, text, parts);
  const completed = {
    conversationId: conversation.id,
    messageId: message.id,
    seq: message.seq,
    text,
    products,
    orders: parts.orders,
    quickReplies: [],
    actions: found.actions,
  };
  events.toShopper(conversation.id, 'message.completed', completed);
  events.toInbox(workspaceId, 'message.completed', completed);
  typing(false);
}

function finalText(
  text: string,
  withheld: number,
  failed: boolean,
  found: { products: ProductCard[]; orders: OrderCard[] },
) {
  let result = text.trim();
  if (withheld > 0) {
    result += `${result ? '\n\n' : ''}_I left out a detail I could not confirm from the store's data; please check the product page or ask for a person._`;
  }
  if (failed) {
    result += `${result ? '\n\n' : ''}Sorry, I ran into a problem while answering. Please try again, or ask for a person from the team.`;
  }
  if (!result && found.products.length > 0) result = 'Here is what I found:';
  return result;
}

/** Cards for the products the reply talks about; if it names none, the best matches found. */
function pickCards(products: ProductCard[], text: string): ProductCard[] {
  const unique = dedupe(products, (product) => product.id);
  const lower = text.toLowerCase();
  const mentioned = unique.filter((product) => lower.includes(product.title.toLowerCase()));
  return (mentioned.length > 0 ? mentioned : unique).slice(0, 3);
}

function dedupe<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const id = key(item);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
