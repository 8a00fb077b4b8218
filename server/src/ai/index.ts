/** The AI engine: the only way into a language model for the rest of the server. */
export { type ProviderSettings, toProviderCredentials } from './ai.config';
export { generate, parseStructuredOutput } from './ai.generate';
export {
  type AdapterFactory,
  type AdapterOptions,
  AI_TASKS,
  AiBudgetExceededError,
  type AiTask,
  type ChatMessage,
  type ChatRequest,
  type Clock,
  type FinishReason,
  type GenerateResult,
  type ProviderAdapter,
  type ProviderCredential,
  type ProviderCredentials,
  ProviderError,
  type ProviderId,
  type StreamPart,
  type StructuredOutput,
  StructuredOutputError,
  type ToolCall,
  type ToolDefinition,
  type Usage,
} from './ai.model';
export type {
  AiBudget,
  AiBudgetStatus,
  AiCredentialsResolver,
  AiEvents,
  AiPolicyResolver,
  AiResponseCache,
  AiUsageOutcome,
  AiUsageRow,
  AiUsageSink,
  BudgetState,
  CachedAiResponse,
} from './ai.ports';
export {
  type AiCallOptions,
  type AiEngine,
  type AiEngineDeps,
  type AiStreamPart,
  createAiEngine,
  type HandoffPart,
} from './ai.service';
export { type CircuitBreaker, createCircuitBreaker } from './circuit-breaker';
export { costMicroUsd, findPrice, type ModelPrice, PRICES, priceUsage } from './prices';
export { type AdapterRegistry, DEFAULT_ADAPTERS } from './providers/adapter.registry';
export { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry';
export {
  DEFAULT_ROUTING_POLICY,
  type RouteChoice,
  type RoutingPolicy,
  type RoutingPolicyOverride,
} from './routing-policy';
export { decryptSecret, encryptSecret, maskSecret, SecretDecryptionError } from './secrets';
export { createWorkspaceAiEngine, isOfflineMode } from './store/ai.wiring';
export {
  createAiEvents,
  createBudgetGuard,
  type PlanAllowance,
  type PlanAllowanceLookup,
  type PlanUsage,
  planUsageThisMonth,
} from './store/ai-budget.repo';
export { createResponseCache } from './store/ai-cache.repo';
export { createUsageRecorder, monthToDateCostMicroUsd } from './store/ai-usage.repo';
export {
  createCredentialsResolver,
  createPolicyResolver,
  describeProviderKeys,
  InvalidAiSettingError,
  removeProviderKey,
  routingPolicySchema,
  saveProviderKey,
  saveRoutingPolicy,
} from './store/ai-workspace.repo';
