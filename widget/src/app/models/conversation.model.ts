import { computed, createModel, signal } from '@preact/signals';
import type { ConversationStatus, ErrorCode, ServerPayload, WireMessage } from '../protocol';
import {
  type ChatMessage,
  fromCompleted,
  fromWire,
  mergeComplete,
  mergeDelta,
  outgoing,
  sortMessages,
  syncPoint,
} from './chat-message';

/**
 * The conversation as the shopper sees it: messages ordered by seq and never
 * shown twice, streamed replies, the shopper's unsent messages (the outbox),
 * status and typing. Pure state; the connection feeds it and reads the outbox.
 */
export const ConversationModel = createModel(() => {
  const conversationId = signal<string | null>(null);
  const messages = signal<ChatMessage[]>([]);
  /** Messages of a conversation that ended while this page was open (a new one started). */
  const earlier = signal<ChatMessage[]>([]);
  const status = signal<ConversationStatus>('ai');
  const agentName = signal<string | null>(null);
  const typing = signal<'assistant' | 'agent' | null>(null);

  const outbox = computed(() => messages.value.filter((message) => message.state === 'sending'));
  const afterSeq = computed(() => syncPoint(messages.value));
  const awaitingReply = computed(() => {
    const last = messages.value.at(-1);
    return status.value === 'ai' && last?.role === 'shopper' && last.state === 'complete';
  });

  /** Returns true when `id` is a different conversation than the one shown (the caller then syncs it from 0). */
  function switchTo(id: string | null | undefined): boolean {
    if (!id || id === conversationId.value) return false;
    if (conversationId.value) {
      earlier.value = [...earlier.value, ...messages.value.filter((message) => message.state === 'complete')];
      messages.value = messages.value.filter(
        (message) => message.state !== 'complete' && message.state !== 'streaming',
      );
      status.value = 'ai';
      agentName.value = null;
    }
    conversationId.value = id;
    return true;
  }

  /** Events of another conversation are ignored; the first event of a new visitor names theirs. */
  const belongs = (id: string) => {
    if (!conversationId.value) switchTo(id);
    return id === conversationId.value;
  };

  function merge(message: ChatMessage, final?: boolean): boolean {
    const result = mergeComplete(messages.value, message, final);
    messages.value = result.list;
    return result.isNew;
  }

  function update(clientId: string, change: Partial<ChatMessage>) {
    messages.value = sortMessages(
      messages.value.map((item) => (item.clientId === clientId ? { ...item, ...change } : item)),
    );
  }

  return {
    conversationId,
    messages,
    earlier,
    status,
    agentName,
    typing,
    outbox,
    afterSeq,
    awaitingReply,
    switchTo,
    addOutgoing(clientId: string, text: string) {
      messages.value = [...messages.value, outgoing(clientId, text)];
    },
    acknowledge(clientId: string, ack: { conversationId: string; messageId: string; seq: number }) {
      switchTo(ack.conversationId);
      const mine = messages.value.find((item) => item.clientId === clientId);
      if (!mine || mine.state === 'complete') return;
      // The server's copy may have arrived first (another tab, a sync): keep one.
      if (messages.value.some((item) => item.seq === ack.seq && item !== mine)) {
        messages.value = messages.value.filter((item) => item !== mine);
      } else {
        update(clientId, { id: ack.messageId, seq: ack.seq, state: 'complete', error: undefined });
      }
    },
    fail(clientId: string, error: ErrorCode | 'timeout') {
      if (messages.value.some((item) => item.clientId === clientId && item.state === 'sending'))
        update(clientId, { state: 'failed', error });
    },
    retry(clientId: string) {
      update(clientId, { state: 'sending', error: undefined });
    },
    receiveDelta(delta: ServerPayload<'message.delta'>) {
      if (!belongs(delta.conversationId)) return;
      typing.value = null;
      messages.value = mergeDelta(messages.value, delta);
    },
    /** Each returns the message when the shopper has not seen it complete before, else null. */
    receiveCompleted(payload: ServerPayload<'message.completed'>): ChatMessage | null {
      if (!belongs(payload.conversationId)) return null;
      typing.value = null;
      const message = fromCompleted(payload);
      return merge(message, true) ? message : null;
    },
    receiveMessage(conversation: string, wire: WireMessage): ChatMessage | null {
      if (!belongs(conversation)) return null;
      const message = fromWire(wire);
      if (message.role !== 'shopper') typing.value = null;
      return merge(message) ? message : null;
    },
    receiveSync(wires: WireMessage[], nextStatus: ConversationStatus): ChatMessage[] {
      const added = wires.map(fromWire).filter((message) => merge(message));
      status.value = nextStatus;
      return added;
    },
    setStatus(nextStatus: ConversationStatus, name: string | null) {
      status.value = nextStatus;
      agentName.value = name;
      if (nextStatus !== 'ai') typing.value = null;
    },
    setTyping(role: 'assistant' | 'agent', isTyping: boolean) {
      if (isTyping) typing.value = role;
      else if (typing.value === role) typing.value = null;
    },
  };
});

export type ConversationModel = InstanceType<typeof ConversationModel>;
