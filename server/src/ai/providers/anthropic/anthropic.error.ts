import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from '@anthropic-ai/sdk';
import { ProviderError } from '../../ai.model';
import { providerErrorFromStatus, providerErrorFromTransport } from '../shared/provider-error.mapper';

/** Error types Anthropic sends inside the SSE stream, where there is no HTTP status. */
const RETRYABLE_STREAM_ERRORS = new Set(['overloaded_error', 'api_error', 'rate_limit_error', 'timeout_error']);

export function mapAnthropicError(error: unknown, now = Date.now()): ProviderError {
  if (error instanceof ProviderError) return error;
  if (error instanceof APIUserAbortError) {
    return new ProviderError('anthropic request aborted', {
      provider: 'anthropic',
      kind: 'aborted',
      retryable: false,
      cause: error,
    });
  }
  if (error instanceof APIConnectionTimeoutError) {
    return new ProviderError('anthropic request timed out', {
      provider: 'anthropic',
      kind: 'timeout',
      retryable: true,
      cause: error,
    });
  }
  if (error instanceof APIConnectionError) {
    return new ProviderError(`anthropic connection failed: ${error.message}`, {
      provider: 'anthropic',
      kind: 'network',
      retryable: true,
      cause: error,
    });
  }
  if (error instanceof APIError && typeof error.status === 'number') {
    return providerErrorFromStatus({
      provider: 'anthropic',
      status: error.status,
      message: error.message,
      headers: error.headers,
      cause: error,
      now,
    });
  }
  if (error instanceof APIError) {
    const type = error.type ?? '';
    return new ProviderError(`anthropic stream error: ${error.message}`, {
      provider: 'anthropic',
      kind: type === 'rate_limit_error' ? 'rate-limit' : 'server',
      retryable: RETRYABLE_STREAM_ERRORS.has(type),
      cause: error,
    });
  }
  return providerErrorFromTransport('anthropic', error);
}
