import { useFetcher } from '@remix-run/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ConversationLoaderData } from './conversation.server';
import { useInboxContext } from './inbox-context';
import {
  applyTranscriptEvent,
  type InboxEvent,
  type LiveMessages,
  liveEventNames,
  type ShownMessage,
} from './inbox-live';
import { useThrottledRevalidate } from './use-agent-socket';

type Status = ConversationLoaderData['conversation']['status'];

/**
 * The open conversation's live state: watches it on the socket, keeps what
 * arrives (messages, the streamed reply, status, assignee, typing), syncs
 * what it missed after a reconnection, and loads earlier pages on request.
 */
export function useLiveConversation(data: ConversationLoaderData) {
  const { socket } = useInboxContext();
  const conversationId = data.conversation.id;
  const [messages, setMessages] = useState<LiveMessages>(() => new Map());
  const [status, setStatus] = useState<Status>(data.conversation.status);
  const [assignedUserId, setAssignedUserId] = useState(data.conversation.assignedUserId);
  const [typing, setTyping] = useState(false);
  const earlier = useFetcher<ConversationLoaderData>();
  const [earlierMessages, setEarlierMessages] = useState<ShownMessage[]>([]);
  const [hasEarlier, setHasEarlier] = useState(data.hasEarlier);
  const scheduleReload = useThrottledRevalidate(1_000);
  const highestSeq = useRef(0);
  highestSeq.current = Math.max(
    0,
    ...data.messages.map((message) => message.seq),
    ...[...messages.values()].map((message) => message.seq),
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new conversation starts from what its loader read
  useEffect(() => {
    setMessages(new Map());
    setEarlierMessages([]);
    setTyping(false);
  }, [conversationId]);
  useEffect(() => setStatus(data.conversation.status), [data.conversation.status]);
  useEffect(() => setAssignedUserId(data.conversation.assignedUserId), [data.conversation.assignedUserId]);
  useEffect(() => {
    if (earlierMessages.length === 0) setHasEarlier(data.hasEarlier);
  }, [data.hasEarlier, earlierMessages.length]);
  useEffect(() => {
    const page = earlier.data;
    if (earlier.state !== 'idle' || !page || !('messages' in page)) return;
    setEarlierMessages((shown) => [...page.messages, ...shown]);
    setHasEarlier(page.hasEarlier);
  }, [earlier.state, earlier.data]);

  useEffect(() => {
    if (!socket) return;
    const apply = (item: InboxEvent) => setMessages((current) => applyTranscriptEvent(current, item, conversationId));
    const handlers = liveEventNames.map((event) => {
      const handler = (payload: {
        conversationId?: string;
        conversation?: { status: Status; assignedUserId: string | null };
      }) => {
        if (payload.conversationId !== conversationId) return;
        apply({ event, payload } as InboxEvent);
        if (payload.conversation) {
          setStatus(payload.conversation.status);
          setAssignedUserId(payload.conversation.assignedUserId);
        }
        // Tool calls and a captured contact come with the stored conversation.
        if (event === 'message.completed' || event === 'contact.captured') scheduleReload();
      };
      socket.on(event, handler);
      return [event, handler] as const;
    });
    const onTyping = (payload: { conversationId: string; role: string; isTyping: boolean }) => {
      if (payload.conversationId === conversationId && payload.role === 'assistant') setTyping(payload.isTyping);
    };
    const watchAndSync = () => {
      socket.emit('conversation.watch', { conversationId });
      socket.emit(
        'messages.sync',
        { conversationId, afterSeq: highestSeq.current },
        (ack: { ok: boolean; status?: Status; messages?: Array<{ role: string }> }) => {
          if (!ack.ok || !ack.messages) return;
          for (const message of ack.messages) {
            if (message.role !== 'tool')
              apply({ event: 'message.created', payload: { conversationId, message } } as InboxEvent);
          }
          if (ack.status) setStatus(ack.status);
        },
      );
    };
    socket.on('typing', onTyping);
    socket.on('connect', watchAndSync);
    if (socket.connected) socket.emit('conversation.watch', { conversationId });
    return () => {
      for (const [event, handler] of handlers) socket.off(event, handler);
      socket.off('typing', onTyping);
      socket.off('connect', watchAndSync);
      socket.emit('conversation.unwatch', { conversationId });
    };
  }, [socket, conversationId, scheduleReload]);

  const add = useCallback((message: ShownMessage) => {
    setMessages((current) => new Map(current).set(message.id, message));
  }, []);
  const firstSeq = Math.min(...[...earlierMessages, ...data.messages].map((message) => message.seq));
  const loadEarlier = () => earlier.load(`/inbox/${conversationId}?beforeSeq=${firstSeq}`);

  return {
    messages,
    status,
    assignedUserId,
    typing,
    earlier: earlierMessages,
    hasEarlier,
    loadEarlier,
    loadingEarlier: earlier.state !== 'idle',
    add,
  };
}
