/** Test helpers for other modules: in-memory ports for `createAiEngine` and fake vendor servers. */
export { startFakeAnthropic } from './fake-anthropic.server';
export { startFakeGemini } from './fake-gemini.server';
export { startFakeOpenAi } from './fake-openai.server';
export type { FakeReply, FakeServer, FakeServerOptions, FakeToolCall, RecordedRequest, WireBody } from './fake-server';
export {
  createManualClock,
  createMemoryBudget,
  createMemoryCache,
  createMemoryEvents,
  createMemoryUsageSink,
} from './in-memory.ports';
