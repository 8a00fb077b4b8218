import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { ProviderError } from '../../ai.model';
import { providerErrorFromStatus, providerErrorFromTransport } from '../shared/provider-error.mapper';

/** Maps whatever the OpenAI SDK threw to a ProviderError the router understands. */
export function mapOpenAiError(error: unknown, now = Date.now()): ProviderError {
  if (error instanceof ProviderError) return error;
  if (error instanceof APIUserAbortError) {
    return new ProviderError('openai request aborted', {
      provider: 'openai',
      kind: 'aborted',
      retryable: false,
      cause: error,
    });
  }
  if (error instanceof APIConnectionTimeoutError) {
    return new ProviderError('openai request timed out', {
      provider: 'openai',
      kind: 'timeout',
      retryable: true,
      cause: error,
    });
  }
  if (error instanceof APIConnectionError) {
    return new ProviderError(`openai connection failed: ${error.message}`, {
      provider: 'openai',
      kind: 'network',
      retryable: true,
      cause: error,
    });
  }
  if (error instanceof APIError && typeof error.status === 'number') {
    return providerErrorFromStatus({
      provider: 'openai',
      status: error.status,
      message: error.message,
      headers: error.headers,
      cause: error,
      now,
    });
  }
  if (error instanceof APIError) {
    // An `error` object inside the SSE stream: the server gave up mid-answer.
    return new ProviderError(`openai stream error: ${error.message}`, {
      provider: 'openai',
      kind: 'server',
      retryable: true,
      cause: error,
    });
  }
  return providerErrorFromTransport('openai', error);
}
