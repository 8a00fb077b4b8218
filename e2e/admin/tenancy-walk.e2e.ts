import { expect, test } from '@playwright/test';
import type { PrismaClient } from '@prisma/client';
import type { PageAccess } from '../../portal/app/admin/admin-args';
import { hasPermission, type Role, roles } from '../../server/src/modules/identity';
import { createApiKey } from '../../server/src/modules/tenancy';
import { connect } from '../../server/src/platform/database';
import { readE2eState } from '../support/e2e-state';
import { type AdminActor, identityFor, joinAs, signUpOwner } from './support/admin-actors';

/**
 * The tenancy walk: every admin page and every action, as each role of a
 * workspace and as the owner of another workspace. Expected answers come from
 * the pages' own `access` declarations and the role table, so a page that
 * forgets a check — or a check that drifts from what the page declares — fails here.
 * (The REST API's walk is server/src/transport/http/api/tenancy.int.test.ts.)
 */

interface Resources {
  conversationId: string;
  importRunId: string;
  apiKeyId: string;
  articleId: string;
  invitationId: string;
  viewerUserId: string;
  contentRunId: string;
  contentDraftId: string;
}

interface WalkedPage {
  path: (resources: Resources) => string;
  /** The shared page module whose `access` the shells enforce. */
  module: string;
  access?: PageAccess;
}

// Loaded at run time (below), so this file's type-check does not pull the portal's Remix globals into the server's.
const pages: WalkedPage[] = [
  { path: () => '/', module: 'home/home.server' },
  { path: () => '/inbox', module: 'inbox/inbox.server' },
  { path: (r) => `/inbox/${r.conversationId}`, module: 'inbox/conversation.server' },
  { path: () => '/catalog', module: 'catalog/catalog.server' },
  { path: () => '/content', module: 'content/content.server' },
  { path: (r) => `/content/drafts/${r.contentDraftId}`, module: 'content/draft.server' },
  { path: (r) => `/content/export?run=${r.contentRunId}`, module: 'content/export.server' },
  { path: () => '/content/products', module: 'content/products.server' },
  { path: (r) => `/imports/${r.importRunId}`, module: 'imports/import-run.server' },
  { path: () => '/orders', module: 'orders/orders.server' },
  { path: () => '/contacts', module: 'contacts/contacts.server' },
  { path: () => '/forecasts', module: 'forecasts/forecasts.server' },
  { path: () => '/assistant', module: 'assistant/assistant.server' },
  { path: () => '/install', module: 'install/install.server' },
  { path: () => '/ai', module: 'ai/ai.server' },
  { path: () => '/team', module: 'team/team.server' },
  { path: () => '/api-keys', module: 'api-keys/api-keys.server' },
];

function accessOf(page: WalkedPage): PageAccess {
  if (!page.access) throw new Error(`access of ${page.module} not loaded`);
  return page.access;
}

let prisma: PrismaClient;
let closeDatabase: () => Promise<void>;
const members = new Map<Role, AdminActor>();
let outsider: AdminActor;
let resources: Resources;

test.describe.configure({ mode: 'serial' });
test.setTimeout(120_000);

test.beforeAll(async ({ baseURL }) => {
  for (const page of pages) {
    const modulePath: string = `../../portal/app/admin/${page.module}`;
    page.access = ((await import(modulePath)) as { access: PageAccess }).access;
  }
  const database = await connect(readE2eState().databaseUrl);
  prisma = database.prisma;
  closeDatabase = () => database.close();
  const owner = await signUpOwner(prisma, baseURL as string, 'walk-a');
  members.set('owner', owner);
  for (const role of ['admin', 'agent', 'viewer'] as const)
    members.set(role, await joinAs(prisma, baseURL as string, owner, role));
  outsider = await signUpOwner(prisma, baseURL as string, 'walk-b');

  const workspaceId = owner.workspaceId;
  const conversation = await prisma.conversation.create({
    data: { workspaceId, visitorId: 'walk-visitor', status: 'waiting', lastSeq: 1 },
  });
  await prisma.message.create({
    data: { workspaceId, conversationId: conversation.id, seq: 1, role: 'shopper', text: 'Can a human help me?' },
  });
  const importRun = await prisma.importRun.create({
    data: { workspaceId, kind: 'products', format: 'generic_products_csv', fileName: 'walk.csv', status: 'running' },
  });
  const apiKey = await createApiKey(prisma, { workspaceId, name: 'walk key', scopes: ['products:read'] });
  const article = await prisma.knowledgeArticle.create({
    data: { workspaceId, kind: 'faq', title: 'Walk FAQ', body: 'Only workspace A may change this.' },
  });
  const ownerUser = await prisma.user.findUniqueOrThrow({ where: { email: owner.email } });
  const pending = await identityFor(prisma, baseURL as string).inviteMember(
    { userId: ownerUser.id, workspaceId },
    { email: `walk-pending-${Date.now()}@example.com`, role: 'agent' },
  );
  const viewer = await prisma.user.findUniqueOrThrow({ where: { email: members.get('viewer')?.email } });
  const product = await prisma.product.create({
    data: { workspaceId, title: 'Walk product', handle: 'walk-product', status: 'active' },
  });
  const contentRun = await prisma.contentRun.create({
    data: {
      workspaceId,
      kinds: ['seo'],
      languages: ['en'],
      scope: { type: 'products', productIds: [product.id] },
      status: 'completed',
      totalItems: 1,
      doneItems: 1,
    },
  });
  // Approved, so it is what an export would carry and what Reject or Reopen would change.
  const contentDraft = await prisma.contentDraft.create({
    data: {
      workspaceId,
      runId: contentRun.id,
      productId: product.id,
      kind: 'seo',
      language: 'en',
      status: 'approved',
      content: { title: 'Walk SEO title', metaDescription: 'Only workspace A may publish this.' },
      model: 'offline',
    },
  });
  resources = {
    conversationId: conversation.id,
    importRunId: importRun.id,
    apiKeyId: apiKey.id,
    articleId: article.id,
    invitationId: pending.invitation.id,
    viewerUserId: viewer.id,
    contentRunId: contentRun.id,
    contentDraftId: contentDraft.id,
  };
});

test.afterAll(async () => {
  for (const member of members.values()) await member.http.dispose();
  await outsider?.http.dispose();
  await closeDatabase?.();
});

test('every page answers each role of the workspace as its access declares', async () => {
  for (const page of pages) {
    const path = page.path(resources);
    const view = accessOf(page).view;
    for (const role of roles) {
      const member = members.get(role) as AdminActor;
      const response = await member.http.get(path);
      const allowed = !view || hasPermission(role, view);
      expect(response.status(), `${role} GET ${path}`).toBe(allowed ? 200 : 403);
    }
  }
});

test('every action refuses each role that lacks its permission, before doing anything', async () => {
  for (const page of pages) {
    const path = page.path(resources);
    for (const [intent, permission] of Object.entries(accessOf(page).intents ?? {})) {
      for (const role of roles) {
        if (hasPermission(role, permission)) continue;
        const member = members.get(role) as AdminActor;
        const response = await member.http.post(path, { form: { intent, _csrf: await member.csrf() } });
        expect(response.status(), `${role} POST ${path} intent=${intent}`).toBe(403);
      }
    }
  }
});

test('every action refuses a post without a valid CSRF token, and unknown intents', async () => {
  const owner = members.get('owner') as AdminActor;
  for (const page of pages) {
    const path = page.path(resources);
    for (const intent of Object.keys(accessOf(page).intents ?? {})) {
      const missing = await owner.http.post(path, { form: { intent } });
      expect(missing.status(), `no token: POST ${path} intent=${intent}`).toBe(403);
      const forged = await owner.http.post(path, { form: { intent, _csrf: await outsider.csrf() } });
      expect(forged.status(), `another session's token: POST ${path} intent=${intent}`).toBe(403);
    }
    const unknown = await owner.http.post(path, { form: { intent: 'drop-everything', _csrf: await owner.csrf() } });
    // A page without actions has no action at all: Remix answers 405.
    expect(unknown.status(), `unknown intent: POST ${path}`).toBe(accessOf(page).intents ? 400 : 405);
  }
});

test("another workspace's owner cannot read or change this workspace's things: they do not exist for them", async () => {
  const csrf = await outsider.csrf();
  const conversationPath = `/inbox/${resources.conversationId}`;
  expect((await outsider.http.get(conversationPath)).status()).toBe(404);
  for (const intent of Object.keys(accessOf(pages[2] as WalkedPage).intents ?? {})) {
    const response = await outsider.http.post(conversationPath, {
      form: { intent, _csrf: csrf, text: 'hello from B', clientId: `walk-${intent}-0001`, userId: '' },
    });
    expect(response.status(), `B POST ${conversationPath} intent=${intent}`).toBe(404);
  }

  const importPath = `/imports/${resources.importRunId}`;
  expect((await outsider.http.get(importPath)).status()).toBe(404);
  expect((await outsider.http.post(importPath, { form: { intent: 'cancel', _csrf: csrf } })).status()).toBe(404);

  const attempts: [string, Record<string, string>][] = [
    ['/api-keys', { intent: 'revoke', apiKeyId: resources.apiKeyId }],
    ['/team', { intent: 'removeMember', userId: resources.viewerUserId }],
    ['/team', { intent: 'changeRole', userId: resources.viewerUserId, role: 'admin' }],
    ['/team', { intent: 'transferOwnership', userId: resources.viewerUserId }],
    ['/team', { intent: 'revokeInvitation', invitationId: resources.invitationId }],
    ['/assistant', { intent: 'deleteArticle', articleId: resources.articleId }],
    [`/content/drafts/${resources.contentDraftId}`, { intent: 'reject' }],
    [`/content/drafts/${resources.contentDraftId}`, { intent: 'reopen' }],
    [`/content/drafts/${resources.contentDraftId}`, { intent: 'edit', content: '{"title":"Hijacked"}' }],
    ['/content', { intent: 'cancel', runId: resources.contentRunId }],
    [
      '/assistant',
      { intent: 'updateArticle', articleId: resources.articleId, kind: 'faq', title: 'Hijacked', body: 'by B' },
    ],
  ];
  for (const [path, form] of attempts) {
    const response = await outsider.http.post(path, { form: { ...form, _csrf: csrf } });
    expect(response.status(), `B POST ${path} ${JSON.stringify(form)}`).toBe(404);
  }
  expect((await outsider.http.get(`/content/drafts/${resources.contentDraftId}`)).status()).toBe(404);
  // Bulk actions skip drafts they cannot find rather than name them; A's draft is among the skipped.
  for (const intent of ['reject', 'publish', 'translate']) {
    const response = await outsider.http.post('/content', {
      form: { intent, draftId: resources.contentDraftId, _csrf: csrf },
    });
    expect(response.status(), `B POST /content intent=${intent}`).toBeLessThan(500);
  }
  const exported = await outsider.http.get(`/content/export?run=${resources.contentRunId}`);
  expect(exported.status()).toBe(200);
  expect(await exported.text()).not.toContain('Walk SEO title');

  // Nothing of A's changed.
  const conversation = await prisma.conversation.findUniqueOrThrow({ where: { id: resources.conversationId } });
  expect(conversation.status).toBe('waiting');
  expect((await prisma.importRun.findUniqueOrThrow({ where: { id: resources.importRunId } })).status).toBe('running');
  expect(await prisma.message.count({ where: { conversationId: resources.conversationId } })).toBe(1);
  expect((await prisma.apiKey.findUniqueOrThrow({ where: { id: resources.apiKeyId } })).revokedAt).toBeNull();
  const viewerMembership = await prisma.membership.findFirst({
    where: { workspaceId: members.get('owner')?.workspaceId, userId: resources.viewerUserId },
  });
  expect(viewerMembership?.role).toBe('viewer');
  const article = await prisma.knowledgeArticle.findUniqueOrThrow({ where: { id: resources.articleId } });
  expect(article.title).toBe('Walk FAQ');
  const invitation = await prisma.invitation.findUniqueOrThrow({ where: { id: resources.invitationId } });
  expect(invitation.revokedAt).toBeNull();
  const draft = await prisma.contentDraft.findUniqueOrThrow({ where: { id: resources.contentDraftId } });
  expect(draft.status).toBe('approved');
  expect(draft.content).toEqual({ title: 'Walk SEO title', metaDescription: 'Only workspace A may publish this.' });
  expect(await prisma.contentRevision.count({ where: { draftId: resources.contentDraftId } })).toBe(0);
  expect((await prisma.contentRun.findUniqueOrThrow({ where: { id: resources.contentRunId } })).status).toBe(
    'completed',
  );
  expect(await prisma.contentRun.count({ where: { workspaceId: members.get('owner')?.workspaceId } })).toBe(1);
});

test("another workspace's pages never show this workspace's data", async () => {
  const ownPages = pages.filter((candidate) => !/\/(inbox|imports|content\/drafts)\/./.test(candidate.path(resources)));
  for (const page of ownPages) {
    const html = await (await outsider.http.get(page.path(resources))).text();
    expect(html, page.path(resources)).not.toContain('walk-a workspace');
    expect(html, page.path(resources)).not.toContain('Can a human help me?');
    expect(html, page.path(resources)).not.toContain('Walk FAQ');
    expect(html, page.path(resources)).not.toContain('Walk SEO title');
    expect(html, page.path(resources)).not.toContain('Walk product');
  }
});

test('oversized forms are refused before they are read, signed in or not', async ({ playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  const big = 'x'.repeat(2 * 1024 * 1024);
  expect((await anonymous.post('/login', { form: { email: big, password: 'x' } })).status()).toBe(413);
  const owner = members.get('owner') as AdminActor;
  const response = await owner.http.post('/team', {
    form: { intent: 'invite', _csrf: await owner.csrf(), email: big },
  });
  expect(response.status()).toBe(413);
  await anonymous.dispose();
});
