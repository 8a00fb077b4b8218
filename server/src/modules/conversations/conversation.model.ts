import type { ClientAction, OrderCard, ProductCard } from './widget-protocol';

/** What a stored message carries besides its text (`Message.parts`). */
export interface MessageParts {
  products?: ProductCard[];
  orders?: OrderCard[];
  quickReplies?: string[];
  actions?: ClientAction[];
  /** The assistant's tool use behind this reply, in order: shown in the inbox, replayed to the model. */
  toolRounds?: ToolRound[];
  /** Set while the assistant is still writing; gone once the reply is complete. */
  streaming?: boolean;
}

export interface ToolRound {
  calls: Array<{ id: string; name: string; args: Record<string, unknown>; providerMetadata?: unknown }>;
  results: Array<{ toolCallId: string; name: string; result: unknown }>;
}

/** Statuses let the admin show these as the person's mistake (see classifyAdminError); sockets map them by class. */
export class ConversationNotFoundError extends Error {
  override readonly name = 'ConversationNotFoundError';
  readonly status = 404;
  constructor(readonly conversationId: string) {
    super(`Conversation ${conversationId} not found`);
  }
}

export class ConversationClosedError extends Error {
  override readonly name = 'ConversationClosedError';
  readonly status = 409;
  constructor() {
    super('This conversation is closed; start a new one.');
  }
}
