import {
  type AiSettingsDeps,
  getAiSettings,
  isWorkspaceOffline,
  removeWorkspaceProviderKey,
  resetTaskRoute,
  saveBudget,
  saveTaskRoute,
  saveWorkspaceProviderKey,
} from '../../modules/ai-settings';
import { getAiUsageReport, parseRangeDays } from '../../modules/analytics';
import { requirePermission } from '../../modules/identity';
import type { AdminActor, AdminDeps } from './admin-deps';

/**
 * The admin's "AI and usage" page: every member reads settings and usage;
 * changing keys, routing or the budget takes `ai.manage`, checked here again
 * whatever the shell already checked. No function returns a provider key.
 */
export function createAiUsageAdmin(
  deps: Pick<AdminDeps, 'prisma' | 'secret' | 'aiProviders'>,
  now: () => Date = () => new Date(),
) {
  const settings: AiSettingsDeps = {
    prisma: deps.prisma,
    secret: deps.secret,
    instanceProviders: deps.aiProviders,
    now,
  };
  const manage =
    <Result>(change: (settingsDeps: AiSettingsDeps, actor: AdminActor, input: unknown) => Promise<Result>) =>
    async (actor: AdminActor, input: unknown) => {
      requirePermission(actor, 'ai.manage');
      return change(settings, actor, input);
    };
  return {
    /** `range` as the URL has it (`7d`, `30d`, `90d`); anything else means the default 30 days. */
    getOverview: async (actor: AdminActor, query: { range: string | null }) => {
      const [aiSettings, usage] = await Promise.all([
        getAiSettings(settings, actor.workspaceId),
        getAiUsageReport({ prisma: deps.prisma, now }, actor.workspaceId, parseRangeDays(query.range)),
      ]);
      return { settings: aiSettings, usage };
    },
    /** For the layout's banner: no key on the instance and none of the workspace's own. */
    isOffline: (actor: AdminActor) => isWorkspaceOffline(settings, actor.workspaceId),
    saveProviderKey: manage(saveWorkspaceProviderKey),
    removeProviderKey: manage(removeWorkspaceProviderKey),
    saveTaskRoute: manage(saveTaskRoute),
    resetTaskRoute: manage(resetTaskRoute),
    saveBudget: manage(saveBudget),
  };
}
