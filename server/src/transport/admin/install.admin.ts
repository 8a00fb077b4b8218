import { findWorkspaceProfile, findWorkspaceWidgetKey } from '../../modules/tenancy';
import type { AdminActor, AdminDeps } from './admin-deps';

/** The tag a merchant pastes into their store's pages (see docs/widget-protocol.md). */
export function installSnippet(publicUrl: string, publicKey: string): string {
  const loader = new URL('/widget/loader.js', publicUrl).toString();
  return `<script src="${loader}" data-key="${publicKey}" async></script>`;
}

/** The admin's install page: the snippet with the workspace's key, and whether the widget has loaded anywhere yet. */
export function createInstallAdmin(deps: Pick<AdminDeps, 'prisma' | 'publicUrl'>) {
  return {
    async loadInstallPage(actor: AdminActor) {
      const [widgetKey, profile] = await Promise.all([
        findWorkspaceWidgetKey(deps.prisma, actor.workspaceId),
        findWorkspaceProfile(deps.prisma, actor.workspaceId),
      ]);
      return {
        snippet: widgetKey ? installSnippet(deps.publicUrl, widgetKey.publicKey) : null,
        publicKey: widgetKey?.publicKey ?? null,
        lastSeen: widgetKey?.lastSeenAt ? { at: widgetKey.lastSeenAt, origin: widgetKey.lastSeenOrigin } : null,
        allowedOrigins: widgetKey?.allowedOrigins ?? [],
        shopDomain: profile?.shopDomain ?? null,
        // The demo workspace's widget is installed on the bundled storefront; a place to see it load.
        demoStoreUrl: profile?.isDemo ? new URL('/demo', deps.publicUrl).toString() : null,
      };
    },
  };
}
