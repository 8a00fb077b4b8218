import path from 'node:path';
import type { Server as SocketServer } from 'socket.io';
import { seedDemoStore } from '../../prisma/seed/demo-store.seed';
import { type AiEngine, createWorkspaceAiEngine, isOfflineMode, toProviderCredentials } from './ai';
import { createStreamLimiter } from './modules/assistant';
import { parseProviderLimits } from './modules/content';
import { limits } from './modules/conversations';
import { createIdentity, createMailer, type DeliveringMailer, verifyAgentToken } from './modules/identity';
import {
  createShopifyAdminApi,
  isPermanentPublishFailure,
  planAllowanceOf,
  publishProductContent,
} from './modules/shopify';
import type { Config } from './platform/config';
import { ensureDataDir, resolveSecret } from './platform/data-dir';
import { type Database, openDatabase } from './platform/database';
import { StartupError } from './platform/errors';
import { type Jobs, startJobs } from './platform/jobs/jobs';
import type { Logger } from './platform/logger';
import { applyMigrations } from './platform/migrations/migrate';
import { findPrismaDir, readMigrations } from './platform/migrations/migration-files';
import { repositoryRoot } from './platform/paths';
import type { Progress } from './platform/progress';
import { createRateLimiter } from './platform/rate-limit';
import { adminRoutes, loadPortalBuild, portalBuildDir } from './transport/admin/admin.routes';
import { createAdminServices } from './transport/admin/admin-services';
import { readAppScopes, shopifyAdminRoutes, shopifyAppBuildDir } from './transport/admin/shopify-admin.routes';
import { createShopifyAdminServices } from './transport/admin/shopify-admin-services';
import { apiRoutes } from './transport/http/api';
import { demoImageRoutes } from './transport/http/demo-images.routes';
import { demoStoreRoutes } from './transport/http/demo-store.routes';
import { errorHandler, notFoundHandler } from './transport/http/errors';
import { healthRoutes } from './transport/http/health.routes';
import { closeHttpServer, createHttpApp, listen } from './transport/http/http-server';
import { appProxyRoutes } from './transport/http/shopify/app-proxy.routes';
import { shopifyWebhookRoutes } from './transport/http/shopify/shopify-webhook.routes';
import { widgetRoutes } from './transport/http/widget.routes';
import { registerContentJobs } from './transport/jobs/content.jobs';
import { registerConversationJobs, scheduleConversationAnalysis } from './transport/jobs/conversation.jobs';
import { registerForecastJobs } from './transport/jobs/forecast.jobs';
import { registerImportJobs } from './transport/jobs/import.jobs';
import { registerShopifySyncJobs, registerShopifyWebhookJobs } from './transport/jobs/shopify.jobs';
import { registerAgentNamespace } from './transport/socket/agent.namespace';
import { createSocketContentProgress } from './transport/socket/content-events';
import { createSocketConversationEvents } from './transport/socket/conversation-events';
import { createSocketServer, drainSockets, prepareSocketAdapterTable } from './transport/socket/socket-server';
import { registerWidgetNamespace } from './transport/socket/widget.namespace';

/**
 * Builds and starts one Closer node: config → data dir → HTTP port → database
 * → migrations → demo seed → jobs → sockets → ready. `main.ts` adds signals
 * and printing; tests start the very same thing.
 */
export interface Closer {
  url: string;
  port: number;
  database: Database;
  jobs: Jobs;
  io: SocketServer;
  ai: AiEngine;
  /** No AI provider configured: the assistant answers from retrieval alone. */
  aiOffline: boolean;
  /** Providers with instance-wide keys (workspaces may add their own). */
  aiProviders: string[];
  secret: string;
  demo: { email: string; password: string; widgetKey: string } | undefined;
  stop(): Promise<void>;
}

export async function startCloser(config: Config, deps: { log: Logger; progress: Progress }): Promise<Closer> {
  const { log, progress } = deps;
  await ensureDataDir(config.dataDir);
  const secret = await resolveSecret(config.dataDir, config.secret);

  let accepting = false;
  let database: Database | undefined;
  let jobs: Jobs | undefined;
  const app = createHttpApp();
  app.use(
    healthRoutes({
      accepting: () => accepting,
      database: async () =>
        database
          ? database.pool.query('SELECT 1').then(
              () => true,
              () => false,
            )
          : false,
      jobs: async () => (jobs ? jobs.isReady() : false),
    }),
  );
  const server = await listen(app, config.port, config.host);
  const port = (server.address() as { port: number }).port;

  const cleanUp = async () => {
    await closeHttpServer(server);
    await jobs?.stop(5_000).catch(() => {});
    await database?.close();
  };
  try {
    database = await progress.step(
      config.databaseUrl ? 'Connecting to PostgreSQL' : 'Starting embedded PostgreSQL',
      () => openDatabase(config),
    );
    const openedDatabase = database;
    const prismaDir = findPrismaDir();
    await progress.step('Applying database migrations', async (update) => {
      const result = await applyMigrations(
        openedDatabase.pool,
        readMigrations(path.join(prismaDir, 'migrations')),
        (_name, index, total) => update(index, total),
      );
      if (result.modified.length > 0)
        log.warn({ migrations: result.modified }, 'applied migrations were edited afterwards');
    });
    const demo = config.seedDemo ? await seedDemoStore(openedDatabase.prisma, { progress, log }) : undefined;
    jobs = await progress.step('Starting background jobs', () => startJobs({ databaseUrl: openedDatabase.url, log }));
    const ai = createWorkspaceAiEngine({
      prisma: openedDatabase.prisma,
      secret,
      providers: config.ai,
      log,
      // Shopify shops' billing plans cap their monthly conversations and generations.
      planAllowances: planAllowanceOf,
    });
    const aiOffline = isOfflineMode(config.ai);
    if (aiOffline) log.debug('no AI provider key configured: the assistant runs in offline mode');
    await prepareSocketAdapterTable(openedDatabase.pool);
    const io = createSocketServer(server, openedDatabase.pool);
    const prisma = openedDatabase.prisma;
    const conversations = { prisma, events: createSocketConversationEvents(io), now: () => new Date() };
    const assistant = {
      prisma,
      ai,
      conversations,
      log,
      streams: createStreamLimiter(limits.concurrentStreamsPerWorkspace),
      afterShopperMessage: scheduleConversationAnalysis(jobs),
    };
    registerWidgetNamespace(io, { assistant, secret, rateLimiter: createRateLimiter(prisma), log });
    registerAgentNamespace(io, {
      conversations,
      log,
      // The admin's inbox connects with a short-lived agent token issued from the member's session.
      authenticate: (token) => verifyAgentToken({ prisma, secret }, token),
    });
    await registerConversationJobs({ jobs, prisma, ai, log });
    await registerForecastJobs({ jobs, prisma, ai, log });
    // The Admin API needs the app's credentials; without them no shop can install, so nothing to sync or publish.
    const shopifyAdminApi =
      config.shopify.apiKey && config.shopify.apiSecret
        ? createShopifyAdminApi(
            { apiKey: config.shopify.apiKey, apiSecret: config.shopify.apiSecret, appUrl: config.shopify.appUrl },
            { prisma, log },
          )
        : undefined;
    await registerShopifyWebhookJobs({ jobs, prisma, log, adminApi: shopifyAdminApi });
    if (shopifyAdminApi) await registerShopifySyncJobs({ jobs, prisma, log, adminApi: shopifyAdminApi });
    await registerImportJobs({ jobs, prisma, log });
    await registerContentJobs({
      jobs,
      prisma,
      ai,
      log,
      providerLimits: contentProviderLimits(config.contentProviderLimits),
      progress: createSocketContentProgress(io),
      publish: shopifyAdminApi && {
        publishProductContent: (workspaceId, productId, update) =>
          publishProductContent({ prisma, adminApi: shopifyAdminApi }, workspaceId, productId, update),
        isPermanentFailure: isPermanentPublishFailure,
      },
    });

    // The REST API and Shopify's webhooks parse their own bodies (the webhook HMAC needs the raw
    // bytes), so they come before the global JSON parser.
    app.use(apiRoutes({ prisma, log, jobs, ai }));
    if (config.shopify.apiSecret) {
      app.use(shopifyWebhookRoutes({ prisma, jobs, apiSecret: config.shopify.apiSecret, log }));
      app.use(
        appProxyRoutes({
          prisma,
          apiSecret: config.shopify.apiSecret,
          secret,
          appUrl: config.shopify.appUrl ?? config.publicUrl ?? `http://localhost:${port}`,
        }),
      );
    }
    app.use(widgetRoutes({ prisma, widgetDist: path.join(repositoryRoot(), 'widget', 'dist') }));
    app.use(demoStoreRoutes(prisma));
    app.use(demoImageRoutes());
    let mailer: DeliveringMailer | undefined;
    const publicUrl = config.publicUrl ?? `http://localhost:${port}`;
    const portalDir = portalBuildDir(repositoryRoot());
    const portalBuild = await loadPortalBuild(portalDir);
    const shopifyDir = shopifyAppBuildDir(repositoryRoot());
    const { apiKey: shopifyApiKey, apiSecret: shopifyApiSecret } = config.shopify;
    // The embedded Shopify admin needs the app's credentials as well as its build.
    const shopifyBuild = shopifyApiKey && shopifyApiSecret ? await loadPortalBuild(shopifyDir) : undefined;
    if (portalBuild || shopifyBuild) {
      mailer = createMailer({ smtpUrl: config.smtpUrl, log });
      const identity = createIdentity({
        prisma,
        secret,
        mailer,
        appUrl: publicUrl,
        log,
      });
      const services = createAdminServices({
        prisma,
        jobs,
        ai,
        identity,
        conversations,
        secret,
        log,
        aiOffline,
        aiProviders: Object.keys(toProviderCredentials(config.ai)),
        publicUrl,
      });
      if (shopifyBuild && shopifyApiKey && shopifyApiSecret) {
        const shopify = createShopifyAdminServices({
          prisma,
          jobs,
          identity,
          admin: services,
          apiKey: shopifyApiKey,
          apiSecretKey: shopifyApiSecret,
          appUrl: config.shopify.appUrl ?? publicUrl,
          scopes: readAppScopes(repositoryRoot()),
          testCharges: config.env !== 'production',
        });
        app.use(shopifyAdminRoutes({ build: shopifyBuild, buildDir: shopifyDir, services, shopify }));
      }
      if (portalBuild) app.use(adminRoutes({ build: portalBuild, buildDir: portalDir, services, log }));
    }
    if (!portalBuild) log.warn(`The admin is not built (no ${portalDir}); run npm run build to serve it.`);
    if (shopifyApiKey && shopifyApiSecret && !shopifyBuild) {
      log.warn(`The Shopify app is not built (no ${shopifyDir}); run npm run build to serve it.`);
    }
    app.use(notFoundHandler);
    app.use(errorHandler(log));
    accepting = true;

    const startedJobs = jobs;
    let stopping: Promise<void> | undefined;
    return {
      url: `http://localhost:${port}`,
      port,
      database: openedDatabase,
      jobs: startedJobs,
      io,
      ai,
      aiOffline,
      aiProviders: Object.keys(toProviderCredentials(config.ai)),
      secret,
      demo,
      stop() {
        stopping ??= (async () => {
          accepting = false;
          // Order matters: stop taking requests, let sockets go, let running jobs
          // finish (or hand them back), and only then close the database under them.
          const httpClosed = closeHttpServer(server);
          await drainSockets(io);
          await httpClosed;
          // Emails handed over by the last requests (resets, invitations) still go out.
          await mailer?.idle();
          // Replies already being written are finished and stored; the shopper sees them on reconnecting.
          await assistant.streams.whenIdle(20_000);
          await startedJobs.stop();
          await openedDatabase.close();
        })();
        return stopping;
      },
    };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}

function contentProviderLimits(text: string | undefined) {
  try {
    return parseProviderLimits(text);
  } catch (error) {
    throw new StartupError(error instanceof Error ? error.message : String(error));
  }
}
