import type { PrismaClient } from '@prisma/client';
import {
  AI_TASKS,
  type AiTask,
  type BudgetState,
  createBudgetGuard,
  DEFAULT_ROUTING_POLICY,
  describeProviderKeys,
  InvalidAiSettingError,
  monthToDateCostMicroUsd,
  type RouteChoice,
  type RoutingPolicyOverride,
  removeProviderKey,
  routingPolicySchema,
  saveProviderKey,
  saveRoutingPolicy,
} from '../../ai';
import {
  AiSettingRejectedError,
  budgetInputSchema,
  knownModels,
  providerKeyInputSchema,
  providerSchema,
  taskRouteInputSchema,
  taskSchemaInput,
  type VendorProvider,
  vendorProviders,
} from './ai-settings.model';
import { readAiColumns, writeAiAudit, writeBudget } from './ai-settings.repo';

export interface AiSettingsDeps {
  prisma: PrismaClient;
  /** Encrypts workspace keys (CLOSER_SECRET). */
  secret: string;
  /** Providers with keys in the instance's environment. */
  instanceProviders: readonly string[];
  now: () => Date;
}

export interface AiSettingsActor {
  workspaceId: string;
  userId: string;
  ip?: string | null;
}

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

export async function saveWorkspaceProviderKey(deps: AiSettingsDeps, actor: AiSettingsActor, input: unknown) {
  const { provider, apiKey, baseURL } = providerKeyInputSchema.parse(input);
  try {
    await saveProviderKey(deps.prisma, deps.secret, actor.workspaceId, provider, { apiKey, baseURL });
  } catch (error) {
    if (error instanceof InvalidAiSettingError) throw new AiSettingRejectedError(error.message);
    throw error;
  }
  await audit(deps, actor, 'ai.key.saved', { provider, baseUrlHost: baseURL ? new URL(baseURL).host : null });
  return { provider };
}

export async function removeWorkspaceProviderKey(deps: AiSettingsDeps, actor: AiSettingsActor, input: unknown) {
  const { provider } = providerSchema.parse(input);
  await removeProviderKey(deps.prisma, actor.workspaceId, provider);
  await audit(deps, actor, 'ai.key.removed', { provider });
  return { provider };
}

export async function saveTaskRoute(deps: AiSettingsDeps, actor: AiSettingsActor, input: unknown) {
  const keys = await describeProviderKeys(deps.prisma, actor.workspaceId);
  const { task, choices } = taskRouteInputSchema({ openaiCompatible: Boolean(keys.openai?.baseURL) }).parse(input);
  const override = await readOverride(deps.prisma, actor.workspaceId);
  await storeOverride(deps.prisma, actor.workspaceId, { ...override, [task]: choices });
  await audit(deps, actor, 'ai.routing.changed', { task, choices: choices.map((choice) => ({ ...choice })) });
  return { task };
}

export async function resetTaskRoute(deps: AiSettingsDeps, actor: AiSettingsActor, input: unknown) {
  const { task } = taskSchemaInput.parse(input);
  const { [task]: _removed, ...rest } = await readOverride(deps.prisma, actor.workspaceId);
  await storeOverride(deps.prisma, actor.workspaceId, rest);
  await audit(deps, actor, 'ai.routing.reset', { task });
  return { task };
}

export async function saveBudget(deps: AiSettingsDeps, actor: AiSettingsActor, input: unknown) {
  const { monthlyBudgetUsd, onExceeded } = budgetInputSchema.parse(input);
  await writeBudget(deps.prisma, actor.workspaceId, { monthlyBudgetMicroUsd: monthlyBudgetUsd, onExceeded });
  await audit(deps, actor, 'ai.budget.changed', {
    monthlyBudgetMicroUsd: monthlyBudgetUsd === null ? null : Number(monthlyBudgetUsd),
    onExceeded,
  });
  return { monthlyBudgetMicroUsd: monthlyBudgetUsd === null ? null : Number(monthlyBudgetUsd), onExceeded };
}

function parseOverride(stored: unknown): RoutingPolicyOverride {
  const parsed = routingPolicySchema.safeParse(stored ?? {});
  return parsed.success ? (parsed.data as RoutingPolicyOverride) : {};
}

async function readOverride(prisma: PrismaClient, workspaceId: string): Promise<RoutingPolicyOverride> {
  return parseOverride((await readAiColumns(prisma, workspaceId)).aiRoutingPolicy);
}

async function storeOverride(prisma: PrismaClient, workspaceId: string, override: RoutingPolicyOverride) {
  try {
    await saveRoutingPolicy(prisma, workspaceId, override);
  } catch (error) {
    if (error instanceof InvalidAiSettingError) throw new AiSettingRejectedError(error.message);
    throw error;
  }
}

function audit(
  deps: AiSettingsDeps,
  actor: AiSettingsActor,
  action: Parameters<typeof writeAiAudit>[1]['action'],
  data: Parameters<typeof writeAiAudit>[1]['data'],
) {
  return writeAiAudit(deps.prisma, {
    workspaceId: actor.workspaceId,
    userId: actor.userId,
    ip: actor.ip,
    action,
    data,
  });
}
