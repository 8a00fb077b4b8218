import OpenAI from 'openai';
import { createAiEngine } from '../server/src/ai';
import { startFakeOpenAi } from '../server/src/ai/testing/fake-openai.server';
import {
  createMemoryBudget,
  createMemoryCache,
  createMemoryEvents,
  createMemoryUsageSink,
} from '../server/src/ai/testing/in-memory.ports';
import { median, writeResult } from './lib/report';

/**
 * What our AI layer (routing, retries, breaker, parts mapping, usage
 * accounting) adds on top of the raw OpenAI SDK, both streaming from the same
 * local fake server. Runs alternate so drift on the machine hits both sides.
 */
const server = await startFakeOpenAi();
const baseURL = `${server.url}/v1`;
const raw = new OpenAI({ apiKey: 'bench', baseURL, maxRetries: 0 });
const engine = createAiEngine({
  credentials: async () => ({ openai: { apiKey: 'bench', baseURL } }),
  usage: createMemoryUsageSink(),
  budget: createMemoryBudget(),
  cache: createMemoryCache(),
  events: createMemoryEvents(),
  clock: { now: () => performance.now() },
  policyFor: async () => ({ 'assistant.reply': [{ provider: 'openai', model: 'gpt-4.1-mini' }] }),
});
const messages = [{ role: 'user' as const, content: 'Hello' }];

async function timeRaw(): Promise<number> {
  const started = performance.now();
  const stream = await raw.chat.completions.create({
    model: 'gpt-4.1-mini',
    messages,
    stream: true,
    stream_options: { include_usage: true },
  });
  for await (const _chunk of stream) {
    // consume
  }
  return performance.now() - started;
}

async function timeEngine(): Promise<number> {
  const started = performance.now();
  for await (const _part of engine.stream('bench', 'assistant.reply', { messages })) {
    // consume
  }
  return performance.now() - started;
}

async function overhead(tokens: number, runs: number): Promise<number[]> {
  const text = Array.from({ length: tokens }, (_, index) => `tok${index} `);
  const differences: number[] = [];
  for (let run = 0; run < runs; run++) {
    server.enqueue({ text, usage: { inputTokens: 10, outputTokens: tokens } });
    server.enqueue({ text, usage: { inputTokens: 10, outputTokens: tokens } });
    let rawMs: number;
    let engineMs: number;
    if (run % 2 === 0) {
      rawMs = await timeRaw();
      engineMs = await timeEngine();
    } else {
      engineMs = await timeEngine();
      rawMs = await timeRaw();
    }
    differences.push(engineMs - rawMs);
    server.requests.length = 0;
  }
  return differences;
}

// Warm up both paths (JIT, connection pools).
await overhead(50, 10);
const perCall = median(await overhead(1, 300));
const longStream = 2_000;
const perToken = median(await overhead(longStream, 30)) / longStream;
await server.close();

const round = (value: number, digits: number) => Number(value.toFixed(digits));
writeResult('ai-overhead', 'Overhead of the AI engine over the raw OpenAI SDK against a local fake server (median)', [
  { name: 'added per call (1-token reply)', value: round(perCall, 3), unit: 'ms', target: '≤ 2 ms', met: perCall <= 2 },
  {
    name: 'added per streamed token (2,000-token reply)',
    value: round(perToken, 4),
    unit: 'ms',
    target: '≤ 0.05 ms',
    met: perToken <= 0.05,
  },
]);
