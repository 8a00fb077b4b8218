import type Anthropic from '@anthropic-ai/sdk';
import type { ChatRequest } from '../../ai.model';
import { toolResultText } from '../shared/json-schema';

type ContentBlock = Anthropic.ContentBlockParam;

/**
 * Messages API wants alternating user/assistant turns: tool results are user
 * content blocks, so a run of tool messages (and a user message after them) is
 * folded into one user turn.
 */
export function convertToAnthropicMessages(request: ChatRequest): Anthropic.MessageParam[] {
  const turns: { role: 'user' | 'assistant'; content: ContentBlock[] }[] = [];
  const push = (role: 'user' | 'assistant', blocks: ContentBlock[]) => {
    if (blocks.length === 0) return;
    const last = turns.at(-1);
    if (last?.role === role) last.content.push(...blocks);
    else turns.push({ role, content: blocks });
  };

  for (const message of request.messages) {
    switch (message.role) {
      case 'user':
        push('user', textBlocks(message.content));
        break;
      case 'assistant':
        push('assistant', [
          ...textBlocks(message.content),
          ...(message.toolCalls ?? []).map(
            (call): ContentBlock => ({ type: 'tool_use', id: call.id, name: call.name, input: call.args }),
          ),
        ]);
        break;
      case 'tool':
        push('user', [
          { type: 'tool_result', tool_use_id: message.toolCallId, content: toolResultText(message.result) },
        ]);
        break;
    }
  }

  // The conversation must open with a user turn; a stored greeting from the assistant would not.
  if (turns[0]?.role === 'assistant') turns.unshift({ role: 'user', content: textBlocks('(conversation start)') });
  return turns;
}

/** The API rejects empty text blocks. */
function textBlocks(text: string | undefined): ContentBlock[] {
  return text && text.trim() !== '' ? [{ type: 'text', text }] : [];
}
