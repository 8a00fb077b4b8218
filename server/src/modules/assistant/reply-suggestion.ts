import type { PrismaClient } from '@prisma/client';
import type { AiEngine, ChatMessage } from '../../ai';
import { type ConversationDeps, getConversation, listRecentMessages } from '../conversations';
import { buildSystemPrompt } from './assistant.prompt';
import type { WorkspaceProfile } from './assistant.service';
import { executeTool, type ToolContext } from './assistant.tool-executor';
import { assistantTools } from './assistant.tools';
import { toChatHistory } from './conversation-history';
import { createFacts, createGroundedStream, type GroundingFacts } from './grounding';
import { loadWorkspaceProfile } from './workspace-profile.repo';

/**
 * A draft for the person answering a conversation in the inbox: the assistant
 * writes what the team member could send next, with the same tools and the
 * same grounding guard as its own replies, but only tools that look things up
 * (a draft must not add to a cart, capture a lead or hand off). Nothing is
 * stored or sent; the person edits the draft and sends it themselves.
 */
export interface ReplySuggestionDeps {
  prisma: PrismaClient;
  ai: AiEngine;
  conversations: ConversationDeps & { now: () => Date };
}

export interface ReplySuggestion {
  text: string;
  /** `template`: no model could write it (offline with nothing found, or the AI budget is spent). */
  source: 'model' | 'template';
}

export class NothingToSuggestError extends Error {
  override readonly name = 'NothingToSuggestError';
  readonly status = 409;
  constructor() {
    super('The shopper has not written anything yet, so there is nothing to reply to.');
  }
}

const lookupTools = new Set(['search_products', 'get_product', 'search_store_info', 'lookup_order']);
const draftingTools = assistantTools.filter((tool) => lookupTools.has(tool.name));
const searchTools = new Set(['search_products', 'search_store_info']);
const maxToolRounds = 4;
const historyLength = 24;

export async function suggestReply(
  deps: ReplySuggestionDeps,
  input: { workspaceId: string; conversationId: string; agentName: string },
): Promise<ReplySuggestion> {
  const { workspaceId, agentName } = input;
  const conversation = await getConversation(deps.prisma, workspaceId, input.conversationId);
  const workspace = await loadWorkspaceProfile(deps.prisma, workspaceId);
  const recent = await listRecentMessages(deps.prisma, workspaceId, conversation.id, historyLength);
  const history = toChatHistory(recent);
  if (history.length === 0) throw new NothingToSuggestError();
  const firstWord = !recent.some((message) => message.role === 'agent');
  const greeting = `Hi, I'm ${agentName} from the ${workspace.name} team.`;
  const template = (): ReplySuggestion => ({
    text: firstWord
      ? `${greeting} How can I help you today?`
      : 'Thanks for waiting! Is there anything else I can help you with?',
    source: 'template',
  });

  // The shopper's last message may still be open (answer it) or answered already (write a check-in).
  const awaitingAnswer = history.at(-1)?.role === 'user';
  const checkIn: ChatMessage = {
    role: 'user',
    content: `(From ${agentName} on the store's team, not the shopper:) The shopper's last message has been answered. Draft my next message to the shopper.`,
  };
  const facts = createFacts();
  const { result, searchedInVain } = await draftWithLookups(deps, {
    workspaceId,
    system: draftingPrompt(workspace, {
      agentName,
      firstWord,
      locale: conversation.locale,
      now: deps.conversations.now(),
    }),
    messages: awaitingAnswer ? history : [...history, checkIn],
    tools: {
      prisma: deps.prisma,
      conversations: deps.conversations,
      shopper: { workspaceId, visitorId: conversation.visitorId, locale: conversation.locale },
      settings: workspace.settings,
      currency: workspace.currency,
    },
    facts,
  });

  // The budget is spent and the workspace chose people over the assistant: no model writes this.
  if (result.handoff) return template();
  // The offline assistant writes only from tool results; with nothing found (or nothing to look up) its text is filler.
  const offline = result.provider === 'offline';
  if (offline && (!awaitingAnswer || searchedInVain)) return template();
  const grounded = createGroundedStream(facts);
  grounded.push(result.text);
  grounded.flush();
  const text = grounded.text.trim();
  if (!text) return template();
  return { text: offline && firstWord ? `${greeting} ${text}` : text, source: 'model' };
}

function draftingPrompt(
  workspace: WorkspaceProfile,
  draft: { agentName: string; firstWord: boolean; locale: string | null; now: Date },
): string {
  const { agentName } = draft;
  return [
    buildSystemPrompt({
      storeName: workspace.name,
      currency: workspace.currency,
      settings: workspace.settings,
      locale: draft.locale,
      now: draft.now,
    }),
    'You are now drafting, not answering:',
    `- Write the next message of ${agentName}, a person on the store's team who is answering this conversation. Write in the first person as ${agentName}; never say you are an assistant or an AI.`,
    draft.firstWord
      ? `- It is ${agentName}'s first message here: begin with a short greeting that says who they are.`
      : '',
    '- Only lookup tools are available; do not offer to add to the cart or to bring in a person.',
    '- Reply with the message text only; the team member edits it before sending.',
  ]
    .filter(Boolean)
    .join('\n');
}

/** The model's rounds of lookups, then its text; tool results feed the grounding facts. */
async function draftWithLookups(
  deps: ReplySuggestionDeps,
  run: { workspaceId: string; system: string; messages: ChatMessage[]; tools: ToolContext; facts: GroundingFacts },
) {
  const draft = (messages: ChatMessage[]) =>
    deps.ai.generate(run.workspaceId, 'assistant.reply', {
      system: run.system,
      messages,
      tools: draftingTools,
      temperature: 0.3,
    });
  const turn: ChatMessage[] = [];
  let searches = 0;
  let emptySearches = 0;
  let result = await draft(run.messages);
  for (let round = 1; round < maxToolRounds && !result.handoff && result.toolCalls.length > 0; round++) {
    const results: ChatMessage[] = [];
    for (const call of result.toolCalls) {
      // A model may name a tool it was not offered; a draft never runs one that acts.
      const outcome = lookupTools.has(call.name)
        ? await executeTool(call, run.tools, run.facts)
        : { result: { error: `${call.name} is not available while drafting.` }, products: [] };
      results.push({ role: 'tool', toolCallId: call.id, name: call.name, result: outcome.result });
      if (searchTools.has(call.name)) {
        searches += 1;
        if (outcome.products.length === 0 && !hasPassages(outcome.result)) emptySearches += 1;
      }
    }
    turn.push({ role: 'assistant', toolCalls: result.toolCalls }, ...results);
    result = await draft([...run.messages, ...turn]);
  }
  return { result, searchedInVain: searches > 0 && emptySearches === searches };
}

function hasPassages(result: unknown): boolean {
  const passages = (result as { passages?: unknown } | null)?.passages;
  return Array.isArray(passages) && passages.length > 0;
}
