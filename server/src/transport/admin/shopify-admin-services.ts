import type { PrismaClient } from '@prisma/client';
import type { Identity } from '../../modules/identity';
import {
  describeShopBilling,
  findOrInstallShopStaff,
  installShop,
  paidPlans,
  recordShopSubscriptions,
  type ShopSubscription,
} from '../../modules/shopify';
import type { Jobs } from '../../platform/jobs/jobs';
import type { AdminActor } from './admin-deps';
import type { AdminServices } from './admin-services';

/** What the embedded Shopify app needs from the server beyond the shared admin services. */
export interface ShopifyAdminDeps {
  prisma: PrismaClient;
  jobs: Pick<Jobs, 'sendInTransaction'>;
  identity: Identity;
  admin: AdminServices;
  /** SHOPIFY_API_KEY, SHOPIFY_API_SECRET, SHOPIFY_APP_URL and the scopes (SCOPES or shopify.app.toml). */
  apiKey: string;
  apiSecretKey: string;
  appUrl: string;
  scopes: string[] | undefined;
  /** Billing API charges are test charges unless NODE_ENV=production. */
  testCharges: boolean;
  clock?: () => Date;
}

/**
 * Handed to the Shopify app as `context.shopify`, beside the shared services
 * in `context.closer`. `prisma` is here only for the library's Prisma session
 * storage, which insists on a client of its own to call; the app's pages
 * never touch it.
 */
export function createShopifyAdminServices(deps: ShopifyAdminDeps) {
  const { prisma, jobs, clock } = deps;
  return {
    prisma,
    app: {
      apiKey: deps.apiKey,
      apiSecretKey: deps.apiSecretKey,
      appUrl: deps.appUrl,
      scopes: deps.scopes,
      testCharges: deps.testCharges,
    },
    /** The paid plans, for the app's billing config (their names are the Shopify subscription names). */
    paidPlans,
    /** Shopify's afterAuth hook: the shop's workspace exists and its sync is queued. */
    installShop: (input: { shop: string; scopes: string | null }) => installShop({ prisma, jobs, clock }, input),
    /**
     * The actor behind a verified session token: the shop's staff owner. Anyone
     * Shopify lets open the app administers the shop's workspace.
     */
    async actorForShop(input: { shop: string; scopes: string | null; ip: string | null }) {
      const staff = await findOrInstallShopStaff({ prisma, jobs, clock }, input);
      const actor: AdminActor = {
        workspaceId: staff.workspaceId,
        userId: staff.userId,
        role: 'owner',
        displayName: staff.name,
        ip: input.ip,
      };
      return { actor, staff };
    },
    /**
     * The inbox socket's token. The identity module issues it only from a portal
     * session, so one is opened for the staff user and ended straight away: the
     * token names user and workspace, and the socket checks membership itself.
     */
    async issueAgentToken(actor: AdminActor) {
      const session = await deps.identity.createSession(actor.userId, { ip: actor.ip ?? null });
      try {
        return await deps.admin.issueAgentToken(session.token, actor.workspaceId);
      } finally {
        await deps.identity.endSession(session.token);
      }
    },
    loadBilling: (actor: AdminActor) => describeShopBilling({ prisma, clock }, actor.workspaceId),
    /** What Shopify's `billing.check` found, stored as the workspace's plan. */
    recordSubscriptions: (actor: AdminActor, subscriptions: readonly ShopSubscription[]) =>
      recordShopSubscriptions({ prisma, clock }, actor.workspaceId, subscriptions),
  };
}

export type ShopifyAdminServices = ReturnType<typeof createShopifyAdminServices>;
