import {
  AI_TASKS,
  type AiTask,
  type BudgetState,
  createBudgetGuard,
  DEFAULT_ROUTING_POLICY,
  describeProviderKeys,
  monthToDateCostMicroUsd,
  type RouteChoice,
  type RoutingPolicyOverride,
  routingPolicySchema,
} from '../../ai';
import type { AiSettingsDeps } from './ai-settings.deps';
import { type VendorProvider, vendorProviders } from './ai-settings.model';
import { readAiColumns } from './ai-settings.repo';
import { knownModels } from './routing-choice.model';

/** What the AI page shows of a workspace's settings: never a key, only whether one is set. */
export interface ProviderStatus {
  provider: VendorProvider;
  /** The instance's environment has a key for it. */
  instanceKey: boolean;
  /** The workspace's own key: only its last four characters and the server's host ever leave the store. */
  workspaceKey: { lastFour: string | null; baseUrlHost: string | null } | null;
}

export interface TaskRoute {
  task: AiTask;
  choices: RouteChoice[];
  /** The workspace chose these; otherwise they are the default policy's. */
  custom: boolean;
  defaultChoices: RouteChoice[];
}

export interface AiSettingsView {
  providers: ProviderStatus[];
  /** No vendor can be called for this workspace: every task runs on the offline assistant. */
  offline: boolean;
  routes: TaskRoute[];
  knownModels: RouteChoice[];
  /** The workspace's OpenAI key points at an OpenAI-compatible server, so any model name is allowed there. */
  openaiCompatible: boolean;
  budget: {
    monthlyBudgetMicroUsd: number | null;
    onExceeded: 'offline' | 'handoff';
    /** Spend since the first of this month (UTC), the figure the budget is checked against. */
    spentThisMonthMicroUsd: number;
    monthStart: string;
    state: BudgetState;
  };
}

export async function getAiSettings(deps: AiSettingsDeps, workspaceId: string): Promise<AiSettingsView> {
  const now = deps.now();
  const [keys, columns, spent, status] = await Promise.all([
    describeProviderKeys(deps.prisma, workspaceId),
    readAiColumns(deps.prisma, workspaceId),
    monthToDateCostMicroUsd(deps.prisma, workspaceId, now),
    createBudgetGuard(deps.prisma, { now: () => now.getTime() }).check(workspaceId),
  ]);
  const override = parseOverride(columns.aiRoutingPolicy);
  const providers = vendorProviders.map((provider) => {
    const stored = keys[provider];
    return {
      provider,
      instanceKey: deps.instanceProviders.includes(provider),
      workspaceKey: stored
        ? {
            // The store's hint is "abc…wxyz"; the first characters only name the vendor, so only the end is shown.
            lastFour: stored.hint.includes('…') ? stored.hint.slice(-4) : null,
            baseUrlHost: stored.baseURL && URL.canParse(stored.baseURL) ? new URL(stored.baseURL).host : null,
          }
        : null,
    };
  });
  return {
    providers,
    offline: providers.every((provider) => !provider.instanceKey && !provider.workspaceKey),
    routes: AI_TASKS.map((task) => ({
      task,
      choices: override[task] ?? DEFAULT_ROUTING_POLICY[task],
      custom: override[task] !== undefined,
      defaultChoices: DEFAULT_ROUTING_POLICY[task],
    })),
    knownModels,
    openaiCompatible: Boolean(keys.openai?.baseURL),
    budget: {
      monthlyBudgetMicroUsd: columns.aiMonthlyBudgetMicroUsd === null ? null : Number(columns.aiMonthlyBudgetMicroUsd),
      onExceeded: columns.aiOnBudgetExceeded,
      spentThisMonthMicroUsd: Number(spent),
      monthStart: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)).toISOString().slice(0, 10),
      state: status.state,
    },
  };
}

/**
 * The layout's banner question, cheaply: a workspace is offline when the
 * instance has no key and it has none of its own (only then is the store read).
 */
export async function isWorkspaceOffline(deps: AiSettingsDeps, workspaceId: string): Promise<boolean> {
  if (deps.instanceProviders.length > 0) return false;
  const keys = await describeProviderKeys(deps.prisma, workspaceId);
  return vendorProviders.every((provider) => !keys[provider]);
}

/** The stored override, or none: anything that no longer parses means the default policy, as in the engine. */
export function parseOverride(stored: unknown): RoutingPolicyOverride {
  const parsed = routingPolicySchema.safeParse(stored ?? {});
  return parsed.success ? (parsed.data as RoutingPolicyOverride) : {};
}
