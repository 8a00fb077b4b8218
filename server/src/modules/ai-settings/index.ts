/** A workspace's AI settings: its own provider keys (write-only), routing policy per task, monthly budget. */
export {
  AiSettingRejectedError,
  type BudgetInput,
  budgetExceededActions,
  isPublicHttpsUrl,
  knownModels,
  type ProviderKeyInput,
  providerOfModel,
  type TaskRouteInput,
  type VendorProvider,
  vendorProviders,
} from './ai-settings.model';
export {
  type AiSettingsActor,
  type AiSettingsDeps,
  type AiSettingsView,
  getAiSettings,
  type ProviderStatus,
  removeWorkspaceProviderKey,
  resetTaskRoute,
  saveBudget,
  saveTaskRoute,
  saveWorkspaceProviderKey,
  type TaskRoute,
} from './ai-settings.service';
