import type { Prisma, PrismaClient } from '@prisma/client';
import {
  describeProviderKeys,
  InvalidAiSettingError,
  type RoutingPolicyOverride,
  removeProviderKey,
  saveProviderKey,
  saveRoutingPolicy,
} from '../../ai';
import type { AiSettingsActor, AiSettingsDeps } from './ai-settings.deps';
import { AiSettingRejectedError, budgetInputSchema, providerKeyInputSchema, providerSchema } from './ai-settings.model';
import { type AiAuditAction, readAiColumns, writeAiAudit, writeBudget } from './ai-settings.repo';
import { parseOverride } from './ai-settings.view';
import { taskInputSchema, taskRouteInputSchema } from './routing-choice.model';

/** Changes to a workspace's AI settings; each is validated, then audited (never with a key in it). */

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
  const { task } = taskInputSchema.parse(input);
  const { [task]: _removed, ...rest } = await readOverride(deps.prisma, actor.workspaceId);
  await storeOverride(deps.prisma, actor.workspaceId, rest);
  await audit(deps, actor, 'ai.routing.reset', { task });
  return { task };
}

export async function saveBudget(deps: AiSettingsDeps, actor: AiSettingsActor, input: unknown) {
  const { monthlyBudgetUsd, onExceeded } = budgetInputSchema.parse(input);
  await writeBudget(deps.prisma, actor.workspaceId, { monthlyBudgetMicroUsd: monthlyBudgetUsd, onExceeded });
  // JSON (the audit entry, the page) has no bigint; a budget under a billion dollars is exact as a number.
  const saved = { monthlyBudgetMicroUsd: monthlyBudgetUsd === null ? null : Number(monthlyBudgetUsd), onExceeded };
  await audit(deps, actor, 'ai.budget.changed', saved);
  return saved;
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

function audit(deps: AiSettingsDeps, actor: AiSettingsActor, action: AiAuditAction, data: Prisma.InputJsonValue) {
  return writeAiAudit(deps.prisma, {
    workspaceId: actor.workspaceId,
    userId: actor.userId,
    ip: actor.ip,
    action,
    data,
  });
}
