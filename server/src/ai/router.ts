import { type ChatRequest, type ProviderAdapter, ProviderError, type ProviderId, type StreamPart } from './ai.model';
import type { CircuitBreaker } from './circuit-breaker';
import { providerErrorFromTransport } from './providers/shared/provider-error.mapper';
import { type RetryPolicy, retryDelayMs, type Sleep } from './retry';
import type { RouteChoice } from './routing-policy';

export interface RoutedChoice extends RouteChoice {
  adapter: ProviderAdapter;
  /** Circuit of this choice: provider plus endpoint, so one dead Ollama box does not close OpenAI for all. */
  breakerKey: string;
}

export interface RouterOptions {
  retry: RetryPolicy;
  /** Upper bound for one attempt, streaming included. */
  timeoutMs: number;
  breaker: CircuitBreaker;
  sleep: Sleep;
  random: () => number;
}

export type RouteOutcome = 'ok' | 'error' | 'cancelled';

/** Live record of the routing, readable while and after the parts stream. */
export interface RouteTrace {
  provider?: ProviderId;
  model?: string;
  attempts: number;
  /** Unset while running, or when the consumer stopped reading (a cancellation). */
  outcome?: RouteOutcome;
  error?: Error;
  /** True once a part reached the caller: from then on nothing is retried. */
  streaming: boolean;
}

export function routeStream(
  choices: RoutedChoice[],
  request: ChatRequest,
  options: RouterOptions,
): { parts: AsyncIterable<StreamPart>; trace: RouteTrace } {
  const trace: RouteTrace = { attempts: 0, streaming: false };
  return { parts: runRoute(choices, request, options, trace), trace };
}

async function* runRoute(
  choices: RoutedChoice[],
  request: ChatRequest,
  options: RouterOptions,
  trace: RouteTrace,
): AsyncGenerator<StreamPart> {
  const caller = request.signal;
  let lastError: Error | undefined;

  for (const choice of choices) {
    if (!options.breaker.tryAcquire(choice.breakerKey)) {
      lastError ??= new ProviderError(`${choice.provider} is failing; its circuit is open`, {
        provider: choice.provider,
        kind: 'server',
        retryable: true,
      });
      continue;
    }
    for (let attempt = 0; ; attempt++) {
      if (caller?.aborted) {
        trace.outcome = 'cancelled';
        return;
      }
      trace.attempts++;
      trace.provider = choice.provider;
      trace.model = choice.model;
      // Per attempt: our own controller (to close the upstream request when we
      // leave), the timeout, and the caller's signal.
      const local = new AbortController();
      const timeout = AbortSignal.timeout(options.timeoutMs);
      const signal = AbortSignal.any(caller ? [local.signal, timeout, caller] : [local.signal, timeout]);
      const iterator = choice.adapter.stream(choice.model, { ...request, signal })[Symbol.asyncIterator]();
      let yielded = false;
      try {
        while (true) {
          const next = await iterator.next();
          if (next.done) break;
          yielded = trace.streaming = true;
          const part = next.value;
          yield part.type === 'finish' ? { ...part, provider: choice.provider, model: choice.model } : part;
        }
        options.breaker.recordSuccess(choice.breakerKey);
        trace.outcome = 'ok';
        trace.error = undefined;
        return;
      } catch (raw) {
        if (caller?.aborted) {
          trace.outcome = 'cancelled';
          return;
        }
        const error = timeout.aborted
          ? timeoutError(choice.provider, options.timeoutMs, raw)
          : asProviderError(choice.provider, raw);
        // Only failures that say something about the provider's health count; a
        // 400 or a bad key means the provider answered, so it is up, and a 429 means
        // it is up and asking us to slow down (bulk content runs meet that often).
        if (error.retryable && error.kind !== 'rate-limit') options.breaker.recordFailure(choice.breakerKey);
        else if (error.status !== undefined) options.breaker.recordSuccess(choice.breakerKey);
        lastError = trace.error = error;
        if (yielded) {
          trace.outcome = 'error';
          yield { type: 'error', error };
          return;
        }
        const delay = retryDelayMs(error, attempt, options.retry, options.random);
        // Our own failures may have opened the circuit (or failed its trial): stop hammering it.
        if (delay === undefined || !options.breaker.tryAcquire(choice.breakerKey)) break;
        try {
          await options.sleep(delay, caller);
        } catch {
          trace.outcome = 'cancelled';
          return;
        }
      } finally {
        local.abort();
        await iterator.return?.();
      }
    }
  }

  trace.outcome = 'error';
  trace.error =
    lastError ??
    new ProviderError('No AI provider is available', { provider: 'offline', kind: 'unknown', retryable: false });
  yield { type: 'error', error: trace.error };
}

function asProviderError(provider: ProviderId, error: unknown): ProviderError {
  return error instanceof ProviderError ? error : providerErrorFromTransport(provider, error);
}

function timeoutError(provider: ProviderId, timeoutMs: number, cause: unknown): ProviderError {
  return new ProviderError(`${provider} did not finish within ${timeoutMs} ms`, {
    provider,
    kind: 'timeout',
    retryable: true,
    cause,
  });
}
