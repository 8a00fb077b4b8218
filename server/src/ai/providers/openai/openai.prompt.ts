import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { ChatRequest } from '../../ai.model';
import { toolResultText } from '../shared/json-schema';

/** Our messages map one to one onto Chat Completions messages; the system prompt goes first. */
export function convertToOpenAiMessages(request: ChatRequest): ChatCompletionMessageParam[] {
  const messages: ChatCompletionMessageParam[] = [];
  if (request.system) messages.push({ role: 'system', content: request.system });

  for (const message of request.messages) {
    switch (message.role) {
      case 'user':
        messages.push({ role: 'user', content: message.content });
        break;
      case 'assistant': {
        const toolCalls = message.toolCalls ?? [];
        messages.push({
          role: 'assistant',
          // The API wants `null`, not '', when the turn is only tool calls.
          content: message.content ? message.content : toolCalls.length > 0 ? null : '',
          ...(toolCalls.length > 0 && {
            tool_calls: toolCalls.map((call) => ({
              id: call.id,
              type: 'function' as const,
              function: { name: call.name, arguments: JSON.stringify(call.args) },
            })),
          }),
        });
        break;
      }
      case 'tool':
        messages.push({ role: 'tool', tool_call_id: message.toolCallId, content: toolResultText(message.result) });
        break;
    }
  }
  return messages;
}
