import { type ContentDraftStatus, type ContentKind, Prisma, type PrismaClient } from '@prisma/client';
import { PROMPT_VERSION } from './content-prompt';
import { type NewRevision, revisionInsertSql, systemActor } from './content-revision.repo';
import type { RunProgress } from './content-run.repo';

/**
 * The two statements a `content.generate` job spends on PostgreSQL around its
 * model call. Each is one round trip: at thousands of drafts a minute the
 * job's own time is mostly waiting for the database, and Prisma's nested
 * reads and interactive transactions cost several trips each.
 */

/** A variant as the prompt describes it. */
export interface VariantFacts {
  title: string;
  options: Record<string, string> | null;
  priceCents: number;
}

export interface ProductToDescribe {
  title: string;
  description: string;
  category: string | null;
  vendor: string | null;
  tags: string[];
  currency: string;
  /** The first few by position: enough for the prompt, bounded for big catalogues. */
  variants: VariantFacts[];
}

export interface DraftToGenerate {
  kind: ContentKind;
  language: string;
  status: ContentDraftStatus;
  sourceDraftId: string | null;
  product: ProductToDescribe | null;
}

const promptVariantCount = 8;

/** The draft with its product and first variants, in one query. */
export async function findDraftToGenerate(
  prisma: PrismaClient,
  workspaceId: string,
  draftId: string,
): Promise<DraftToGenerate | undefined> {
  const [row] = await prisma.$queryRaw<DraftToGenerate[]>`
    SELECT d.kind, d.language, d.status, d."sourceDraftId",
           CASE WHEN p.id IS NULL THEN NULL ELSE json_build_object(
             'title', p.title, 'description', p.description, 'category', p.category, 'vendor', p.vendor,
             'tags', p.tags, 'currency', p.currency,
             'variants', (
               SELECT coalesce(json_agg(json_build_object('title', v.title, 'options', v.options,
                                                          'priceCents', v."priceCents") ORDER BY v.position, v.id),
                               '[]'::json)
               FROM (SELECT id, title, options, "priceCents", position FROM "Variant"
                     WHERE "productId" = p.id ORDER BY position, id LIMIT ${promptVariantCount}) v)
           ) END AS product
    FROM "ContentDraft" d
    LEFT JOIN "Product" p ON p.id = d."productId" AND p."workspaceId" = d."workspaceId"
    WHERE d.id = ${draftId}::uuid AND d."workspaceId" = ${workspaceId}::uuid`;
  return row;
}

export type DraftResult =
  | {
      status: 'generated';
      content: Record<string, unknown>;
      provider: string | null;
      model: string | null;
      costMicroUsd: bigint;
      attempts: number;
    }
  | { status: 'failed'; error: string; attempts: number };

/**
 * Stores a generation result, its revision and the run's counters in one
 * statement, and only while the draft is still queued: a job handed out again
 * after a crash, or a draft whose run was cancelled, changes nothing. The
 * draft row is locked before the run row (the run's update reads the draft's),
 * the order `stopRun` takes them in too. The run completes with its last draft
 * in the same statement, so concurrent workers never lose an increment or
 * complete a run twice. Returns undefined when nothing was stored.
 */
export async function storeDraftResult(
  prisma: PrismaClient,
  target: { workspaceId: string; draftId: string },
  result: DraftResult,
): Promise<{ runStatus: RunProgress['status'] | null } | undefined> {
  const generated = result.status === 'generated';
  const draftChange = generated
    ? Prisma.sql`status = 'generated', content = ${JSON.stringify(result.content)}::jsonb,
        provider = ${result.provider}, model = ${result.model}, "costMicroUsd" = ${result.costMicroUsd},
        "generatedAt" = now(), error = NULL`
    : Prisma.sql`status = 'failed', error = ${result.error}`;
  const revision: NewRevision = generated
    ? {
        draftId: target.draftId,
        action: 'generated',
        fromStatus: 'queued',
        toStatus: 'generated',
        after: result.content,
        provider: result.provider,
        model: result.model,
        promptVersion: PROMPT_VERSION,
      }
    : {
        draftId: target.draftId,
        action: 'generation_failed',
        fromStatus: 'queued',
        toStatus: 'failed',
        promptVersion: PROMPT_VERSION,
        note: result.error,
      };
  const [row] = await prisma.$queryRaw<{ changed: boolean; runStatus: RunProgress['status'] | null }[]>`
    WITH draft AS (
      UPDATE "ContentDraft" SET ${draftChange}, attempts = ${result.attempts},
        "promptVersion" = ${PROMPT_VERSION}, "updatedAt" = now()
      WHERE id = ${target.draftId}::uuid AND "workspaceId" = ${target.workspaceId}::uuid AND status = 'queued'
      RETURNING id, "workspaceId", "runId"
    ), revision AS (
      ${revisionInsertSql(systemActor(target.workspaceId), revision)}
      FROM draft
    ), run AS (
      UPDATE "ContentRun" r SET
        "doneItems" = r."doneItems" + ${generated ? 1 : 0},
        "failedItems" = r."failedItems" + ${generated ? 0 : 1},
        "costMicroUsd" = r."costMicroUsd" + ${generated ? result.costMicroUsd : 0n},
        status = CASE WHEN r.status = 'running' AND r."doneItems" + r."failedItems" + 1 >= r."totalItems"
                      THEN 'completed'::"ContentRunStatus" ELSE r.status END,
        "finishedAt" = CASE WHEN r.status = 'running' AND r."doneItems" + r."failedItems" + 1 >= r."totalItems"
                            THEN now() ELSE r."finishedAt" END
      FROM draft
      WHERE r.id = draft."runId" AND r."workspaceId" = draft."workspaceId"
      RETURNING r.status
    )
    SELECT EXISTS (SELECT 1 FROM draft) AS changed, (SELECT status FROM run) AS "runStatus"`;
  return row?.changed ? { runStatus: row.runStatus } : undefined;
}
