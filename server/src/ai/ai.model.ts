import type { ZodType } from 'zod';

/** Vendors we talk to through their SDKs, plus the key-less offline assistant. */
export type ProviderId = 'gemini' | 'anthropic' | 'openai' | 'offline';
export type VendorProviderId = Exclude<ProviderId, 'offline'>;

export const AI_TASKS = [
  'assistant.reply',
  'content.description',
  'content.seo',
  'content.ads',
  'content.translation',
  'content.review-analysis',
  'outreach.message',
  'conversation.summary',
  'forecast.narrative',
] as const;
export type AiTask = (typeof AI_TASKS)[number];

export type JsonSchema = Record<string, unknown>;

/**
 * Vendor-only data that must survive a round trip through our own storage
 * (Gemini 3 rejects a follow-up turn whose function call lost its thought signature).
 */
export interface ProviderMetadata {
  gemini?: { thoughtSignature?: string };
}

export interface ToolCall {
  id: string;
  name: string;
  args: Record<string, unknown>;
  providerMetadata?: ProviderMetadata;
}

export type ChatMessage =
  | { role: 'user'; content: string }
  | { role: 'assistant'; content?: string; toolCalls?: ToolCall[] }
  /** `result` must be JSON-serialisable; adapters serialise it for the vendor. */
  | { role: 'tool'; toolCallId: string; name: string; result: unknown };

export interface ToolDefinition {
  name: string;
  description: string;
  /** JSON Schema of the arguments object (`type: 'object'`). */
  parameters: JsonSchema;
}

/** Structured JSON output. The schema must describe a JSON object. */
export interface StructuredOutput<T = unknown> {
  schema: ZodType<T>;
  /** Letters, digits, `_` and `-`; vendors use it to name the schema or the forced tool. */
  name: string;
  description?: string;
}

export interface ChatRequest<T = unknown> {
  system?: string;
  messages: ChatMessage[];
  tools?: ToolDefinition[];
  output?: StructuredOutput<T>;
  temperature?: number;
  maxOutputTokens?: number;
  signal?: AbortSignal;
}

export type FinishReason = 'stop' | 'length' | 'tool-calls' | 'content-filter' | 'error' | 'other';

/** `inputTokens` includes `cachedInputTokens`, whatever the vendor's own convention. */
export interface Usage {
  inputTokens: number;
  outputTokens: number;
  cachedInputTokens: number;
}

export type StreamPart =
  | { type: 'text-delta'; text: string }
  | ({ type: 'tool-call' } & ToolCall)
  | {
      type: 'finish';
      finishReason: FinishReason;
      usage: Usage;
      /** Set by the router: which provider and model actually answered. */
      provider?: ProviderId;
      model?: string;
    }
  | { type: 'error'; error: Error };

/**
 * Adapters throw (a ProviderError) instead of yielding `error` parts; the router
 * decides whether a failure can still be retried or must be surfaced as a part.
 */
export interface ProviderAdapter {
  id: ProviderId;
  stream(model: string, request: ChatRequest): AsyncIterable<StreamPart>;
}

export interface ProviderCredential {
  apiKey: string;
  baseURL?: string;
}
export type ProviderCredentials = Partial<Record<VendorProviderId, ProviderCredential>>;

/** The SDK `fetch` hook every adapter factory accepts (tests, proxies). */
export type FetchFunction = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export interface AdapterOptions extends ProviderCredential {
  fetch?: FetchFunction;
}
export type AdapterFactory = (options: AdapterOptions) => ProviderAdapter;

export interface GenerateResult<T = unknown> {
  text: string;
  toolCalls: ToolCall[];
  /** Parsed and validated when the request asked for structured output. */
  object: T | undefined;
  finishReason: FinishReason;
  usage: Usage;
  provider?: ProviderId;
  model?: string;
}

/** Injected wherever time matters, so tests control it. */
export interface Clock {
  now(): number;
}

export const emptyUsage = (): Usage => ({ inputTokens: 0, outputTokens: 0, cachedInputTokens: 0 });

export type ProviderErrorKind =
  | 'rate-limit'
  | 'server'
  | 'timeout'
  | 'network'
  | 'auth'
  | 'bad-request'
  | 'aborted'
  | 'stream'
  | 'unknown';

export class ProviderError extends Error {
  readonly provider: ProviderId;
  readonly status?: number;
  readonly retryable: boolean;
  readonly retryAfterMs?: number;
  readonly kind: ProviderErrorKind;

  constructor(
    message: string,
    details: {
      provider: ProviderId;
      kind: ProviderErrorKind;
      retryable: boolean;
      status?: number;
      retryAfterMs?: number;
      cause?: unknown;
    },
  ) {
    super(message, { cause: details.cause });
    this.name = 'ProviderError';
    this.provider = details.provider;
    this.kind = details.kind;
    this.retryable = details.retryable;
    this.status = details.status;
    this.retryAfterMs = details.retryAfterMs;
  }
}

export class AiBudgetExceededError extends Error {
  readonly workspaceId: string;
  readonly task: AiTask;
  constructor(workspaceId: string, task: AiTask, reason?: string) {
    super(
      reason ??
        `The AI budget of this workspace is used up, so "${task}" was not run. ` +
          'Raise the monthly AI budget in settings or wait for the next period.',
    );
    this.name = 'AiBudgetExceededError';
    this.workspaceId = workspaceId;
    this.task = task;
  }
}

export class StructuredOutputError extends Error {
  readonly text: string;
  readonly issues: unknown;
  constructor(message: string, details: { text: string; issues?: unknown; cause?: unknown }) {
    super(message, { cause: details.cause });
    this.name = 'StructuredOutputError';
    this.text = details.text;
    this.issues = details.issues;
  }
}
