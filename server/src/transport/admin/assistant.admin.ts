import { requireActorPermission } from '../../modules/identity';
import {
  createKnowledgeArticle,
  editKnowledgeArticle,
  type KnowledgeArticleInput,
  listKnowledgeArticles,
  policyTopics,
  removeKnowledgeArticle,
} from '../../modules/knowledge';
import {
  findWorkspaceProfile,
  findWorkspaceWidgetKey,
  saveAllowedOrigins,
  saveWorkspaceSettings,
} from '../../modules/tenancy';
import { HttpError } from '../http/errors';
import type { AdminActor, AdminDeps } from './admin-deps';

/**
 * The admin's assistant page: the assistant's settings, the widget key's
 * allowed origins and the knowledge (policies, FAQ) it cites. Reads are open
 * to every member; each change checks `workspace.settings.write` against the
 * database, not the actor's claim.
 */
export function createAssistantAdmin(deps: Pick<AdminDeps, 'prisma'>) {
  const { prisma } = deps;
  const mayChange = (actor: AdminActor) => requireActorPermission(prisma, actor, 'workspace.settings.write');

  return {
    async loadAssistantPage(actor: AdminActor, pages: { policyPage?: number; faqPage?: number } = {}) {
      const [profile, widgetKey, policies, faq] = await Promise.all([
        findWorkspaceProfile(prisma, actor.workspaceId),
        findWorkspaceWidgetKey(prisma, actor.workspaceId),
        listKnowledgeArticles(prisma, actor.workspaceId, 'policy', pages.policyPage),
        listKnowledgeArticles(prisma, actor.workspaceId, 'faq', pages.faqPage),
      ]);
      if (!profile) throw new HttpError(404, 'not_found', 'This workspace no longer exists.');
      return {
        settings: profile.settings,
        // What the widget's configuration carries besides the settings, for the live preview.
        workspace: {
          name: profile.name,
          locale: profile.locale,
          currency: profile.currency,
          timezone: profile.timezone,
          platform: profile.shopDomain ? ('shopify' as const) : ('custom' as const),
        },
        allowedOrigins: widgetKey?.allowedOrigins ?? [],
        hasWidgetKey: widgetKey !== null,
        policies,
        faq,
        policyTopics,
      };
    },

    async saveSettings(actor: AdminActor, input: unknown) {
      await mayChange(actor);
      return { settings: await saveWorkspaceSettings(prisma, actor, input) };
    },

    async saveAllowedOrigins(actor: AdminActor, origins: unknown) {
      await mayChange(actor);
      const widgetKey = await findWorkspaceWidgetKey(prisma, actor.workspaceId);
      if (!widgetKey) throw new HttpError(409, 'no_widget_key', 'This workspace has no active widget key.');
      return { allowedOrigins: await saveAllowedOrigins(prisma, actor, origins) };
    },

    async createArticle(actor: AdminActor, input: KnowledgeArticleInput) {
      await mayChange(actor);
      return { article: await createKnowledgeArticle(prisma, actor.workspaceId, input) };
    },

    async updateArticle(actor: AdminActor, articleId: string, input: KnowledgeArticleInput) {
      await mayChange(actor);
      return { article: await editKnowledgeArticle(prisma, actor.workspaceId, articleId, input) };
    },

    async deleteArticle(actor: AdminActor, articleId: string) {
      await mayChange(actor);
      await removeKnowledgeArticle(prisma, actor.workspaceId, articleId);
      return { deleted: articleId };
    },
  };
}
