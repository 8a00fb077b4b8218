import type { Prisma } from '@prisma/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspaceAiEngine } from '../../ai';
import { ForbiddenError } from '../../modules/identity';
import { addTestMember, createTeam, createTestDeps } from '../../modules/identity/identity.fixtures';
import { startJobs } from '../../platform/jobs/jobs';
import { createLogger } from '../../platform/logger';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database';
import type { AdminActor } from './admin-deps';
import { createContentAdmin } from './content.admin';

/**
 * The content studio as people use it through the admin: review decisions and
 * edits leave the right history, viewers cannot change anything, one
 * workspace never sees another's drafts, exports hold what was approved.
 */
let database: TestDatabase;
let jobs: Awaited<ReturnType<typeof startJobs>>;
let content: ReturnType<typeof createContentAdmin>;
let owner: AdminActor;
let viewer: AdminActor;
let stranger: AdminActor;

const seo = (title: string) => ({ title, metaDescription: `${title}, described for search results.` });

async function seedDraft(workspaceId: string, title: string, kind: 'seo' | 'description' = 'seo') {
  const product = await database.prisma.product.create({
    data: { workspaceId, title, handle: title.toLowerCase().replace(/\W+/g, '-') },
  });
  const draft = await database.prisma.contentDraft.create({
    data: {
      workspaceId,
      productId: product.id,
      kind,
      language: 'en',
      status: 'generated',
      content: (kind === 'seo'
        ? seo(title)
        : { body: `${title} is lovely.`, highlights: [] }) as Prisma.InputJsonObject,
      provider: 'openai',
      model: 'gpt-4.1-mini',
      promptVersion: 'test-1',
    },
  });
  return draft.id;
}

beforeAll(async () => {
  database = await createTestDatabase();
  const deps = createTestDeps(database.prisma);
  const log = createLogger({ level: 'silent' });
  jobs = await startJobs({ databaseUrl: database.url, log });
  const ai = createWorkspaceAiEngine({
    prisma: database.prisma,
    secret: deps.secret,
    providers: { gemini: {}, anthropic: {}, openai: {} },
    log,
  });
  content = createContentAdmin({ prisma: database.prisma, jobs, ai });
  const team = await createTeam(deps, 'Shop A');
  owner = { workspaceId: team.workspaceId, userId: team.owner.id, role: 'owner', displayName: 'Olive Owner' };
  const watcher = await addTestMember(deps, team.workspaceId, 'viewer');
  viewer = { workspaceId: team.workspaceId, userId: watcher.user.id, role: 'viewer', displayName: 'Vic Viewer' };
  const other = await createTeam(deps, 'Shop B');
  stranger = { workspaceId: other.workspaceId, userId: other.owner.id, role: 'owner', displayName: 'Sam Stranger' };
}, 60_000);

afterAll(async () => {
  await jobs?.stop(1_000);
  await database?.drop();
});

describe('content studio review', () => {
  it('records edit, approval, rejection and reopening with who, before and after', async () => {
    const draftId = await seedDraft(owner.workspaceId, 'Linen Shirt');
    await content.editDraft(owner, draftId, seo('Linen Shirt for Summer'));
    await content.decide(owner, 'approve', [draftId], { single: true });
    await content.decide(owner, 'reject', [draftId], { single: true, note: 'Too plain' });
    await content.decide(owner, 'reopen', [draftId], { single: true });
    const draft = await content.draft(owner, draftId);
    expect(draft.status).toBe('in_review');
    expect(draft.content).toEqual(seo('Linen Shirt for Summer'));
    expect(
      draft.revisions.map((revision) => [revision.action, revision.fromStatus, revision.toStatus, revision.actorName]),
    ).toEqual([
      ['edited', 'generated', 'in_review', 'Olive Owner'],
      ['approved', 'in_review', 'approved', 'Olive Owner'],
      ['rejected', 'approved', 'rejected', 'Olive Owner'],
      ['reopened', 'rejected', 'in_review', 'Olive Owner'],
    ]);
    expect(draft.revisions[0]?.before).toEqual(seo('Linen Shirt'));
    expect(draft.revisions[0]?.after).toEqual(seo('Linen Shirt for Summer'));
    expect(draft.revisions[2]?.note).toBe('Too plain');
  });

  it('keeps the history append-only: the database refuses to rewrite a revision', async () => {
    const draftId = await seedDraft(owner.workspaceId, 'Wool Socks');
    await content.decide(owner, 'approve', [draftId]);
    const [revision] = await database.prisma.contentRevision.findMany({ where: { draftId } });
    await expect(
      database.prisma.contentRevision.update({ where: { id: revision?.id as string }, data: { note: 'rewritten' } }),
    ).rejects.toThrow(/append-only/);
  });

  it('refuses an edit that breaks the kind’s limits, and a transition the status does not allow', async () => {
    const draftId = await seedDraft(owner.workspaceId, 'Rain Jacket');
    await expect(content.editDraft(owner, draftId, seo('x'.repeat(61)))).rejects.toThrow(/at most 60 characters/);
    await content.decide(owner, 'approve', [draftId], { single: true });
    await expect(content.decide(owner, 'approve', [draftId], { single: true })).rejects.toThrow(
      /approved cannot be approved/,
    );
    const draft = await content.draft(owner, draftId);
    expect(draft.revisions.map((revision) => revision.action)).toEqual(['approved']);
  });

  it('approves in bulk, skipping drafts whose status does not allow it', async () => {
    const ids = await Promise.all(['Cap', 'Scarf', 'Gloves'].map((title) => seedDraft(owner.workspaceId, title)));
    await content.decide(owner, 'reopen', [ids[0] as string]).catch(() => {});
    await database.prisma.contentDraft.update({ where: { id: ids[2] as string }, data: { status: 'failed' } });
    const outcome = await content.decide(owner, 'approve', ids);
    expect(outcome).toEqual({ changed: 2, skipped: 1 });
  });

  it('approves every draft matching the filters, a thousand at a time, in its own workspace only', async () => {
    const count = 1_203;
    const run = await database.prisma.contentRun.create({
      data: { workspaceId: owner.workspaceId, kinds: ['seo'], scope: { type: 'all' }, status: 'completed' },
    });
    const titles = Array.from({ length: count }, (_, index) => `Bulk Sock ${index}`);
    await database.prisma.product.createMany({
      data: titles.map((title) => ({
        workspaceId: owner.workspaceId,
        title,
        handle: title.toLowerCase().replaceAll(' ', '-'),
      })),
    });
    const products = await database.prisma.product.findMany({
      where: { workspaceId: owner.workspaceId, title: { startsWith: 'Bulk Sock ' } },
      select: { id: true, title: true },
    });
    await database.prisma.contentDraft.createMany({
      data: products.map((product, index) => ({
        workspaceId: owner.workspaceId,
        runId: run.id,
        productId: product.id,
        kind: 'seo' as const,
        language: 'en',
        // Three failed drafts: "approve all" skips what its status does not allow.
        status: index < 3 ? ('failed' as const) : ('generated' as const),
        content: seo(product.title),
      })),
    });
    const matching = { matching: { run: run.id } };

    // The draft page walks the run in the list's order.
    const inOrder = await database.prisma.contentDraft.findMany({
      where: { runId: run.id },
      select: { id: true },
      orderBy: { id: 'asc' },
    });
    const ids = inOrder.map((draft) => draft.id);
    expect((await content.draft(owner, ids[5] as string)).neighbours).toEqual({ previousId: ids[4], nextId: ids[6] });
    expect((await content.draft(owner, ids[0] as string)).neighbours).toEqual({ previousId: null, nextId: ids[1] });
    expect((await content.draft(owner, ids[count - 1] as string)).neighbours.nextId).toBeNull();

    // Another workspace naming this run matches nothing of it.
    await expect(content.decideMany(stranger, 'approve', matching)).rejects.toThrow('No drafts match the filters.');
    // Publishing and translating take at most a thousand: a larger match is refused, not cut short.
    await expect(content.publish(owner, matching)).rejects.toThrow(
      '1,203 drafts match the filters; this action takes at most 1,000 at a time.',
    );
    await expect(content.decideMany(viewer, 'approve', matching)).rejects.toBeInstanceOf(ForbiddenError);

    expect(await content.decideMany(owner, 'approve', matching)).toEqual({ changed: count - 3, skipped: 3 });
    const statuses = await database.prisma.contentDraft.groupBy({
      by: ['status'],
      where: { runId: run.id },
      _count: true,
      orderBy: { status: 'asc' },
    });
    expect(statuses).toEqual([
      { status: 'approved', _count: count - 3 },
      { status: 'failed', _count: 3 },
    ]);
    expect(
      await database.prisma.contentRevision.count({ where: { draft: { runId: run.id }, action: 'approved' } }),
    ).toBe(count - 3);
  });

  it('lets a viewer read but not approve, edit or start runs', async () => {
    const draftId = await seedDraft(owner.workspaceId, 'Beanie');
    expect((await content.draft(viewer, draftId)).id).toBe(draftId);
    await expect(content.decide(viewer, 'approve', [draftId])).rejects.toBeInstanceOf(ForbiddenError);
    await expect(content.editDraft(viewer, draftId, seo('Beanie!'))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(content.startRun(viewer, { scope: { type: 'all' }, kinds: ['seo'] })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    const draft = await content.draft(owner, draftId);
    expect(draft.status).toBe('generated');
    expect(draft.revisions).toEqual([]);
  });

  it('never shows or changes one workspace’s drafts from another', async () => {
    const draftId = await seedDraft(owner.workspaceId, 'Tote Bag');
    await expect(content.draft(stranger, draftId)).rejects.toThrow(/no such draft/);
    expect(await content.decide(stranger, 'approve', [draftId])).toEqual({ changed: 0, skipped: 1 });
    await expect(content.editDraft(stranger, draftId, seo('Hijacked'))).rejects.toThrow(/no such draft/);
    const overview = await content.overview(stranger, {});
    expect(overview.drafts.map((draft) => draft.id)).not.toContain(draftId);
    const chunks: string[] = [];
    for await (const chunk of content.exportCsv(stranger, { format: 'generic' }).chunks) chunks.push(chunk);
    expect(chunks.join('')).not.toContain('Tote Bag');
    expect((await content.draft(owner, draftId)).status).toBe('generated');
  });

  it('exports approved content in Shopify’s import columns and a generic sheet', async () => {
    const seoId = await seedDraft(owner.workspaceId, 'Canvas Sneakers');
    const descriptionId = await database.prisma.contentDraft.create({
      data: {
        workspaceId: owner.workspaceId,
        productId: (await database.prisma.contentDraft.findUniqueOrThrow({ where: { id: seoId } })).productId,
        kind: 'description',
        language: 'en',
        status: 'generated',
        content: { body: 'Light <and> comfy.\n\nFor every day.', highlights: ['Canvas upper'] },
      },
    });
    await content.decide(owner, 'approve', [seoId, descriptionId.id]);
    const read = async (format: string) => {
      const chunks: string[] = [];
      for await (const chunk of content.exportCsv(owner, { format }).chunks) chunks.push(chunk);
      return chunks.join('');
    };
    const shopify = await read('shopify');
    expect(shopify.split('\n')[0]).toBe('Handle,Title,Body (HTML),SEO Title,SEO Description');
    expect(shopify).toContain(
      'canvas-sneakers,Canvas Sneakers,"<p>Light &lt;and&gt; comfy.</p>\n<p>For every day.</p>\n<ul><li>Canvas upper</li></ul>",Canvas Sneakers,"Canvas Sneakers, described for search results."',
    );
    const generic = await read('generic');
    expect(generic).toContain('canvas-sneakers,Canvas Sneakers,SEO title and meta description,en,approved');
    await expect(read('pdf')).rejects.toThrow(/shopify or generic/);
  });

  it('refuses to publish where there is no Shopify store, pointing to the export', async () => {
    const draftId = await seedDraft(owner.workspaceId, 'Bucket Hat');
    await content.decide(owner, 'approve', [draftId]);
    await expect(content.publish(owner, { draftIds: [draftId] })).rejects.toThrow(/Export the approved content as CSV/);
  });
});
