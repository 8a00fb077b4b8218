import { ApiError } from '@google/genai';
import { ProviderError } from '../../ai.model';
import { providerErrorFromStatus, providerErrorFromTransport } from '../shared/provider-error.mapper';
import type { HeaderReader } from '../shared/retry-after';

/**
 * `ApiError` carries only a status and the body, so the adapter captures the
 * response headers itself (through the fetch hook) to honour Retry-After.
 */
export function mapGeminiError(error: unknown, headers?: HeaderReader, now = Date.now()): ProviderError {
  if (error instanceof ProviderError) return error;
  if (error instanceof ApiError && typeof error.status === 'number') {
    return providerErrorFromStatus({
      provider: 'gemini',
      status: error.status,
      message: extractMessage(error.message),
      headers,
      cause: error,
      now,
    });
  }
  return providerErrorFromTransport('gemini', error);
}

/** The SDK puts the whole JSON error body into `message`. */
function extractMessage(raw: string): string {
  const start = raw.indexOf('{');
  if (start === -1) return raw;
  try {
    const body = JSON.parse(raw.slice(start)) as { error?: { message?: string } };
    return body.error?.message ?? raw;
  } catch {
    return raw;
  }
}
