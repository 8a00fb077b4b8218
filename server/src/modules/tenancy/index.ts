/** Tenancy: workspaces' settings, widget keys and API keys. */
export {
  type ApiKeyPrincipal,
  type ApiKeyScope,
  apiKeyScopes,
  authenticateApiKey,
  createApiKey,
  revokeApiKey,
} from './api-key.repo';
export { findWidgetKey, isOriginAllowed, recordWidgetSeen, type WidgetKeyContext } from './widget-key.repo';
export {
  isWithinBusinessHours,
  readWorkspaceSettings,
  type WorkspaceSettings,
  workspaceSettingsSchema,
} from './workspace-settings.model';
