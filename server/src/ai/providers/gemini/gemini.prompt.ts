import type { Content, Part } from '@google/genai';
import type { ChatRequest } from '../../ai.model';

/**
 * Gemini speaks in `user` / `model` contents; function responses are user parts.
 * We do not send function-call ids: Gemini pairs calls and responses by name and
 * order, and ids minted by another vendor (after a fallback) mean nothing to it.
 */
export function convertToGeminiContents(request: ChatRequest): Content[] {
  const contents: { role: 'user' | 'model'; parts: Part[] }[] = [];
  const push = (role: 'user' | 'model', parts: Part[]) => {
    if (parts.length === 0) return;
    const last = contents.at(-1);
    if (last?.role === role) last.parts.push(...parts);
    else contents.push({ role, parts });
  };

  for (const message of request.messages) {
    switch (message.role) {
      case 'user':
        push('user', textParts(message.content));
        break;
      case 'assistant':
        push('model', [
          ...textParts(message.content),
          ...(message.toolCalls ?? []).map(
            (call): Part => ({
              functionCall: { name: call.name, args: call.args },
              ...(call.providerMetadata?.gemini?.thoughtSignature && {
                thoughtSignature: call.providerMetadata.gemini.thoughtSignature,
              }),
            }),
          ),
        ]);
        break;
      case 'tool':
        push('user', [{ functionResponse: { name: message.name, response: asResponseObject(message.result) } }]);
        break;
    }
  }

  if (contents[0]?.role === 'model') contents.unshift({ role: 'user', parts: textParts('(conversation start)') });
  return contents;
}

function textParts(text: string | undefined): Part[] {
  return text && text.trim() !== '' ? [{ text }] : [];
}

/** `functionResponse.response` must be a JSON object (a protobuf Struct). */
function asResponseObject(result: unknown): Record<string, unknown> {
  if (result && typeof result === 'object' && !Array.isArray(result)) return result as Record<string, unknown>;
  return { result: result ?? null };
}
