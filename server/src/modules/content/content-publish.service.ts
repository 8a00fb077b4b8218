import type { PrismaClient } from '@prisma/client';
import type { Jobs } from '../../platform/jobs/jobs';
import { type ContentActor, InvalidContentError, maxBulkDrafts } from './content.model';
import { descriptionToHtml } from './content-export';
import { appendRevisions, systemActor } from './content-revision.repo';
import { type DraftSelection, resolveDraftSelection } from './content-selection';

export const CONTENT_PUBLISH_QUEUE = 'content.publish';

/** One `content.publish` job: one product's approved description and SEO drafts, written in one `productUpdate`. */
export interface ContentPublishJob {
  workspaceId: string;
  productId: string;
  draftIds: string[];
  actor: ContentActor;
}

export interface ProductContentUpdate {
  descriptionHtml?: string;
  seoTitle?: string;
  seoDescription?: string;
}

/** Writes content to the store's product (Shopify's `productUpdate`); throws when the store refuses it. */
export type PublishProductContent = (
  workspaceId: string,
  productId: string,
  update: ProductContentUpdate,
) => Promise<{ shopifyProductId: string }>;

export class PublishingUnavailableError extends Error {
  override readonly name = 'PublishingUnavailableError';
  readonly status = 409;
  constructor() {
    super(
      'Publishing writes to a Shopify store, and this workspace has no installed Shopify store. Export the approved content as CSV instead.',
    );
  }
}

/** Only descriptions and SEO live on a Shopify product; ad copy and analyses are exported instead. */
const publishableKinds = new Set(['description', 'seo']);

/**
 * Queues approved drafts for publishing, one job per product, so a store that
 * refuses one product does not hold up the rest and each product's result is
 * recorded on its own drafts.
 */
export async function requestPublish(
  deps: { prisma: PrismaClient; jobs: Pick<Jobs, 'insertInTransaction'> },
  actor: ContentActor,
  selection: DraftSelection,
): Promise<{ products: number; skipped: number }> {
  const ids = [...new Set(await resolveDraftSelection(deps.prisma, actor.workspaceId, selection, maxBulkDrafts))];
  if (ids.length === 0) throw new InvalidContentError('Select at least one approved draft.');
  if (ids.length > maxBulkDrafts) throw new InvalidContentError(`Select at most ${maxBulkDrafts} drafts at a time.`);
  const workspace = await deps.prisma.workspace.findUniqueOrThrow({
    where: { id: actor.workspaceId },
    select: { shopDomain: true, shopifyUninstalledAt: true },
  });
  if (!workspace.shopDomain || workspace.shopifyUninstalledAt) throw new PublishingUnavailableError();
  const drafts = await deps.prisma.contentDraft.findMany({
    where: { id: { in: ids }, workspaceId: actor.workspaceId, status: 'approved', productId: { not: null } },
    select: { id: true, kind: true, productId: true },
  });
  const byProduct = new Map<string, string[]>();
  for (const draft of drafts) {
    if (!publishableKinds.has(draft.kind) || !draft.productId) continue;
    byProduct.set(draft.productId, [...(byProduct.get(draft.productId) ?? []), draft.id]);
  }
  const queued = [...byProduct.values()].reduce((sum, list) => sum + list.length, 0);
  await deps.prisma.$transaction((tx) =>
    deps.jobs.insertInTransaction(
      tx,
      CONTENT_PUBLISH_QUEUE,
      [...byProduct.entries()].map(([productId, productDraftIds]) => ({
        data: {
          workspaceId: actor.workspaceId,
          productId,
          draftIds: productDraftIds,
          actor,
        } satisfies ContentPublishJob,
      })),
    ),
  );
  return { products: byProduct.size, skipped: ids.length - queued };
}

/**
 * Runs one publish job. Drafts that stopped being approved meanwhile (a
 * reviewer reopened one) are left out; if nothing is left, nothing is sent.
 * A refusal from the store is recorded on the drafts (they stay approved, with
 * the reason); other errors are thrown for the job's retries.
 */
export async function publishProduct(
  deps: { prisma: PrismaClient; publish: PublishProductContent; isPermanentFailure: (error: unknown) => boolean },
  job: ContentPublishJob,
): Promise<'published' | 'refused' | 'skipped'> {
  const drafts = await deps.prisma.contentDraft.findMany({
    where: { id: { in: job.draftIds }, workspaceId: job.workspaceId, productId: job.productId, status: 'approved' },
    select: { id: true, kind: true, content: true },
  });
  if (drafts.length === 0) return 'skipped';
  const update: ProductContentUpdate = {};
  for (const draft of drafts) {
    const content = (draft.content ?? {}) as Record<string, string>;
    if (draft.kind === 'description') update.descriptionHtml = descriptionToHtml(content);
    if (draft.kind === 'seo') {
      update.seoTitle = content.title;
      update.seoDescription = content.metaDescription;
    }
  }
  const ids = drafts.map((draft) => draft.id);
  try {
    const result = await deps.publish(job.workspaceId, job.productId, update);
    await deps.prisma.$transaction(async (tx) => {
      await tx.contentDraft.updateMany({
        where: { id: { in: ids }, status: 'approved' },
        data: { status: 'published', publishedAt: new Date(), error: null },
      });
      await appendRevisions(
        tx,
        job.actor,
        ids.map((draftId) => ({
          draftId,
          action: 'published' as const,
          fromStatus: 'approved' as const,
          toStatus: 'published' as const,
          note: `Written to Shopify product ${result.shopifyProductId}`,
        })),
      );
    });
    return 'published';
  } catch (error) {
    if (!deps.isPermanentFailure(error)) throw error;
    await recordPublishFailure(deps.prisma, job, ids, error instanceof Error ? error.message : String(error));
    return 'refused';
  }
}

/** A publish that will not succeed by retrying: the drafts keep their approval and show why. */
export async function recordPublishFailure(
  prisma: PrismaClient,
  job: Pick<ContentPublishJob, 'workspaceId' | 'actor'>,
  draftIds: string[],
  reason: string,
): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await tx.contentDraft.updateMany({
      where: { id: { in: draftIds }, workspaceId: job.workspaceId },
      data: { error: `Publishing failed: ${reason}` },
    });
    await appendRevisions(
      tx,
      job.actor ?? systemActor(job.workspaceId),
      draftIds.map((draftId) => ({
        draftId,
        action: 'publish_failed' as const,
        fromStatus: 'approved' as const,
        toStatus: 'approved' as const,
        note: reason,
      })),
    );
  });
}
