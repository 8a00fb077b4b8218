import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp } from '../../modules/identity';
import { strongPassword, uniqueEmail } from '../../modules/identity/identity.fixtures';
import { createLogger } from '../../platform/logger';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database';
import { errorHandler, notFoundHandler } from './errors';
import { closeHttpServer, createHttpApp, listen } from './http-server';
import { widgetRoutes } from './widget.routes';

/** `/widget/config` (with the install check it feeds) and the admin's preview page, over real HTTP. */
let database: TestDatabase;
let url: string;
let stop: () => Promise<void>;
let widgetKey: string;
let workspaceId: string;
const widgetDist = fs.mkdtempSync(path.join(os.tmpdir(), 'closer-widget-dist-'));

beforeAll(async () => {
  database = await createTestDatabase();
  fs.writeFileSync(path.join(widgetDist, 'preview.js'), '// the preview bundle');
  const app = createHttpApp();
  app.use(widgetRoutes({ prisma: database.prisma, widgetDist }));
  app.use(notFoundHandler);
  app.use(errorHandler(createLogger({ level: 'silent' })));
  const server = await listen(app, 0, '127.0.0.1');
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  stop = () => closeHttpServer(server);
  const team = await signUp(
    { prisma: database.prisma },
    { email: uniqueEmail('widget'), password: strongPassword, name: 'Gale', workspaceName: 'Gale Kites' },
  );
  widgetKey = team.widgetKey;
  workspaceId = team.workspace.id;
});
afterAll(async () => {
  await stop();
  await database.drop();
  fs.rmSync(widgetDist, { recursive: true, force: true });
});

const lastSeen = () =>
  database.prisma.widgetKey.findFirstOrThrow({
    where: { workspaceId },
    select: { lastSeenAt: true, lastSeenOrigin: true },
  });

async function forgetLastSeen() {
  await database.prisma.widgetKey.updateMany({
    where: { workspaceId },
    data: { lastSeenAt: null, lastSeenOrigin: null },
  });
}

describe('GET /widget/config', () => {
  it('carries the launcher label and notes where the widget loaded (the Origin of a cross-site page)', async () => {
    await database.prisma.workspace.update({
      where: { id: workspaceId },
      data: { settings: { branding: { primaryColor: '#112233', launcherLabel: 'Ask Gale' } } },
    });
    await forgetLastSeen();
    const response = await fetch(`${url}/widget/config?key=${widgetKey}`, {
      headers: { origin: 'https://kites.example' },
    });
    expect(response.status).toBe(200);
    expect((await response.json()).branding).toEqual({
      primaryColor: '#112233',
      position: 'bottom-right',
      launcherLabel: 'Ask Gale',
    });
    await expect.poll(async () => (await lastSeen()).lastSeenOrigin).toBe('https://kites.example');
  });

  it('takes the origin of the Referer when a same-site page sends no Origin', async () => {
    await forgetLastSeen();
    await fetch(`${url}/widget/config?key=${widgetKey}`, {
      headers: { referer: 'https://kites.example/shop/boards?x=1' },
    });
    await expect.poll(async () => (await lastSeen()).lastSeenOrigin).toBe('https://kites.example');
    expect((await lastSeen()).lastSeenAt).toBeInstanceOf(Date);
  });

  it('does not note a load the key refused', async () => {
    await forgetLastSeen();
    await database.prisma.widgetKey.updateMany({
      where: { workspaceId },
      data: { allowedOrigins: ['https://kites.example'] },
    });
    const refused = await fetch(`${url}/widget/config?key=${widgetKey}`, {
      headers: { origin: 'https://copycat.example' },
    });
    expect(refused.status).toBe(403);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await lastSeen()).lastSeenAt).toBeNull();
    await database.prisma.widgetKey.updateMany({ where: { workspaceId }, data: { allowedOrigins: [] } });
  });
});

describe('GET /widget/preview', () => {
  it('is a page only our own admin may frame, running the preview bundle and nothing from elsewhere', async () => {
    const response = await fetch(`${url}/widget/preview`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    const html = await response.text();
    expect(html).toContain('<script src="/widget/preview.js"');
    expect(html).not.toMatch(/<script>/);
    expect((await fetch(`${url}/widget/preview.js`)).status).toBe(200);
  });
});
