import {
  emptyUsage,
  type FinishReason,
  type GenerateResult,
  type StreamPart,
  type StructuredOutput,
  StructuredOutputError,
  type ToolCall,
} from './ai.model';

/**
 * Consumes a stream into one result. An `error` part is thrown, because a caller
 * that wanted partial output would have used the stream itself.
 */
export async function generate<T = unknown>(
  parts: AsyncIterable<StreamPart>,
  output?: StructuredOutput<T>,
): Promise<GenerateResult<T>> {
  let text = '';
  const toolCalls: ToolCall[] = [];
  let finishReason: FinishReason = 'other';
  let usage = emptyUsage();
  let provider: GenerateResult['provider'];
  let model: string | undefined;

  for await (const part of parts) {
    switch (part.type) {
      case 'text-delta':
        text += part.text;
        break;
      case 'tool-call': {
        const { type: _type, ...call } = part;
        toolCalls.push(call);
        break;
      }
      case 'finish':
        finishReason = part.finishReason;
        usage = part.usage;
        provider = part.provider;
        model = part.model;
        break;
      case 'error':
        throw part.error;
    }
  }

  const object = output ? parseStructuredOutput(text, output) : undefined;
  return { text, toolCalls, object, finishReason, usage, provider, model };
}

/** Parses model text as JSON and validates it; tolerates a Markdown code fence around it. */
export function parseStructuredOutput<T>(text: string, output: StructuredOutput<T>): T {
  const json = stripCodeFence(text.trim());
  if (json === '') {
    throw new StructuredOutputError(`The model returned no JSON for "${output.name}".`, { text });
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (cause) {
    throw new StructuredOutputError(`The model returned invalid JSON for "${output.name}".`, {
      text,
      cause,
    });
  }
  const parsed = output.schema.safeParse(value);
  if (!parsed.success) {
    throw new StructuredOutputError(`The model's JSON does not match the "${output.name}" schema.`, {
      text,
      issues: parsed.error.issues,
    });
  }
  return parsed.data;
}

function stripCodeFence(text: string): string {
  const fenced = /^```(?:json)?\s*\n([\s\S]*?)\n?```$/i.exec(text);
  return fenced?.[1] !== undefined ? fenced[1].trim() : text;
}
