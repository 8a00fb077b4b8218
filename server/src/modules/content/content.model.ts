import type { ContentDraftStatus } from '@prisma/client';
import { z } from 'zod';
import { contentKinds, productKinds } from './content-kinds';

/** At most this many products in one run: 10,000 is a normal run; the cap keeps one request from queuing millions of jobs. */
export const maxRunProducts = 50_000;
export const maxBulkDrafts = 1_000;

const languageTag = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language code such as en or pt-BR');

export const runScopeSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('products'),
    productIds: z
      .array(z.uuid('must be product ids'))
      .min(1, 'select at least one product')
      .max(maxRunProducts, `at most ${maxRunProducts.toLocaleString('en')} products`),
  }),
  z.object({ type: z.literal('category'), category: z.string().trim().min(1, 'must name a collection').max(200) }),
  z.object({ type: z.literal('all') }),
]);
export type RunScope = z.infer<typeof runScopeSchema>;

export const startRunSchema = z.object({
  scope: runScopeSchema,
  kinds: z
    .array(z.enum(productKinds, { message: `must be one of ${productKinds.join(', ')}` }))
    .min(1, 'choose at least one kind of content')
    .transform((kinds) => [...new Set(kinds)]),
  /** Defaults to the workspace's locale. */
  language: languageTag.optional(),
  /** Regenerate even when an identical request is cached. */
  fresh: z.boolean().default(false),
});
export type StartRunInput = z.input<typeof startRunSchema>;

export const reviewAnalysisSchemaInput = z.object({
  productId: z.uuid().optional(),
  reviews: z.string().trim().min(20, 'paste at least one review').max(100_000, 'at most 100,000 characters of reviews'),
  language: languageTag.optional(),
});

export const translateSchema = z.object({
  draftIds: z.array(z.uuid()).min(1, 'select at least one approved draft').max(maxBulkDrafts),
  /** Defaults to every workspace language other than the source's. */
  languages: z.array(languageTag).max(20).optional(),
});

export const contentKindSchema = z.enum(contentKinds);

/** A person (or an API key) acting on drafts; written into every revision. */
export interface ContentActor {
  workspaceId: string;
  type: 'user' | 'api_key' | 'system';
  id: string | null;
  name: string | null;
}

/** Which review actions each status allows. Publishing and generation move drafts through their own paths. */
export const reviewTransitions: Record<'approve' | 'reject' | 'reopen' | 'edit', ContentDraftStatus[]> = {
  approve: ['generated', 'in_review', 'rejected'],
  reject: ['generated', 'in_review', 'approved'],
  reopen: ['approved', 'rejected', 'published', 'failed'],
  edit: ['generated', 'in_review', 'approved', 'rejected', 'published'],
};

export class ContentRunNotFoundError extends Error {
  override readonly name = 'ContentRunNotFoundError';
  readonly status = 404;
  constructor() {
    super('There is no such content run in this workspace.');
  }
}

export class ContentDraftNotFoundError extends Error {
  override readonly name = 'ContentDraftNotFoundError';
  readonly status = 404;
  constructor() {
    super('There is no such draft in this workspace.');
  }
}

export class InvalidDraftTransitionError extends Error {
  override readonly name = 'InvalidDraftTransitionError';
  readonly status = 409;
  constructor(action: string, status: ContentDraftStatus) {
    super(`A draft that is ${status.replace('_', ' ')} cannot be ${pastTense(action)}.`);
  }
}

export class InvalidContentError extends Error {
  override readonly name = 'InvalidContentError';
  readonly status = 400;
}

export class NothingToGenerateError extends Error {
  override readonly name = 'NothingToGenerateError';
  readonly status = 400;
  constructor(what = 'The selection has no products.') {
    super(what);
  }
}

export class ContentBudgetError extends Error {
  override readonly name = 'ContentBudgetError';
  readonly status = 402;
  constructor(estimateMicroUsd: bigint, remainingMicroUsd: bigint) {
    super(
      `This run is estimated at $${(Number(estimateMicroUsd) / 1e6).toFixed(2)}, more than the $${(Number(remainingMicroUsd) / 1e6).toFixed(2)} left in this month's AI budget. Select fewer products or raise the budget.`,
    );
  }
}

function pastTense(action: string): string {
  return (
    { approve: 'approved', reject: 'rejected', reopen: 'reopened', edit: 'edited', publish: 'published' }[action] ??
    action
  );
}
