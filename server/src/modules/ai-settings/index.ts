/** A workspace's AI settings: its own provider keys (write-only), routing policy per task, monthly budget. */
export type { AiSettingsActor, AiSettingsDeps } from './ai-settings.deps';
export {
  removeWorkspaceProviderKey,
  resetTaskRoute,
  saveBudget,
  saveTaskRoute,
  saveWorkspaceProviderKey,
} from './ai-settings.service';
export {
  type AiSettingsView,
  getAiSettings,
  isWorkspaceOffline,
  type ProviderStatus,
  type TaskRoute,
} from './ai-settings.view';
