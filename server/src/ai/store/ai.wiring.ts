import type { PrismaClient } from '@prisma/client';
import type { ProviderSettings } from '../ai.config';
import { toProviderCredentials } from '../ai.config';
import type { Clock } from '../ai.model';
import { type AiEngine, type AiEngineDeps, createAiEngine } from '../ai.service';
import { createAiEvents, createBudgetGuard, type PlanAllowanceLookup } from './ai-budget.repo';
import { createResponseCache } from './ai-cache.repo';
import { createUsageRecorder } from './ai-usage.repo';
import { createCredentialsResolver, createPolicyResolver } from './ai-workspace.repo';

/** The AI engine as the server runs it: every port backed by PostgreSQL. */
export function createWorkspaceAiEngine(options: {
  prisma: PrismaClient;
  secret: string;
  providers: ProviderSettings;
  log: { warn(object: object, message: string): void };
  clock?: Clock;
  router?: AiEngineDeps['router'];
  adapters?: AiEngineDeps['adapters'];
  /** Billing plans' monthly allowances (Shopify shops); without it only the money budget limits. */
  planAllowances?: PlanAllowanceLookup;
}): AiEngine {
  const clock = options.clock ?? { now: Date.now };
  return createAiEngine({
    adapters: options.adapters,
    clock,
    credentials: createCredentialsResolver(options.prisma, options.secret, toProviderCredentials(options.providers)),
    policyFor: createPolicyResolver(options.prisma),
    usage: createUsageRecorder(options.prisma),
    budget: createBudgetGuard(options.prisma, clock, options.planAllowances),
    cache: createResponseCache(options.prisma),
    events: createAiEvents(options.prisma, clock, options.log),
    router: options.router,
  });
}

/** True when no provider can be used: the product then runs on the offline assistant, and says so. */
export function isOfflineMode(providers: ProviderSettings): boolean {
  return Object.keys(toProviderCredentials(providers)).length === 0;
}
