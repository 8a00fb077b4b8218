/** Tenancy: workspaces' settings, widget keys and API keys. */
export {
  ApiKeyNotFoundError,
  type ApiKeyPrincipal,
  type ApiKeyScope,
  type ApiKeyView,
  apiKeyScopes,
} from './api-key.model';
export { authenticateApiKey, createApiKey, listApiKeys, revokeApiKey } from './api-key.repo';
export { issueApiKey, withdrawApiKey } from './api-key.service';
export type { TenancyActor } from './tenancy-audit.repo';
export {
  findWidgetKey,
  findWorkspaceWidgetKey,
  isOriginAllowed,
  recordWidgetSeen,
  type WidgetKeyContext,
  type WorkspaceWidgetKey,
} from './widget-key.repo';
export {
  isWithinBusinessHours,
  readWorkspaceSettings,
  type WorkspaceSettings,
  workspaceSettingsSchema,
} from './workspace-settings.model';
export { findWorkspaceProfile, type WorkspaceProfile } from './workspace-settings.repo';
export { saveAllowedOrigins, saveWorkspaceSettings } from './workspace-settings.service';
