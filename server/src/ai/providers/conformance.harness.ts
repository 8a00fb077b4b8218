import type { ProviderAdapter, ToolDefinition } from '../ai.model';
import { startFakeAnthropic } from '../testing/fake-anthropic.server';
import { startFakeGemini } from '../testing/fake-gemini.server';
import { startFakeOpenAi } from '../testing/fake-openai.server';
import type { FakeServer, WireBody } from '../testing/fake-server';
import { createAnthropicAdapter } from './anthropic/anthropic.adapter';
import { createGeminiAdapter } from './gemini/gemini.adapter';
import { createOpenAiAdapter } from './openai/openai.adapter';

/** How to start each vendor's fake, build its adapter, and read what its SDK put on the wire. */
export interface Harness {
  name: string;
  model: string;
  start(): Promise<FakeServer>;
  create(url: string): ProviderAdapter;
  /** SSE events after which a cut leaves some text delivered. */
  cutAfterEvents: number;
  systemSent(body: WireBody): string | undefined;
  toolNamesSent(body: WireBody): string[];
  /** The tool result carried by a follow-up request, as the vendor encodes it. */
  toolResultSent(body: WireBody): { id?: string; name?: string; content: unknown } | undefined;
  /** The earlier assistant tool call echoed back in the follow-up request. */
  toolCallEchoed(body: WireBody): { id?: string; name: string; args: unknown } | undefined;
  structuredOutputRequested(body: WireBody): boolean;
}

export const harnesses: Harness[] = [
  {
    name: 'openai',
    model: 'gpt-4.1-mini',
    start: startFakeOpenAi,
    create: (url) => createOpenAiAdapter({ apiKey: 'test-key', baseURL: `${url}/v1` }),
    cutAfterEvents: 2,
    systemSent: (body) => body.messages.find((message: WireBody) => message.role === 'system')?.content,
    toolNamesSent: (body) => (body.tools ?? []).map((tool: WireBody) => tool.function.name),
    toolResultSent: (body) => {
      const message = body.messages.find((candidate: WireBody) => candidate.role === 'tool');
      return message && { id: message.tool_call_id, content: JSON.parse(message.content) };
    },
    toolCallEchoed: (body) => {
      const call = body.messages.find((message: WireBody) => message.tool_calls)?.tool_calls[0];
      return call && { id: call.id, name: call.function.name, args: JSON.parse(call.function.arguments) };
    },
    structuredOutputRequested: (body) =>
      body.response_format?.type === 'json_schema' &&
      body.response_format.json_schema.schema.properties.title !== undefined,
  },
  {
    name: 'anthropic',
    model: 'claude-haiku-4-5',
    start: startFakeAnthropic,
    create: (url) => createAnthropicAdapter({ apiKey: 'test-key', baseURL: url }),
    cutAfterEvents: 4,
    systemSent: (body) => body.system,
    toolNamesSent: (body) => (body.tools ?? []).map((tool: WireBody) => tool.name),
    toolResultSent: (body) => {
      const block = body.messages
        .flatMap((message: WireBody) => message.content)
        .find((item: WireBody) => item.type === 'tool_result');
      return block && { id: block.tool_use_id, content: JSON.parse(block.content) };
    },
    toolCallEchoed: (body) => {
      const block = body.messages
        .flatMap((message: WireBody) => message.content)
        .find((item: WireBody) => item.type === 'tool_use');
      return block && { id: block.id, name: block.name, args: block.input };
    },
    structuredOutputRequested: (body) =>
      body.tool_choice?.type === 'tool' &&
      body.tools.some((tool: WireBody) => tool.name === body.tool_choice.name && tool.input_schema.properties.title),
  },
  {
    name: 'gemini',
    model: 'gemini-2.5-flash',
    start: startFakeGemini,
    create: (url) => createGeminiAdapter({ apiKey: 'test-key', baseURL: url }),
    cutAfterEvents: 1,
    systemSent: (body) => body.systemInstruction?.parts?.[0]?.text,
    toolNamesSent: (body) =>
      (body.tools?.[0]?.functionDeclarations ?? []).map((declaration: WireBody) => declaration.name),
    toolResultSent: (body) => {
      const part = body.contents
        .flatMap((content: WireBody) => content.parts)
        .find((item: WireBody) => item.functionResponse);
      return part && { name: part.functionResponse.name, content: part.functionResponse.response };
    },
    toolCallEchoed: (body) => {
      const part = body.contents
        .flatMap((content: WireBody) => content.parts)
        .find((item: WireBody) => item.functionCall);
      return part && { name: part.functionCall.name, args: part.functionCall.args };
    },
    structuredOutputRequested: (body) =>
      body.generationConfig?.responseMimeType === 'application/json' &&
      body.generationConfig.responseJsonSchema?.properties?.title !== undefined,
  },
];

export const searchTool: ToolDefinition = {
  name: 'search_products',
  description: 'Search the store catalog',
  parameters: {
    type: 'object',
    properties: { query: { type: 'string' }, limit: { type: 'integer' } },
    required: ['query'],
  },
};
