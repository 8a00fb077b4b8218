import type { Namespace, Server, Socket } from 'socket.io';
import {
  type AgentContext,
  agentAuthSchema,
  agentEventSchemas,
  agentReadEvents,
  type ConversationDeps,
  closeConversation,
  getConversation,
  handBackToAssistant,
  listMessagesAfter,
  type ProtocolError,
  sendAgentMessage,
  takeOverConversation,
  toWireMessage,
} from '../../modules/conversations';
import { authenticateApiKey } from '../../modules/tenancy';
import type { Logger } from '../../platform/logger';
import { acknowledge, toProtocolError } from './socket-errors';

/**
 * `/agent`: the team's inbox. The handshake proves membership of one workspace
 * (an API key with the `inbox` scope, or an admin session token once the admin
 * provides one); the socket then hears every conversation event of that
 * workspace and can take over, reply, hand back and close.
 */
export interface AgentSocketDeps {
  conversations: ConversationDeps;
  log: Logger;
  /** Extra ways to authenticate an agent (the admin's session tokens); tried after API keys. */
  authenticate?: (token: string) => Promise<AgentContext | null>;
}

export const inboxRoom = (workspaceId: string) => `inbox:${workspaceId}`;
/** Inboxes that have one conversation open: they also get its reply as it streams (see conversation-events.ts). */
export const watchRoom = (conversationId: string) => `watch:${conversationId}`;

export function registerAgentNamespace(io: Server, deps: AgentSocketDeps): Namespace {
  const namespace = io.of('/agent');
  const prisma = deps.conversations.prisma;

  namespace.use(async (socket, next) => {
    const auth = agentAuthSchema.safeParse(socket.handshake.auth);
    const refuse = (message: string) =>
      next(Object.assign(new Error(message), { data: { code: 'invalid_key', message } }));
    if (!auth.success) return refuse('An agent token is required.');
    try {
      const principal = await authenticateApiKey(prisma, auth.data.token);
      let agent: AgentContext | null = null;
      if (principal?.scopes.includes('inbox'))
        agent = { workspaceId: principal.workspaceId, userId: null, name: auth.data.name ?? 'Team' };
      else if (!principal && deps.authenticate) agent = await deps.authenticate(auth.data.token);
      if (!agent) return refuse('This token cannot open the inbox.');
      socket.data = { agent };
      next();
    } catch (error) {
      deps.log.error({ err: error }, 'agent handshake failed');
      refuse('Could not connect; please try again.');
    }
  });

  namespace.on('connection', (socket: Socket) => {
    const agent = socket.data.agent as AgentContext;
    socket.join(inboxRoom(agent.workspaceId));

    socket.onAny((event: string, ...args: unknown[]) => {
      if (event in agentEventSchemas) return;
      const error: ProtocolError = { code: 'unknown_event', message: `Unknown event "${String(event).slice(0, 60)}".` };
      socket.emit('error', error);
      acknowledge(args.at(-1), { ok: false, error });
    });

    const handle = (event: keyof typeof agentEventSchemas, run: (input: never) => Promise<Record<string, unknown>>) => {
      socket.on(event as string, async (payload: unknown, ack: unknown) => {
        if (agent.readOnly && !agentReadEvents.has(event)) {
          const error: ProtocolError = {
            code: 'forbidden',
            message: 'Your role can view the inbox but not act in it.',
            event,
          };
          socket.emit('error', error);
          acknowledge(ack, { ok: false, error });
          return;
        }
        try {
          const input = agentEventSchemas[event].parse(payload);
          acknowledge(ack, { ok: true, ...(await run(input as never)) });
        } catch (error) {
          const protocolError = toProtocolError(error, event, deps.log);
          socket.emit('error', protocolError);
          acknowledge(ack, { ok: false, error: protocolError });
        }
      });
    };

    handle('conversation.join', async ({ conversationId }: { conversationId: string }) => {
      const conversation = await takeOverConversation(deps.conversations, agent, conversationId);
      return { status: conversation.status };
    });
    handle('conversation.release', async ({ conversationId }: { conversationId: string }) => {
      const conversation = await handBackToAssistant(deps.conversations, agent, conversationId);
      return { status: conversation.status };
    });
    handle('conversation.close', async ({ conversationId }: { conversationId: string }) => {
      const conversation = await closeConversation(deps.conversations, agent, conversationId);
      return { status: conversation.status };
    });
    handle(
      'message.send',
      async (input: { conversationId: string; clientId: string; text: string; internal?: boolean }) => {
        const message = await sendAgentMessage(deps.conversations, agent, input);
        return { messageId: message.id, seq: message.seq };
      },
    );
    handle('messages.sync', async ({ conversationId, afterSeq }: { conversationId: string; afterSeq: number }) => {
      const conversation = await getConversation(prisma, agent.workspaceId, conversationId);
      const messages = await listMessagesAfter(prisma, agent.workspaceId, conversation.id, afterSeq);
      return { status: conversation.status, messages: messages.map((message) => toWireMessage(message)) };
    });
    handle('conversation.watch', async ({ conversationId }: { conversationId: string }) => {
      const conversation = await getConversation(prisma, agent.workspaceId, conversationId);
      // One open conversation per inbox: opening another stops the stream of the last.
      for (const room of socket.rooms) if (room.startsWith('watch:')) socket.leave(room);
      socket.join(watchRoom(conversation.id));
      return { status: conversation.status, lastSeq: conversation.lastSeq };
    });
    handle('conversation.unwatch', async ({ conversationId }: { conversationId: string }) => {
      // Another workspace's id is not_found here too: no event tells one tenant about another's ids.
      const conversation = await getConversation(prisma, agent.workspaceId, conversationId);
      socket.leave(watchRoom(conversation.id));
      return {};
    });
  });
  return namespace;
}
