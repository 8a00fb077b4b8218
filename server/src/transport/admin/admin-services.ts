import { hasPermission, issueAgentToken, permissionNames, type Role, sessionCookieName } from '../../modules/identity';
import type { AdminDeps } from './admin-deps';
import { classifyAdminError } from './admin-errors';
import { createAiUsageAdmin } from './ai-usage.admin';
import { createAssistantAdmin } from './assistant.admin';
import { createCatalogAdmin } from './catalog.admin';
import { createContactsAdmin } from './contacts.admin';
import { createContentAdmin } from './content.admin';
import { createForecastsAdmin } from './forecasts.admin';
import { createHomeAdmin } from './home.admin';
import { createInboxAdmin } from './inbox.admin';
import { createInstallAdmin } from './install.admin';
import { createOrdersAdmin } from './orders.admin';
import { createTeamAdmin } from './team.admin';

export type { AdminActor, AdminDeps } from './admin-deps';
export type { AdminFailure } from './admin-errors';

/**
 * Everything the admin pages may call, handed to Remix as the load context
 * (`context.closer`). The pages never import server modules: they get this
 * object, so the portal bundle holds no database code and both admin shells
 * (portal, Shopify) reach the same services.
 */
export function createAdminServices(deps: AdminDeps) {
  return {
    identity: deps.identity,
    publicUrl: deps.publicUrl,
    aiOffline: deps.aiOffline,
    classifyError: classifyAdminError,
    sessionCookieName,
    permissionsOf: (role: Role) => permissionNames.filter((permission) => hasPermission(role, permission)),
    log: deps.log,
    /** A short-lived token for the inbox's `/agent` socket; the session cookie stays httpOnly. */
    issueAgentToken: (sessionToken: string, workspaceId: string) => issueAgentToken(deps, sessionToken, workspaceId),
    home: createHomeAdmin(deps),
    inbox: createInboxAdmin(deps),
    catalog: createCatalogAdmin(deps),
    orders: createOrdersAdmin(deps),
    contacts: createContactsAdmin(deps),
    assistant: createAssistantAdmin(deps),
    install: createInstallAdmin(deps),
    aiUsage: createAiUsageAdmin(deps),
    team: createTeamAdmin(deps),
    forecasts: createForecastsAdmin(deps),
    content: createContentAdmin(deps),
  };
}

export type AdminServices = ReturnType<typeof createAdminServices>;
