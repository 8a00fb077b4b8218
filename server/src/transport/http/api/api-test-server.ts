import type http from 'node:http';
import type { PrismaClient } from '@prisma/client';
import express from 'express';
import { seedStore } from '../../../modules/catalog/catalog.fixtures';
import { type ApiKeyScope, apiKeyScopes, createApiKey } from '../../../modules/tenancy';
import { createLogger } from '../../../platform/logger';
import { createTestDatabase } from '../../../testing/test-database';
import { errorHandler, notFoundHandler } from '../errors';
import { closeHttpServer, createHttpApp, listen } from '../http-server';
import { type ApiRoutesOptions, apiRoutes } from './index';

/**
 * A real HTTP server with the REST API on a fresh, migrated database of its
 * own, with two workspaces (A and B) holding the same small outdoor catalog.
 * The router is mounted the way app.ts should mount it (before the app's
 * `express.json()`), with every answer checked against its documented schema.
 */
export interface ApiTestServer {
  url: string;
  prisma: PrismaClient;
  workspaceA: string;
  workspaceB: string;
  productIdsA: Map<string, string>;
  productIdsB: Map<string, string>;
  createKey(workspaceId: string, scopes?: readonly ApiKeyScope[]): Promise<string>;
  call(method: string, path: string, options?: CallOptions): Promise<ApiResponse>;
  close(): Promise<void>;
}

export interface CallOptions {
  key?: string;
  body?: unknown;
  /** Sent as is (for malformed JSON); wins over `body`. */
  rawBody?: string;
  headers?: Record<string, string>;
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: tests read response bodies ad hoc, like a captured frame
  body: any;
}

export async function startApiTestServer(options: Partial<ApiRoutesOptions> = {}): Promise<ApiTestServer> {
  const database = await createTestDatabase();
  const { workspaceId: workspaceA, productIds: productIdsA } = await seedStore(database.prisma, 'shop-a');
  const { workspaceId: workspaceB, productIds: productIdsB } = await seedStore(database.prisma, 'shop-b');
  const log = createLogger({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const app = createHttpApp();
  app.use(apiRoutes({ prisma: database.prisma, log, validateResponses: true, requestsPerMinute: 0, ...options }));
  app.use(express.json({ limit: '1mb' }));
  app.use(notFoundHandler);
  app.use(errorHandler(log));
  const server: http.Server = await listen(app, 0, '127.0.0.1');
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return {
    url,
    prisma: database.prisma,
    workspaceA,
    workspaceB,
    productIdsA,
    productIdsB,
    async createKey(workspaceId, scopes = apiKeyScopes) {
      return (await createApiKey(database.prisma, { workspaceId, name: 'test', scopes: [...scopes] })).key;
    },
    async call(method, path, { key, body, rawBody, headers = {} } = {}) {
      const sent = rawBody ?? (body === undefined ? undefined : JSON.stringify(body));
      const response = await fetch(`${url}${path}`, {
        method,
        headers: {
          ...(key ? { authorization: `Bearer ${key}` } : {}),
          ...(sent === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        body: sent,
      });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {}
      return { status: response.status, headers: response.headers, text, body: parsed };
    },
    async close() {
      await closeHttpServer(server);
      await database.drop();
    },
  };
}
