import type {
  InboxFilter,
  InboxRow,
  OrderCard,
  ProductCard,
  TranscriptMessage,
  WireMessage,
} from '../../../../server/src/modules/conversations';

/**
 * How the inbox's live events change what is on screen, as pure functions:
 * the list of conversations (under the current filter) and the open
 * transcript. Loader data is the truth whenever it arrives; events patch it in
 * between, and say when only a reload can tell (counts, rows we never saw).
 */
export type { InboxFilter, InboxRow, TranscriptMessage };

/** What `/agent` sends about a conversation (see docs/widget-protocol.md). */
interface ConversationSummary {
  id: string;
  status: InboxRow['status'];
  visitorId: string;
  contactId: string | null;
  assignedUserId: string | null;
  lastMessageAt: string;
  createdAt: string;
}

export type InboxEvent =
  | { event: 'conversation.created'; payload: { conversation: ConversationSummary } }
  | { event: 'conversation.updated'; payload: { conversationId: string; conversation: ConversationSummary } }
  | { event: 'conversation.assigned'; payload: { conversationId: string; conversation: ConversationSummary } }
  | { event: 'message.created'; payload: { conversationId: string; message: LiveWireMessage } }
  | { event: 'message.delta'; payload: { conversationId: string; messageId: string; seq: number; text: string } }
  | {
      event: 'message.completed';
      payload: {
        conversationId: string;
        messageId: string;
        seq: number;
        text: string;
        products: ProductCard[];
        orders: OrderCard[];
      };
    }
  | {
      event: 'contact.captured';
      payload: { conversationId: string; contact: { id: string; email: string | null; name: string | null } };
    };

/** Notes travel to the inbox as wire messages too. */
type LiveWireMessage = Omit<WireMessage, 'role'> & { role: TranscriptMessage['role'] };

export const liveEventNames: InboxEvent['event'][] = [
  'conversation.created',
  'conversation.updated',
  'conversation.assigned',
  'message.created',
  'message.delta',
  'message.completed',
  'contact.captured',
];

export interface ListView {
  filter: InboxFilter;
  userId: string;
  /** Only the first page takes in conversations it has not shown yet. */
  firstPage: boolean;
}

export function matchesFilter(row: Pick<InboxRow, 'status' | 'assignedUserId'>, view: ListView): boolean {
  switch (view.filter) {
    case 'ai':
    case 'waiting':
    case 'closed':
      return row.status === view.filter;
    case 'mine':
      return row.assignedUserId === view.userId && row.status !== 'closed';
    default:
      return true;
  }
}

const previewLength = 140;

function byActivity(a: InboxRow, b: InboxRow): number {
  if (a.lastMessageAt !== b.lastMessageAt) return a.lastMessageAt < b.lastMessageAt ? 1 : -1;
  return a.id < b.id ? 1 : -1;
}

function fromSummary(summary: ConversationSummary): InboxRow {
  return {
    id: summary.id,
    status: summary.status,
    assignedUserId: summary.assignedUserId,
    contact: null,
    preview: null,
    intent: null,
    lastMessageAt: summary.lastMessageAt,
    createdAt: summary.createdAt,
  };
}

/** The list after one event, and whether the server should be asked again (counts, unseen rows). */
export function applyListEvent(
  rows: InboxRow[],
  item: InboxEvent,
  view: ListView,
): { rows: InboxRow[]; stale: boolean } {
  switch (item.event) {
    case 'conversation.created':
    case 'conversation.updated':
    case 'conversation.assigned': {
      const summary = item.payload.conversation;
      const existing = rows.find((row) => row.id === summary.id);
      const updated: InboxRow = {
        ...(existing ?? fromSummary(summary)),
        status: summary.status,
        assignedUserId: summary.assignedUserId,
        lastMessageAt: summary.lastMessageAt,
      };
      const others = rows.filter((row) => row.id !== summary.id);
      const keep = matchesFilter(updated, view) && (existing !== undefined || view.firstPage);
      return { rows: keep ? [...others, updated].sort(byActivity) : others, stale: true };
    }
    case 'message.created': {
      const { message } = item.payload;
      // Notes are for the team's eyes in the transcript; the list previews the conversation itself.
      if (message.role === 'note') return { rows, stale: false };
      return touch(rows, item.payload.conversationId, {
        preview: { role: message.role, text: message.text.slice(0, previewLength) },
        lastMessageAt: message.createdAt,
      });
    }
    case 'message.completed':
      return touch(rows, item.payload.conversationId, {
        preview: { role: 'assistant', text: item.payload.text.slice(0, previewLength) },
      });
    case 'contact.captured': {
      const { conversationId, contact } = item.payload;
      return touch(rows, conversationId, { contact });
    }
    default:
      return { rows, stale: false };
  }
}

function touch(rows: InboxRow[], conversationId: string, patch: Partial<InboxRow>) {
  if (!rows.some((row) => row.id === conversationId)) return { rows, stale: true };
  const patched = rows.map((row) => (row.id === conversationId ? { ...row, ...patch } : row));
  return { rows: patched.sort(byActivity), stale: false };
}

/** A message on screen: stored ones name their author by user id, live ones by name. */
export type ShownMessage = TranscriptMessage & { authorName?: string | null };

function fromWire(message: LiveWireMessage): ShownMessage {
  return {
    id: message.id,
    seq: message.seq,
    role: message.role,
    text: message.text,
    authorUserId: null,
    authorName: message.authorName,
    createdAt: message.createdAt,
    products: message.products,
    orders: message.orders,
    toolCalls: [],
    streaming: false,
  };
}

/** Messages that arrived live for the open conversation, by id. */
export type LiveMessages = ReadonlyMap<string, ShownMessage>;

export function applyTranscriptEvent(live: LiveMessages, item: InboxEvent, conversationId: string): LiveMessages {
  if (!('conversationId' in item.payload) || item.payload.conversationId !== conversationId) return live;
  const next = new Map(live);
  switch (item.event) {
    case 'message.created':
      next.set(item.payload.message.id, fromWire(item.payload.message));
      return next;
    case 'message.delta': {
      const { messageId, seq, text } = item.payload;
      const current = live.get(messageId);
      next.set(messageId, {
        ...(current ?? placeholder(messageId, seq)),
        text: (current?.text ?? '') + text,
        streaming: true,
      });
      return next;
    }
    case 'message.completed': {
      const { messageId, seq, text, products, orders } = item.payload;
      next.set(messageId, {
        ...(live.get(messageId) ?? placeholder(messageId, seq)),
        text,
        products,
        orders,
        streaming: false,
      });
      return next;
    }
    default:
      return live;
  }
}

function placeholder(id: string, seq: number): ShownMessage {
  return {
    id,
    seq,
    role: 'assistant',
    text: '',
    authorUserId: null,
    createdAt: new Date().toISOString(),
    products: [],
    orders: [],
    toolCalls: [],
    streaming: true,
  };
}

/**
 * The transcript to show: stored messages, with live ones merged in by id and
 * ordered by sequence number. A stored copy wins (it has the tool calls and
 * the author), unless it is still streaming and the live copy has moved on.
 */
export function mergeTranscript(stored: readonly ShownMessage[], live: LiveMessages): ShownMessage[] {
  const byId = new Map<string, ShownMessage>();
  for (const message of live.values()) byId.set(message.id, message);
  for (const message of stored) {
    const fresher = byId.get(message.id);
    const liveIsNewer =
      fresher !== undefined && message.streaming && (!fresher.streaming || fresher.text.length > message.text.length);
    if (!liveIsNewer)
      byId.set(message.id, fresher?.authorName ? { ...message, authorName: fresher.authorName } : message);
  }
  return [...byId.values()].sort((a, b) => a.seq - b.seq);
}
