import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { z } from 'zod';
import type { ChatRequest, Clock, ProviderCredentials } from '../ai.model';
import type { AiBudgetStatus } from '../ai.ports';
import { type AiStreamPart, createAiEngine } from '../ai.service';
import type { RoutingPolicyOverride } from '../routing-policy';
import { startFakeAnthropic } from './fake-anthropic.server';
import { startFakeOpenAi } from './fake-openai.server';
import type { FakeServer } from './fake-server';
import {
  createManualClock,
  createMemoryBudget,
  createMemoryCache,
  createMemoryEvents,
  createMemoryUsageSink,
} from './in-memory.ports';

/**
 * Shared set-up for engine tests: fake OpenAI and Anthropic servers for the
 * file (call at module level; it registers the hooks), three workspaces with
 * no keys / an OpenAI key / both keys, and a factory for engines on in-memory ports.
 */
export function useEngineHarness() {
  const servers = {} as { openai: FakeServer; anthropic: FakeServer };
  let credentials: Record<string, ProviderCredentials> = {};

  beforeAll(async () => {
    [servers.openai, servers.anthropic] = await Promise.all([startFakeOpenAi(), startFakeAnthropic()]);
    const openaiKey = { apiKey: 'k', baseURL: `${servers.openai.url}/v1` };
    credentials = {
      ws_none: {},
      ws_openai: { openai: openaiKey },
      ws_both: { openai: openaiKey, anthropic: { apiKey: 'k', baseURL: servers.anthropic.url } },
    };
  });
  afterAll(() => Promise.all([servers.openai.close(), servers.anthropic.close()]));
  afterEach(() => {
    // Every scripted reply must have been used, or the test did not do what it says.
    expect(servers.openai.pending() + servers.anthropic.pending()).toBe(0);
    servers.openai.requests.length = 0;
    servers.anthropic.requests.length = 0;
  });

  function createEngine(options: { budget?: AiBudgetStatus; policy?: RoutingPolicyOverride; clock?: Clock } = {}) {
    const usage = createMemoryUsageSink();
    const budget = createMemoryBudget(options.budget);
    const cache = createMemoryCache();
    const events = createMemoryEvents();
    const engine = createAiEngine({
      credentials: async (workspaceId) => credentials[workspaceId] ?? {},
      usage,
      budget,
      cache,
      events,
      clock: options.clock ?? createManualClock(),
      policyFor: async () => options.policy,
      router: { sleep: async () => {}, random: () => 0, retry: { maxAttempts: 1 } },
    });
    return { engine, usage, budget, cache, events };
  }

  return { servers, createEngine };
}

export async function collectParts(parts: AsyncIterable<AiStreamPart>): Promise<AiStreamPart[]> {
  const collected: AiStreamPart[] = [];
  for await (const part of parts) collected.push(part);
  return collected;
}

export const shopperRequest: ChatRequest = {
  messages: [{ role: 'user', content: 'Do you sell linen shirts?' }],
  tools: [
    {
      name: 'search_products',
      description: 'Search',
      parameters: { type: 'object', properties: { query: { type: 'string' } }, required: ['query'] },
    },
  ],
};

export const seoRequest: ChatRequest<{ title: string; description: string }> = {
  system: 'Write SEO copy.',
  messages: [{ role: 'user', content: 'Linen shirt, white' }],
  output: { name: 'seo', schema: z.object({ title: z.string(), description: z.string() }) },
  temperature: 0,
};

export const seoAnswer = {
  json: { title: 'White linen shirt', description: 'Breathable linen.' },
  usage: { inputTokens: 40, outputTokens: 20 },
};
