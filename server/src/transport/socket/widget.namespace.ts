import type { Namespace, Server, Socket } from 'socket.io';
import { type AssistantDeps, handleShopperMessage, type WorkspaceProfile } from '../../modules/assistant';
import {
  captureLead,
  clientEventSchemas,
  findShopperConversation,
  issueVisitorToken,
  limits,
  type ProtocolError,
  rateConversation,
  readCustomerToken,
  readVisitorToken,
  recordCartAddition,
  requestHandoff,
  type ShopperContext,
  syncShopperMessages,
  widgetAuthSchema,
} from '../../modules/conversations';
import { findWidgetKey, isOriginAllowed, recordWidgetSeen, type WidgetKeyContext } from '../../modules/tenancy';
import type { Logger } from '../../platform/logger';
import { RateLimitedError, type RateLimiter } from '../../platform/rate-limit';
import { acknowledge, toProtocolError } from './socket-errors';

/**
 * `/widget`: shoppers. The handshake resolves the workspace (public key +
 * allowed origin) and the visitor (signed token, or a new one); each event is
 * parsed, rate-limited, handed to one use case, and answered with an ack or a
 * specific `error` event.
 */
export interface WidgetSocketDeps {
  assistant: AssistantDeps;
  secret: string;
  rateLimiter: RateLimiter;
  log: Logger;
}

interface WidgetSocketData {
  shopper: ShopperContext;
  key: WidgetKeyContext;
  visitorToken: string;
}

type WidgetSocket = Socket<Record<string, never>, Record<string, never>, Record<string, never>, WidgetSocketData>;

export const conversationRoom = (conversationId: string) => `conversation:${conversationId}`;
const visitorRoom = (workspaceId: string, visitorId: string) => `visitor:${workspaceId}:${visitorId}`;

function handshakeError(code: ProtocolError['code'], message: string): Error {
  return Object.assign(new Error(message), { data: { code, message } });
}

export function registerWidgetNamespace(io: Server, deps: WidgetSocketDeps): Namespace {
  const namespace = io.of('/widget');
  const prisma = deps.assistant.prisma;

  namespace.use(async (socket, next) => {
    try {
      const auth = widgetAuthSchema.safeParse(socket.handshake.auth);
      if (!auth.success)
        return next(handshakeError('invalid_key', auth.error.issues[0]?.message ?? 'invalid handshake'));
      const key = await findWidgetKey(prisma, auth.data.key);
      if (!key) return next(handshakeError('invalid_key', 'Unknown or revoked widget key.'));
      const origin = socket.handshake.headers.origin;
      if (!isOriginAllowed(origin, key.allowedOrigins)) {
        return next(
          handshakeError('origin_not_allowed', `This widget key is not allowed on ${origin ?? 'this page'}.`),
        );
      }
      let visitorId = readVisitorToken(deps.secret, auth.data.visitorToken, key.workspaceId);
      let visitorToken = auth.data.visitorToken ?? '';
      if (!visitorId) ({ visitorId, token: visitorToken } = issueVisitorToken(deps.secret, key.workspaceId));
      // An expired or forged customer token only costs the shopper their sign-in: they chat on anonymously.
      const shopifyCustomerId = readCustomerToken(deps.secret, auth.data.customerToken, key.workspaceId);
      if (auth.data.customerToken && !shopifyCustomerId) deps.log.debug('widget customer token refused');
      socket.data = {
        key,
        visitorToken,
        shopper: {
          workspaceId: key.workspaceId,
          visitorId,
          locale: auth.data.locale ?? null,
          pageUrl: auth.data.pageUrl ?? null,
          shopifyCustomerId,
        },
      } satisfies WidgetSocketData;
      recordWidgetSeen(prisma, key.widgetKeyId, origin ?? null, new Date()).catch(() => {});
      next();
    } catch (error) {
      deps.log.error({ err: error }, 'widget handshake failed');
      next(handshakeError('internal', 'Could not connect; please try again.'));
    }
  });

  namespace.on('connection', async (rawSocket) => {
    const socket = rawSocket as unknown as WidgetSocket;
    const { shopper, visitorToken } = socket.data;
    const emit = (event: string, payload: unknown) => (socket as unknown as Socket).emit(event, payload);
    socket.join(visitorRoom(shopper.workspaceId, shopper.visitorId));
    const conversation = await findShopperConversation(deps.assistant.conversations, shopper).catch(() => null);
    if (conversation) socket.join(conversationRoom(conversation.id));
    emit('session.ready', {
      visitorToken,
      conversation: conversation
        ? { id: conversation.id, status: conversation.status, lastSeq: conversation.lastSeq }
        : null,
    });

    socket.onAny((event: string, ...args: unknown[]) => {
      if (event in clientEventSchemas) return;
      const error: ProtocolError = {
        code: 'unknown_event',
        message: `Unknown event "${String(event).slice(0, 60)}".`,
        event: String(event).slice(0, 60),
      };
      emit('error', error);
      acknowledge(args.at(-1), { ok: false, error });
    });

    const handle = (
      event: keyof typeof clientEventSchemas,
      run: (payload: never) => Promise<Record<string, unknown>>,
    ) => {
      (socket as unknown as Socket).on(event, async (payload: unknown, ack: unknown) => {
        const parsed = clientEventSchemas[event].safeParse(payload);
        if (!parsed.success) return fail(parsed.error, event, payload, ack);
        try {
          acknowledge(ack, { ok: true, ...(await run(parsed.data as never)) });
        } catch (error) {
          fail(error, event, payload, ack);
        }
      });
    };
    const fail = (error: unknown, event: string, payload: unknown, ack: unknown) => {
      const protocolError: ProtocolError = { ...toProtocolError(error, event, deps.log), ...clientIdOf(payload) };
      emit('error', protocolError);
      acknowledge(ack, { ok: false, error: protocolError });
    };

    handle('message.send', async (input: { clientId: string; text: string }) => {
      await enforceMessageRate(deps.rateLimiter, shopper, clientAddress(socket.handshake));
      const result = await handleShopperMessage(deps.assistant, shopper, profileOf(socket.data.key), input);
      // This socket hears the reply it is about to stream; every other tab of the visitor, wherever it is connected, follows too.
      socket.join(conversationRoom(result.conversationId));
      socket.nsp
        .in(visitorRoom(shopper.workspaceId, shopper.visitorId))
        .socketsJoin(conversationRoom(result.conversationId));
      result.reply.catch((error: unknown) => deps.log.error({ err: error }, 'assistant reply crashed'));
      return { conversationId: result.conversationId, messageId: result.messageId, seq: result.seq };
    });
    handle('messages.sync', async (input: { conversationId: string; afterSeq: number }) => {
      const result = await syncShopperMessages(deps.assistant.conversations, shopper, input);
      socket.join(conversationRoom(input.conversationId));
      return result;
    });
    handle('conversation.handoff', async (input: { clientId: string; reason?: string }) => {
      const result = await requestHandoff(
        deps.assistant.conversations,
        shopper,
        socket.data.key.workspace.settings,
        input,
      );
      const conversation = await findShopperConversation(deps.assistant.conversations, shopper);
      if (conversation)
        socket.nsp
          .in(visitorRoom(shopper.workspaceId, shopper.visitorId))
          .socketsJoin(conversationRoom(conversation.id));
      return result;
    });
    handle('lead.capture', async (input: { email: string; name?: string; marketingOptIn?: boolean }) => {
      await captureLead(deps.assistant.conversations, shopper, input);
      return {};
    });
    handle('conversation.rate', async (input: { rating: number; comment?: string }) => {
      await rateConversation(deps.assistant.conversations, shopper, input);
      return {};
    });
    handle('cart.added', async (input: { productId: string; variantId: string; quantity: number }) => {
      return { recorded: await recordCartAddition(deps.assistant.conversations, shopper, input) };
    });
  });
  return namespace;
}

async function enforceMessageRate(rateLimiter: RateLimiter, shopper: ShopperContext, address: string) {
  const checks = await Promise.all([
    rateLimiter.hit(`visitor:${shopper.workspaceId}:${shopper.visitorId}`, limits.messagesPerMinutePerVisitor, 60),
    rateLimiter.hit(`ip:${address}`, limits.messagesPerMinutePerIp, 60),
  ]);
  const blocked = checks.find((check) => !check.allowed);
  if (blocked) throw new RateLimitedError(blocked.retryAfterMs);
}

/**
 * The shopper's IP for rate limits. Behind a load balancer every connection
 * comes from the balancer, so when the direct peer is a private or loopback
 * address (a proxy we run) we take the client from X-Forwarded-For instead.
 */
export function clientAddress(handshake: {
  address: string;
  headers: Record<string, string | string[] | undefined>;
}): string {
  const peer = handshake.address.replace(/^::ffff:/, '');
  const trustedPeer = /^(127\.|10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|::1$|f[cd][0-9a-f]{2}:)/i.test(peer);
  const forwarded = handshake.headers['x-forwarded-for'];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  return trustedPeer && first ? first : peer;
}

function profileOf(key: WidgetKeyContext): WorkspaceProfile {
  return { name: key.workspace.name, currency: key.workspace.currency, settings: key.workspace.settings };
}

function clientIdOf(payload: unknown): { clientId?: string } {
  const clientId = (payload as { clientId?: unknown } | null)?.clientId;
  return typeof clientId === 'string' ? { clientId: clientId.slice(0, limits.clientIdLength) } : {};
}
