import { ProviderError, type ProviderErrorKind, type ProviderId } from '../../ai.model';
import { type HeaderReader, parseRetryAfterMs } from './retry-after';

/** 408 request timeout, 409 lock conflicts, 429 rate limits and every 5xx are worth another try. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

function kindOfStatus(status: number): ProviderErrorKind {
  if (status === 429) return 'rate-limit';
  if (status === 408) return 'timeout';
  if (status === 401 || status === 403) return 'auth';
  if (status >= 500) return 'server';
  return 'bad-request';
}

export function providerErrorFromStatus(details: {
  provider: ProviderId;
  status: number;
  message: string;
  headers?: HeaderReader;
  cause?: unknown;
  now?: number;
}): ProviderError {
  const retryable = isRetryableStatus(details.status);
  return new ProviderError(`${details.provider} ${details.status}: ${details.message}`, {
    provider: details.provider,
    kind: kindOfStatus(details.status),
    status: details.status,
    retryable,
    retryAfterMs: retryable ? parseRetryAfterMs(details.headers, details.now ?? Date.now()) : undefined,
    cause: details.cause,
  });
}

export function isAbortError(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'AbortError' || name === 'APIUserAbortError' || name === 'TimeoutError';
}

const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

/**
 * undici reports a dropped connection as `TypeError: fetch failed` / `terminated`
 * with the socket error as `cause`; SDKs sometimes wrap it once more.
 */
export function isNetworkError(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 4; depth++) {
    const { code, message, name } = current as { code?: unknown; message?: unknown; name?: unknown };
    if (typeof code === 'string' && NETWORK_CODES.has(code)) return true;
    if (name === 'APIConnectionError' || name === 'SocketError') return true;
    if (
      typeof message === 'string' &&
      /fetch failed|terminated|socket|network|premature close|other side closed|incomplete json segment/i.test(message)
    ) {
      return true;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/** For failures without an HTTP status: aborts, dropped connections, broken streams. */
export function providerErrorFromTransport(provider: ProviderId, error: unknown): ProviderError {
  if (error instanceof ProviderError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (isAbortError(error)) {
    return new ProviderError(`${provider} request aborted`, {
      provider,
      kind: 'aborted',
      retryable: false,
      cause: error,
    });
  }
  if (isNetworkError(error)) {
    return new ProviderError(`${provider} connection failed: ${message}`, {
      provider,
      kind: 'network',
      retryable: true,
      cause: error,
    });
  }
  return new ProviderError(`${provider} request failed: ${message}`, {
    provider,
    kind: 'unknown',
    retryable: false,
    cause: error,
  });
}

/** A stream that ends without its terminal event was cut by the network or the server. */
export function streamEndedEarly(provider: ProviderId, signal: AbortSignal | undefined): ProviderError {
  if (signal?.aborted) {
    return new ProviderError(`${provider} request aborted`, {
      provider,
      kind: 'aborted',
      retryable: false,
      cause: signal.reason,
    });
  }
  return new ProviderError(`${provider} stream ended before it finished`, {
    provider,
    kind: 'stream',
    retryable: true,
  });
}
