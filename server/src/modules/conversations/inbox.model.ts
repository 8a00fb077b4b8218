import type { ConversationStatus } from '@prisma/client';
import { z } from 'zod';
import type { OrderCard, ProductCard } from './widget-protocol';

/**
 * The team's inbox: which conversations a filter shows, the rows of the list
 * and the transcript as the team sees it (notes and tool calls included).
 */
export const inboxFilters = ['all', 'ai', 'waiting', 'mine', 'closed'] as const;
export type InboxFilter = (typeof inboxFilters)[number];

export const inboxPageSize = 25;
export const transcriptPageSize = 100;

export const inboxListQuerySchema = z.object({
  /** A filter from an old link or a typo shows everything rather than an error page. */
  filter: z.enum(inboxFilters).catch('all'),
  cursor: z.string().max(200).optional(),
});

const conversationId = z.uuid('That is not a conversation id.');

export const inboxReplySchema = z.object({
  conversationId,
  /** From the composer: a resent form (double click, retry) is stored once. */
  clientId: z.string().trim().min(8).max(64),
  text: z.string().trim().min(1, 'Write something first.').max(2_000, 'Keep a message under 2,000 characters.'),
  internal: z.boolean().default(false),
});

export const inboxAssignSchema = z.object({
  conversationId,
  /** Null unassigns. */
  userId: z.uuid('Choose a member of your team.').nullable(),
});

export const transcriptQuerySchema = z.object({
  /** Messages before this sequence number (the "earlier messages" link). */
  beforeSeq: z.coerce.number().int().min(1).optional(),
});

export interface InboxRow {
  id: string;
  status: ConversationStatus;
  assignedUserId: string | null;
  contact: { id: string; name: string | null; email: string | null } | null;
  /** The latest message anyone but the team's notes wrote, shortened. */
  preview: { role: string; text: string } | null;
  intent: string | null;
  lastMessageAt: string;
  createdAt: string;
}

export type InboxCounts = Record<InboxFilter, number>;

export interface TranscriptToolCall {
  id: string;
  name: string;
  args: Record<string, unknown>;
  /** The tool's result as JSON, shortened: enough to see what the assistant saw. */
  result: string | null;
}

export interface TranscriptMessage {
  id: string;
  seq: number;
  role: 'shopper' | 'assistant' | 'agent' | 'system' | 'note';
  text: string;
  authorUserId: string | null;
  createdAt: string;
  products: ProductCard[];
  orders: OrderCard[];
  toolCalls: TranscriptToolCall[];
  /** The assistant is still writing it; deltas follow on the socket. */
  streaming: boolean;
}

export interface InboxConversation {
  id: string;
  status: ConversationStatus;
  assignedUserId: string | null;
  visitorId: string;
  locale: string | null;
  pageUrl: string | null;
  summary: string | null;
  intent: string | null;
  sentiment: number | null;
  analyzedAt: string | null;
  rating: number | null;
  lastSeq: number;
  lastMessageAt: string;
  createdAt: string;
  contact: {
    id: string;
    name: string | null;
    email: string | null;
    phone: string | null;
    source: string;
    marketingOptIn: boolean;
    createdAt: string;
  } | null;
}

export class InvalidInboxCursorError extends Error {
  override readonly name = 'InvalidInboxCursorError';
  readonly status = 400;
  constructor() {
    super('That page of the inbox no longer exists; start again from the newest conversations.');
  }
}

export class AssigneeNotFoundError extends Error {
  override readonly name = 'AssigneeNotFoundError';
  readonly status = 404;
  constructor() {
    super('That person is not a member of your team who can answer conversations.');
  }
}
