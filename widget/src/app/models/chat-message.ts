import type { ErrorCode, ServerPayload, WireMessage } from '../protocol';

/**
 * A message as the widget shows it. Confirmed messages carry the server's
 * `seq`; the shopper's own carry their `clientId` from the moment they are
 * typed, which is also their render key, so a confirmation never remounts them.
 */
export interface ChatMessage extends Omit<WireMessage, 'id' | 'seq' | 'conversationId' | 'createdAt'> {
  key: string;
  id: string | null;
  seq: number | null;
  state: 'streaming' | 'complete' | 'sending' | 'failed';
  error?: ErrorCode | 'timeout';
}

const noCards = { products: [], orders: [], quickReplies: [], actions: [] };

export function fromWire(message: WireMessage): ChatMessage {
  const { conversationId: _conversation, createdAt: _created, ...rest } = message;
  return { ...noCards, ...rest, key: message.clientId ?? message.id, state: 'complete' };
}

export function fromCompleted(payload: ServerPayload<'message.completed'>): ChatMessage {
  const { conversationId: _conversation, messageId, ...rest } = payload;
  return {
    ...noCards,
    ...rest,
    key: messageId,
    id: messageId,
    role: 'assistant',
    clientId: null,
    authorName: null,
    state: 'complete',
  };
}

export function outgoing(clientId: string, text: string): ChatMessage {
  return {
    ...noCards,
    key: clientId,
    id: null,
    seq: null,
    role: 'shopper',
    text,
    clientId,
    authorName: null,
    state: 'sending',
  };
}

/** Confirmed messages by seq, then the shopper's unconfirmed ones in the order typed (the sort is stable). */
export function sortMessages(list: ChatMessage[]): ChatMessage[] {
  return [...list].sort((a, b) => (a.seq ?? Number.POSITIVE_INFINITY) - (b.seq ?? Number.POSITIVE_INFINITY) || 0);
}

function findSame(list: ChatMessage[], message: Pick<ChatMessage, 'id' | 'seq' | 'clientId' | 'role'>): number {
  return list.findIndex(
    (item) =>
      (message.id !== null && item.id === message.id) ||
      (message.seq !== null && item.seq === message.seq) ||
      (message.role === 'shopper' && message.clientId !== null && item.clientId === message.clientId),
  );
}

/**
 * Merges one complete message. A seq, id or clientId seen before is never shown
 * twice: a streaming one is replaced by its final text, a pending one of the
 * shopper's becomes confirmed, a complete one is kept unless `final` (a
 * `message.completed`, which wins even over a copy that a sync fetched while
 * the reply was still being written). `isNew` says whether the shopper had not
 * seen this message's final form yet.
 */
export function mergeComplete(
  list: ChatMessage[],
  incoming: ChatMessage,
  final = false,
): { list: ChatMessage[]; isNew: boolean } {
  const index = findSame(list, incoming);
  const existing = list[index];
  if (!existing) return { list: sortMessages([...list, incoming]), isNew: true };
  const seen = existing.state === 'complete';
  if (seen && (!final || existing.text === incoming.text)) return { list, isNew: false };
  const next = [...list];
  next[index] = { ...incoming, key: existing.key };
  return { list: sortMessages(next), isNew: seen || existing.state === 'streaming' };
}

/** Appends a piece of a streamed reply; pieces of an already completed message are ignored. */
export function mergeDelta(list: ChatMessage[], delta: ServerPayload<'message.delta'>): ChatMessage[] {
  const index = list.findIndex((item) => item.id === delta.messageId || item.seq === delta.seq);
  const existing = list[index];
  if (!existing) {
    const started = { ...fromCompleted({ ...delta, ...noCards }), state: 'streaming' as const };
    return sortMessages([...list, started]);
  }
  if (existing.state !== 'streaming') return list;
  const next = [...list];
  next[index] = { ...existing, text: existing.text + delta.text };
  return next;
}

/**
 * What to ask for after a reconnect: everything after the highest complete
 * seq, but never past a reply still streaming (its `completed` may have been
 * missed), so a gap can only cause a duplicate, which merging drops.
 */
export function syncPoint(list: ChatMessage[]): number {
  let highest = 0;
  let streaming = Number.POSITIVE_INFINITY;
  for (const { seq, state } of list) {
    if (seq === null) continue;
    if (state === 'streaming') streaming = Math.min(streaming, seq);
    else highest = Math.max(highest, seq);
  }
  return Math.max(0, Math.min(highest, streaming - 1));
}
