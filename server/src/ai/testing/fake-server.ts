import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A scripted local HTTP server that speaks one vendor's wire protocol, so tests
 * run the real SDKs end to end. Each request takes the next reply from a queue
 * and is recorded for assertions.
 */

export interface FakeToolCall {
  id: string;
  name: string;
  args: Record<string, unknown>;
  /** Gemini only: the thought signature a thinking model attaches to its call. */
  thoughtSignature?: string;
}

export interface FakeReply {
  /** Non-2xx answers with an error body in the vendor's shape. */
  status?: number;
  headers?: Record<string, string>;
  errorMessage?: string;
  text?: string[];
  toolCalls?: FakeToolCall[];
  /** A structured-output answer, rendered as the vendor would (JSON text, or a forced tool call). */
  json?: unknown;
  usage?: { inputTokens: number; outputTokens: number; cachedInputTokens?: number };
  /** Raw vendor finish reason, when the default (stop / tool calls) is not wanted. */
  finishReason?: string;
  /** Destroys the socket after this many SSE events: a connection cut mid-stream. */
  cutAfterEvents?: number;
  /** Pause before each SSE event: a slow stream, for timeouts and cancellation. */
  eventDelayMs?: number;
}

/**
 * A vendor's JSON as it crossed the wire. Assertions navigate it freely, the
 * way a reader would scan a captured request, so it is deliberately untyped.
 */
// biome-ignore lint/suspicious/noExplicitAny: wire bodies of three vendors, inspected ad hoc by tests
export type WireBody = any;

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: WireBody;
  /** True once the client went away before the response was complete. */
  closedEarly: boolean;
  closed: Promise<void>;
}

export interface SseEvent {
  event?: string;
  data: string;
}

export interface VendorProtocol {
  /** Route a request: 'stream' for SSE, 'unary' for one JSON body, undefined for 404. */
  classify(method: string, path: string): 'stream' | 'unary' | undefined;
  streamEvents(reply: FakeReply, body: WireBody, path: string): SseEvent[];
  unaryBody(reply: FakeReply, body: WireBody, path: string): unknown;
  errorBody(status: number, message: string): unknown;
}

export interface FakeServerOptions {
  /** Answers requests when no scripted reply is queued (bulk runs of hundreds of calls). */
  respond?: (body: WireBody, path: string) => FakeReply;
  /** A vendor rate limit: more requests than this within any one second get a 429 with Retry-After. */
  rateLimitPerSecond?: number;
  /** Keep only this many recorded requests (bulk runs); counts stay exact. */
  recordLimit?: number;
}

export interface FakeServer {
  url: string;
  requests: RecordedRequest[];
  /** Requests received, including those no longer recorded. */
  received(): number;
  /** Requests answered with 429 by the rate limit. */
  rateLimited(): number;
  /** The request at `index`; throws when it never arrived. */
  request(index: number): RecordedRequest;
  enqueue(...replies: FakeReply[]): void;
  /** Replies still waiting in the queue. */
  pending(): number;
  close(): Promise<void>;
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startFakeServer(protocol: VendorProtocol, options: FakeServerOptions = {}): Promise<FakeServer> {
  const queue: FakeReply[] = [];
  const requests: RecordedRequest[] = [];
  let received = 0;
  let rateLimited = 0;
  // Start times of the requests let through in the last second: a sliding window, as vendors count.
  const window: number[] = [];

  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://fake');
    let resolveClosed!: () => void;
    const recorded: RecordedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname + url.search,
      headers: req.headers,
      body: raw ? safeJson(raw) : undefined,
      closedEarly: false,
      closed: new Promise((resolve) => (resolveClosed = resolve)),
    };
    received++;
    if (options.recordLimit === undefined || requests.length < options.recordLimit) requests.push(recorded);
    res.on('close', () => {
      if (!res.writableFinished) recorded.closedEarly = true;
      resolveClosed();
    });

    const kind = protocol.classify(recorded.method, url.pathname);
    if (!kind) return sendJson(res, 404, protocol.errorBody(404, `No route for ${url.pathname}`));
    if (options.rateLimitPerSecond !== undefined) {
      const now = Date.now();
      while (window.length > 0 && (window[0] as number) <= now - 1000) window.shift();
      if (window.length >= options.rateLimitPerSecond) {
        rateLimited++;
        const retryAfter = String(Math.max(1, Math.ceil(((window[0] as number) + 1000 - now) / 1000)));
        return sendJson(res, 429, protocol.errorBody(429, 'Rate limit reached'), { 'retry-after': retryAfter });
      }
      window.push(now);
    }
    const reply = queue.shift() ?? options.respond?.(recorded.body, url.pathname);
    if (!reply) return sendJson(res, 500, protocol.errorBody(500, 'The fake server has no scripted reply left'));
    if (reply.status && reply.status >= 300) {
      return sendJson(
        res,
        reply.status,
        protocol.errorBody(reply.status, reply.errorMessage ?? 'scripted failure'),
        reply.headers,
      );
    }
    if (kind === 'unary')
      return sendJson(res, 200, protocol.unaryBody(reply, recorded.body, url.pathname), reply.headers);
    await writeSse(res, protocol.streamEvents(reply, recorded.body, url.pathname), reply);
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    received: () => received,
    rateLimited: () => rateLimited,
    request: (index) => {
      const recorded = requests[index];
      if (!recorded) throw new Error(`The fake server received ${requests.length} requests, not ${index + 1}`);
      return recorded;
    },
    enqueue: (...replies) => void queue.push(...replies),
    pending: () => queue.length,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function writeSse(res: ServerResponse, events: SseEvent[], reply: FakeReply): Promise<void> {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', ...reply.headers });
  res.flushHeaders();
  for (const [index, event] of events.entries()) {
    if (reply.cutAfterEvents !== undefined && index >= reply.cutAfterEvents) {
      res.socket?.destroy();
      return;
    }
    if (reply.eventDelayMs) await wait(reply.eventDelayMs);
    if (res.destroyed || res.writableEnded) return;
    const payload = `${event.event ? `event: ${event.event}\n` : ''}data: ${event.data}\n\n`;
    // Wait until the event is handed to the socket, so a cut right after it still delivers it.
    await new Promise<void>((resolve) => res.write(payload, () => resolve()));
  }
  res.end();
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

function safeJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

/** Splits a string into `count` roughly equal pieces, as vendors fragment streamed JSON. */
export function fragments(text: string, count = 3): string[] {
  const size = Math.max(1, Math.ceil(text.length / count));
  const pieces: string[] = [];
  for (let index = 0; index < text.length; index += size) pieces.push(text.slice(index, index + size));
  return pieces;
}
