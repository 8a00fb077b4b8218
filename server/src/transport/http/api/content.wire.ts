import { z } from 'zod';
import { contentKinds, type DraftRecord, type DraftWithHistory, type RunProgress } from '../../../modules/content';

/**
 * The content studio as the REST API sends it. AI costs are integers in
 * micro-dollars (the database keeps them as BigInt; a month of any store's
 * spend is far below 2^53), times are ISO 8601 UTC.
 */
export const draftStatuses = [
  'queued',
  'generated',
  'in_review',
  'approved',
  'rejected',
  'published',
  'failed',
  'cancelled',
] as const;

const draftStatusSchema = z
  .enum(draftStatuses)
  .describe(
    'queued → generated → in_review → approved / rejected → published; failed (with `error`), cancelled (its run was cancelled first).',
  );

const micro = (what: string) => z.int().min(0).describe(`${what}, in micro-dollars (1,000,000 = $1).`);

export const contentDraftWireSchema = z.object({
  id: z.uuid(),
  runId: z.uuid().nullable().describe('The run that generated it.'),
  product: z
    .object({ id: z.uuid(), handle: z.string(), title: z.string() })
    .nullable()
    .describe('Null for a review analysis of pasted reviews.'),
  kind: z.enum(contentKinds),
  language: z.string().describe('BCP 47, e.g. en or pt-BR.'),
  status: draftStatusSchema,
  content: z
    .unknown()
    .describe(
      "The kind's structured output as people last edited it, e.g. { title, metaDescription } for seo; null until generated.",
    ),
  error: z.string().nullable().describe('Why generation or publishing failed.'),
  provider: z.string().nullable(),
  model: z.string().nullable(),
  promptVersion: z.string().nullable(),
  costMicroUsd: micro('What generating it cost'),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  generatedAt: z.iso.datetime().nullable(),
  reviewedAt: z.iso.datetime().nullable(),
  publishedAt: z.iso.datetime().nullable(),
});
export type ContentDraftWire = z.output<typeof contentDraftWireSchema>;

export const contentRevisionWireSchema = z.object({
  id: z.uuid(),
  action: z
    .string()
    .describe(
      'generated, generation_failed, edited, approved, rejected, reopened, published, publish_failed, exported.',
    ),
  actor: z.object({
    type: z.enum(['user', 'api_key', 'system']),
    id: z.string().nullable().describe('The user’s or API key’s id.'),
    name: z.string().nullable(),
  }),
  fromStatus: draftStatusSchema.nullable(),
  toStatus: draftStatusSchema.nullable(),
  before: z.unknown().describe('The content before an edit.'),
  after: z.unknown().describe('The content after an edit or generation.'),
  provider: z.string().nullable(),
  model: z.string().nullable(),
  promptVersion: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: z.iso.datetime(),
});

export const contentDraftDetailWireSchema = contentDraftWireSchema.extend({
  revisions: z.array(contentRevisionWireSchema).describe('The append-only history, oldest first.'),
});

export const contentRunWireSchema = z.object({
  id: z.uuid(),
  status: z.enum(['queued', 'running', 'completed', 'cancelled', 'failed']),
  kinds: z.array(z.enum(contentKinds)),
  languages: z.array(z.string()),
  totalItems: z.int().min(0).describe('Drafts in the run (products × kinds).'),
  doneItems: z.int().min(0),
  failedItems: z.int().min(0),
  remainingItems: z.int().min(0).describe('0 once the run has stopped.'),
  estimatedCostMicroUsd: micro('The estimate made before it started'),
  costMicroUsd: micro('Spent so far'),
  error: z.string().nullable(),
  createdAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
});

const iso = (date: Date | null) => date?.toISOString() ?? null;

export function toContentDraftWire(draft: DraftRecord): ContentDraftWire {
  return {
    id: draft.id,
    runId: draft.runId,
    product: draft.product,
    kind: draft.kind,
    language: draft.language,
    status: draft.status,
    content: draft.content ?? null,
    error: draft.error,
    provider: draft.provider,
    model: draft.model,
    promptVersion: draft.promptVersion,
    costMicroUsd: Number(draft.costMicroUsd),
    createdAt: draft.createdAt.toISOString(),
    updatedAt: draft.updatedAt.toISOString(),
    generatedAt: iso(draft.generatedAt),
    reviewedAt: iso(draft.reviewedAt),
    publishedAt: iso(draft.publishedAt),
  };
}

export function toContentDraftDetailWire(draft: DraftWithHistory): z.output<typeof contentDraftDetailWireSchema> {
  return {
    ...toContentDraftWire(draft),
    revisions: draft.revisions.map((revision) => ({
      id: revision.id,
      action: revision.action,
      actor: {
        type: revision.actorType as 'user' | 'api_key' | 'system',
        id: revision.actorId,
        name: revision.actorName,
      },
      fromStatus: revision.fromStatus,
      toStatus: revision.toStatus,
      before: revision.before ?? null,
      after: revision.after ?? null,
      provider: revision.provider,
      model: revision.model,
      promptVersion: revision.promptVersion,
      note: revision.note,
      createdAt: revision.createdAt.toISOString(),
    })),
  };
}

export function toContentRunWire(run: RunProgress): z.output<typeof contentRunWireSchema> {
  return {
    id: run.id,
    status: run.status,
    kinds: run.kinds,
    languages: run.languages,
    totalItems: run.totalItems,
    doneItems: run.doneItems,
    failedItems: run.failedItems,
    remainingItems: run.remainingItems,
    estimatedCostMicroUsd: Number(run.estimatedCostMicroUsd),
    costMicroUsd: Number(run.costMicroUsd),
    error: run.error,
    createdAt: run.createdAt.toISOString(),
    finishedAt: iso(run.finishedAt),
  };
}
