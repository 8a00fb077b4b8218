import {
  type FakeReply,
  type FakeServer,
  fragments,
  type SseEvent,
  startFakeServer,
  type VendorProtocol,
} from './fake-server';

const STATUS_NAMES: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
};

const MODEL_PATH = /^\/v1beta\/models\/([^/:]+):(streamGenerateContent|generateContent)$/;

function usageMetadata(reply: FakeReply) {
  const usage = reply.usage ?? { inputTokens: 0, outputTokens: 0 };
  return {
    promptTokenCount: usage.inputTokens,
    candidatesTokenCount: usage.outputTokens,
    totalTokenCount: usage.inputTokens + usage.outputTokens,
    ...(usage.cachedInputTokens ? { cachedContentTokenCount: usage.cachedInputTokens } : {}),
  };
}

function parts(reply: FakeReply) {
  const text = reply.json !== undefined ? fragments(JSON.stringify(reply.json), 4) : (reply.text ?? []);
  return [
    ...text.map((piece) => ({ text: piece })),
    // Gemini sends each function call whole, never in fragments.
    ...(reply.toolCalls ?? []).map((call) => ({
      functionCall: { id: call.id, name: call.name, args: call.args },
      ...(call.thoughtSignature && { thoughtSignature: call.thoughtSignature }),
    })),
  ];
}

/** Gemini API: `POST /v1beta/models/{model}:streamGenerateContent?alt=sse` (and `:generateContent`). */
const geminiProtocol: VendorProtocol = {
  classify(method, path) {
    const match = method === 'POST' ? MODEL_PATH.exec(path) : null;
    if (!match) return undefined;
    return match[2] === 'streamGenerateContent' ? 'stream' : 'unary';
  },
  errorBody: (status, message) => ({ error: { code: status, message, status: STATUS_NAMES[status] ?? 'UNKNOWN' } }),
  unaryBody: (reply, _body, path) => ({
    candidates: [
      { content: { role: 'model', parts: parts(reply) }, finishReason: reply.finishReason ?? 'STOP', index: 0 },
    ],
    usageMetadata: usageMetadata(reply),
    modelVersion: MODEL_PATH.exec(path)?.[1],
  }),
  streamEvents(reply, _body, path): SseEvent[] {
    const modelVersion = MODEL_PATH.exec(path)?.[1];
    const events: SseEvent[] = parts(reply).map((part) => ({
      data: JSON.stringify({ candidates: [{ content: { role: 'model', parts: [part] }, index: 0 }], modelVersion }),
    }));
    events.push({
      data: JSON.stringify({
        candidates: [
          { content: { role: 'model', parts: [{ text: '' }] }, finishReason: reply.finishReason ?? 'STOP', index: 0 },
        ],
        usageMetadata: usageMetadata(reply),
        modelVersion,
      }),
    });
    return events;
  },
};

export const startFakeGemini = (): Promise<FakeServer> => startFakeServer(geminiProtocol);
