import type { Message } from '@prisma/client';
import type { ChatMessage, ToolCall } from '../../ai';
import type { MessageParts } from '../conversations';

/**
 * The model's view of a conversation: shopper turns as user messages, and each
 * assistant reply preceded by the tool calls and results behind it, so a
 * follow-up ("add the blue one") can refer to what the tools found.
 */
export function toChatHistory(messages: Message[]): ChatMessage[] {
  const history: ChatMessage[] = [];
  for (const message of messages) {
    const parts = (message.parts ?? {}) as MessageParts;
    if (parts.streaming) continue;
    if (message.role === 'shopper') history.push({ role: 'user', content: message.text });
    if (message.role === 'agent')
      history.push({ role: 'assistant', content: `(A member of the store's team wrote:) ${message.text}` });
    if (message.role !== 'assistant') continue;
    for (const round of parts.toolRounds ?? []) {
      history.push({ role: 'assistant', toolCalls: round.calls as ToolCall[] });
      for (const result of round.results) history.push({ role: 'tool', ...result });
    }
    if (message.text) history.push({ role: 'assistant', content: message.text });
  }
  // Providers expect the conversation to open with the shopper.
  while (history[0] && history[0].role !== 'user') history.shift();
  return history;
}
