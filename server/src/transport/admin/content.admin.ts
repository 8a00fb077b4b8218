import type { ContentDraftStatus } from '@prisma/client';
import { z } from 'zod';
import { listCategories, listProducts } from '../../modules/catalog';
import {
  type ContentActor,
  ContentDraftNotFoundError,
  cancelContentRun,
  contentKinds,
  contentLimits,
  contentSummary,
  countDraftsByStatus,
  type DraftSelection,
  decideDrafts,
  decideSelection,
  editDraft,
  estimateContentRun,
  exportApprovedContent,
  exportQuerySchema,
  findNeighbourDraftIds,
  getDraft,
  kindLabels,
  listDraftPage,
  listRecentRuns,
  productKinds,
  requestPublish,
  reviewTransitions,
  startContentRun,
  startReviewAnalysis,
  startTranslation,
} from '../../modules/content';
import { requireActorPermission } from '../../modules/identity';
import { findWorkspaceProfile, saveWorkspaceSettings, type WorkspaceSettings } from '../../modules/tenancy';
import { type RunProgressWire, toRunProgressWire } from '../socket/content-events';
import type { AdminActor, AdminDeps } from './admin-deps';

/**
 * The content studio page: pick products, estimate and start runs, watch
 * their progress, review drafts (edit, approve, reject, in bulk), see each
 * draft's history, publish to Shopify or export CSV. Reading is open to every
 * member; every change checks `content.approve` against the database (the
 * brand voice is a workspace setting: `workspace.settings.write`).
 */
const draftStatuses = [
  'queued',
  'generated',
  'in_review',
  'approved',
  'rejected',
  'published',
  'failed',
  'cancelled',
] as const satisfies readonly ContentDraftStatus[];

const pageSize = 25;
const draftQuerySchema = z.object({
  run: z.uuid().optional(),
  status: z.enum(draftStatuses).optional(),
  kind: z.enum(contentKinds).optional(),
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
const draftFilterSchema = draftQuerySchema.omit({ page: true });
/** Bulk actions: ticked drafts, or every draft the list's filters match. */
const draftSelectionSchema = z.union([
  z.object({ draftIds: z.array(z.uuid('must be draft ids')) }),
  z.object({ matching: draftFilterSchema }),
]);

/** Validates a posted selection (ids, filter values) into the module's shape. */
function toSelection(input: unknown): DraftSelection {
  const selection = draftSelectionSchema.parse(input);
  if ('draftIds' in selection) return selection;
  const { run, status, kind, q } = selection.matching;
  return { matching: { runId: run, status, kind, search: q } };
}

const productQuerySchema = z.object({ q: z.string().trim().max(200).optional() });

export interface DraftRow {
  id: string;
  runId: string | null;
  kind: (typeof contentKinds)[number];
  kindLabel: string;
  language: string;
  status: ContentDraftStatus;
  content: unknown;
  summary: string;
  error: string | null;
  model: string | null;
  product: { id: string; title: string; handle: string } | null;
}

/** A run as the page lists it: its live progress plus what it was asked for (the socket sends only the progress). */
export interface RunRow extends RunProgressWire {
  kinds: (typeof contentKinds)[number][];
  languages: string[];
  createdAt: Date;
  finishedAt: Date | null;
}

const toActor = (actor: AdminActor): ContentActor => ({
  workspaceId: actor.workspaceId,
  type: 'user',
  id: actor.userId,
  name: actor.displayName,
});

export function createContentAdmin(deps: Pick<AdminDeps, 'prisma' | 'jobs' | 'ai'>) {
  const { prisma } = deps;
  const mayChange = (actor: AdminActor) => requireActorPermission(prisma, actor, 'content.approve');

  return {
    async overview(actor: AdminActor, query: z.input<typeof draftQuerySchema>) {
      const filter = draftQuerySchema.parse(query);
      const [runs, page, counts, profile, workspace] = await Promise.all([
        listRecentRuns(prisma, actor.workspaceId, 5),
        listDraftPage(
          prisma,
          actor.workspaceId,
          { runId: filter.run, status: filter.status, kind: filter.kind, search: filter.q },
          { take: pageSize + 1, skip: (filter.page - 1) * pageSize },
        ),
        countDraftsByStatus(prisma, actor.workspaceId, filter.run),
        findWorkspaceProfile(prisma, actor.workspaceId),
        prisma.workspace.findUniqueOrThrow({
          where: { id: actor.workspaceId },
          select: { shopDomain: true, shopifyUninstalledAt: true },
        }),
      ]);
      return {
        runs: runs.map(
          (run): RunRow => ({
            ...toRunProgressWire(run),
            kinds: run.kinds,
            languages: run.languages,
            createdAt: run.createdAt,
            finishedAt: run.finishedAt,
          }),
        ),
        drafts: page.items.slice(0, pageSize).map(
          (draft): DraftRow => ({
            id: draft.id,
            runId: draft.runId,
            kind: draft.kind,
            kindLabel: kindLabels[draft.kind],
            language: draft.language,
            status: draft.status,
            content: draft.content,
            summary: contentSummary(draft.kind, draft.content).slice(0, 300),
            error: draft.error,
            model: draft.model,
            product: draft.product,
          }),
        ),
        total: page.total,
        page: filter.page,
        pageSize,
        hasNext: page.items.length > pageSize,
        counts,
        brandVoice: profile?.settings.brandVoice,
        locale: profile?.locale ?? 'en',
        languages: profile?.settings.assistant.languages ?? [],
        canPublishToShopify: Boolean(workspace.shopDomain && !workspace.shopifyUninstalledAt),
        kinds: productKinds.map((kind) => ({ kind, label: kindLabels[kind] })),
        kindLabels,
      };
    },

    /** Products to pick from (search), and the collections (categories) a whole-collection run can target. */
    async products(actor: AdminActor, query: z.input<typeof productQuerySchema>) {
      const { q } = productQuerySchema.parse(query);
      const [page, categories, total] = await Promise.all([
        listProducts(prisma, actor.workspaceId, { limit: 50, query: q }),
        listCategories(prisma, actor.workspaceId),
        prisma.product.count({ where: { workspaceId: actor.workspaceId, status: { not: 'archived' } } }),
      ]);
      return {
        // Runs skip archived products, so the picker does not offer them.
        products: page.items
          .filter((product) => product.status !== 'archived')
          .map((product) => ({ id: product.id, title: product.title, category: product.category })),
        hasMore: page.hasMore,
        categories,
        total,
      };
    },

    async estimate(actor: AdminActor, input: unknown) {
      const estimate = await estimateContentRun(deps, actor.workspaceId, input);
      return {
        ...estimate,
        budgetRemainingMicroUsd:
          estimate.budgetRemainingMicroUsd === null ? null : Number(estimate.budgetRemainingMicroUsd),
      };
    },

    async startRun(actor: AdminActor, input: unknown) {
      await mayChange(actor);
      return toRunProgressWire(await startContentRun(deps, toActor(actor), input as never));
    },

    async cancelRun(actor: AdminActor, runId: string) {
      await mayChange(actor);
      return toRunProgressWire(await cancelContentRun(deps, actor.workspaceId, z.uuid().parse(runId)));
    },

    async analyzeReviews(actor: AdminActor, input: unknown) {
      await mayChange(actor);
      return toRunProgressWire(await startReviewAnalysis(deps, toActor(actor), input));
    },

    async translate(actor: AdminActor, selection: unknown) {
      await mayChange(actor);
      return (await startTranslation(deps, toActor(actor), toSelection(selection))).map(toRunProgressWire);
    },

    async draft(actor: AdminActor, draftId: string) {
      // A malformed id in the address is a draft that does not exist, not a form mistake.
      const id = z.uuid().safeParse(draftId);
      if (!id.success) throw new ContentDraftNotFoundError();
      const draft = await getDraft(prisma, actor.workspaceId, id.data);
      return {
        ...draft,
        /** Previous and next in the list's order within its run, for walking a run draft by draft. */
        neighbours: await findNeighbourDraftIds(prisma, actor.workspaceId, draft),
        kindLabel: kindLabels[draft.kind],
        costMicroUsd: Number(draft.costMicroUsd),
        limits: contentLimits,
        /** The review actions its status allows (the buttons the page offers; the service checks again). */
        allowedActions: (Object.keys(reviewTransitions) as (keyof typeof reviewTransitions)[]).filter((action) =>
          reviewTransitions[action].includes(draft.status),
        ),
        revisions: draft.revisions.map((revision) => ({
          id: revision.id,
          action: revision.action,
          actorType: revision.actorType,
          actorName: revision.actorName,
          fromStatus: revision.fromStatus,
          toStatus: revision.toStatus,
          before: revision.before,
          after: revision.after,
          provider: revision.provider,
          model: revision.model,
          promptVersion: revision.promptVersion,
          note: revision.note,
          createdAt: revision.createdAt,
        })),
      };
    },

    async editDraft(actor: AdminActor, draftId: string, content: unknown) {
      await mayChange(actor);
      await editDraft(prisma, toActor(actor), z.uuid().parse(draftId), content);
    },

    /** A decision on the given drafts; a draft's own page passes one, with `single` and an optional note. */
    async decide(
      actor: AdminActor,
      decision: 'approve' | 'reject' | 'reopen',
      draftIds: string[],
      options: { note?: string; single?: boolean } = {},
    ) {
      await mayChange(actor);
      return decideDrafts(prisma, toActor(actor), decision, z.array(z.uuid()).parse(draftIds), options);
    },

    /** The list's bulk Approve / Reject: ticked drafts or every draft matching the filters. */
    async decideMany(actor: AdminActor, decision: 'approve' | 'reject', selection: unknown) {
      await mayChange(actor);
      return decideSelection(prisma, toActor(actor), decision, toSelection(selection));
    },

    async publish(actor: AdminActor, selection: unknown) {
      await mayChange(actor);
      return requestPublish(deps, toActor(actor), toSelection(selection));
    },

    async saveBrandVoice(actor: AdminActor, brandVoice: WorkspaceSettings['brandVoice'] | unknown) {
      await requireActorPermission(prisma, actor, 'workspace.settings.write');
      const settings = await saveWorkspaceSettings(prisma, actor, { brandVoice });
      return settings.brandVoice;
    },

    /** CSV chunks; the page's resource route streams them as a download. */
    exportCsv(actor: AdminActor, query: unknown) {
      const parsed = exportQuerySchema.parse(query);
      return {
        filename: `closer-content-${parsed.format}-${new Date().toISOString().slice(0, 10)}.csv`,
        chunks: exportApprovedContent(prisma, actor.workspaceId, parsed),
      };
    },
  };
}
