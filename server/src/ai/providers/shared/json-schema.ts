import { z } from 'zod';
import { type JsonSchema, ProviderError, type ProviderId, type StructuredOutput } from '../../ai.model';

/** JSON Schema for a structured-output request, without the `$schema` marker vendors reject. */
export function outputJsonSchema(output: StructuredOutput): JsonSchema {
  const { $schema: _ignored, ...schema } = z.toJSONSchema(output.schema) as JsonSchema;
  return schema;
}

/** Vendors restrict schema and tool names to `[a-zA-Z0-9_-]{1,64}`. */
export function safeName(name: string): string {
  const cleaned = name.replace(/[^a-zA-Z0-9_-]/g, '_').slice(0, 64);
  return cleaned === '' ? 'output' : cleaned;
}

/**
 * Tool arguments arrive as streamed JSON text. A model that emits broken JSON
 * usually gets it right on a second try, hence retryable.
 */
export function parseToolArguments(provider: ProviderId, name: string, json: string): Record<string, unknown> {
  if (json.trim() === '') return {};
  try {
    const value: unknown = JSON.parse(json);
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch (cause) {
    throw new ProviderError(`${provider} sent invalid JSON arguments for tool "${name}"`, {
      provider,
      kind: 'stream',
      retryable: true,
      cause,
    });
  }
  throw new ProviderError(`${provider} sent non-object arguments for tool "${name}"`, {
    provider,
    kind: 'stream',
    retryable: true,
  });
}

/** Tool results travel as text on OpenAI and Anthropic. */
export function toolResultText(result: unknown): string {
  return typeof result === 'string' ? result : JSON.stringify(result ?? null);
}
