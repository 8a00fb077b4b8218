import type { PrismaClient } from '@prisma/client';
import { type AiEngine, monthToDateCostMicroUsd, type ProviderId } from '../../ai';
import type { Jobs } from '../../platform/jobs/jobs';
import { findWorkspaceProfile } from '../tenancy';
import {
  type ContentActor,
  ContentBudgetError,
  ContentRunNotFoundError,
  maxBulkDrafts,
  NothingToGenerateError,
  reviewAnalysisSchemaInput,
  type StartRunInput,
  startRunSchema,
  translateSchema,
} from './content.model';
import { estimateKind, type KindEstimate } from './content-estimate';
import { type ContentKind, contentTasks } from './content-kinds';
import {
  findRunProgress,
  insertRunWithDrafts,
  type NewDraft,
  type NewRun,
  type RunProgress,
  selectScopeProductIds,
  stopRun,
  sumPromptCharacters,
} from './content-run.repo';
import { type DraftSelection, resolveDraftSelection } from './content-selection';

export const CONTENT_GENERATE_QUEUE = 'content.generate';

/** What a `content.generate` job carries: one draft (one product × one kind) of one run. */
export interface ContentGenerateJob {
  workspaceId: string;
  runId: string;
  draftId: string;
}

export interface ContentRunDeps {
  prisma: PrismaClient;
  jobs: Pick<Jobs, 'insertInTransaction'>;
  ai: Pick<AiEngine, 'plan'>;
  now?: () => Date;
}

export interface RunEstimate {
  products: number;
  items: number;
  language: string;
  kinds: KindEstimate[];
  costMicroUsd: number;
  /** What is left of this month's AI budget; null when the workspace has none. */
  budgetRemainingMicroUsd: bigint | null;
  fitsBudget: boolean;
}

interface PlannedRun {
  input: ReturnType<typeof startRunSchema.parse>;
  productIds: string[];
  estimate: RunEstimate;
}

async function planRun(deps: ContentRunDeps, workspaceId: string, rawInput: unknown): Promise<PlannedRun> {
  const input = startRunSchema.parse(rawInput);
  const profile = await findWorkspaceProfile(deps.prisma, workspaceId);
  if (!profile) throw new ContentRunNotFoundError();
  const productIds = await selectScopeProductIds(deps.prisma, workspaceId, input.scope);
  if (productIds.length === 0) {
    throw new NothingToGenerateError(
      input.scope.type === 'category'
        ? `The collection "${input.scope.category}" has no products.`
        : 'The selection has no products in this workspace.',
    );
  }
  const productCharacters = await sumPromptCharacters(deps.prisma, workspaceId, productIds);
  const voice = profile.settings.brandVoice;
  const brandVoiceCharacters =
    voice.tone.length +
    voice.wordsToUse.join().length +
    voice.wordsToAvoid.join().length +
    voice.examples.join().length;
  const kinds: KindEstimate[] = [];
  for (const kind of input.kinds) {
    const [choice] = await deps.ai.plan(workspaceId, contentTasks[kind]);
    kinds.push(
      estimateKind({
        kind,
        choice: choice ?? { provider: 'offline', model: 'offline' },
        items: productIds.length,
        productCharacters,
        brandVoiceCharacters,
      }),
    );
  }
  const costMicroUsd = kinds.reduce((sum, kind) => sum + kind.costMicroUsd, 0);
  const budget = await deps.prisma.workspace.findUniqueOrThrow({
    where: { id: workspaceId },
    select: { aiMonthlyBudgetMicroUsd: true },
  });
  const budgetRemainingMicroUsd =
    budget.aiMonthlyBudgetMicroUsd === null
      ? null
      : budget.aiMonthlyBudgetMicroUsd -
        (await monthToDateCostMicroUsd(deps.prisma, workspaceId, deps.now?.() ?? new Date()));
  return {
    input,
    productIds,
    estimate: {
      products: productIds.length,
      items: productIds.length * input.kinds.length,
      language: input.language ?? profile.locale,
      kinds,
      costMicroUsd,
      budgetRemainingMicroUsd,
      fitsBudget: budgetRemainingMicroUsd === null || BigInt(costMicroUsd) <= budgetRemainingMicroUsd,
    },
  };
}

/** The cost of a run before it starts: tokens × the price table for the models the workspace would use. */
export async function estimateContentRun(
  deps: ContentRunDeps,
  workspaceId: string,
  input: unknown,
): Promise<RunEstimate> {
  return (await planRun(deps, workspaceId, input)).estimate;
}

/**
 * Starts a run: one queued draft and one `content.generate` job per product
 * and kind, all in one transaction (no run without its jobs, no job without
 * its draft). Jobs are grouped by the provider the task routes to, so pg-boss
 * can cap concurrent calls per provider across every node.
 */
export async function startContentRun(
  deps: ContentRunDeps,
  actor: ContentActor,
  input: StartRunInput,
): Promise<RunProgress> {
  const { input: parsed, productIds, estimate } = await planRun(deps, actor.workspaceId, input);
  if (!estimate.fitsBudget && estimate.budgetRemainingMicroUsd !== null) {
    throw new ContentBudgetError(BigInt(estimate.costMicroUsd), estimate.budgetRemainingMicroUsd);
  }
  const drafts: NewDraft[] = [];
  for (const productId of productIds) {
    for (const kind of parsed.kinds) drafts.push({ productId, kind, language: estimate.language, sourceDraftId: null });
  }
  return queueRun(deps, actor, {
    run: {
      kinds: parsed.kinds,
      languages: [estimate.language],
      scope: parsed.scope,
      options: { fresh: parsed.fresh },
      estimatedCostMicroUsd: BigInt(estimate.costMicroUsd),
    },
    drafts,
    providers: new Map(estimate.kinds.map((kind) => [kind.kind, kind.provider])),
  });
}

/** A review analysis of pasted or imported reviews, optionally about one product. */
export async function startReviewAnalysis(
  deps: ContentRunDeps,
  actor: ContentActor,
  input: unknown,
): Promise<RunProgress> {
  const parsed = reviewAnalysisSchemaInput.parse(input);
  const profile = await findWorkspaceProfile(deps.prisma, actor.workspaceId);
  if (!profile) throw new ContentRunNotFoundError();
  if (parsed.productId) {
    const found = await selectScopeProductIds(deps.prisma, actor.workspaceId, {
      type: 'products',
      productIds: [parsed.productId],
    });
    if (found.length === 0) throw new NothingToGenerateError('There is no such product in this workspace.');
  }
  const language = parsed.language ?? profile.locale;
  const [choice] = await deps.ai.plan(actor.workspaceId, contentTasks.review_analysis);
  const estimate = estimateKind({
    kind: 'review_analysis',
    choice: choice ?? { provider: 'offline', model: 'offline' },
    items: 1,
    productCharacters: parsed.reviews.length,
    brandVoiceCharacters: 0,
  });
  return queueRun(deps, actor, {
    run: {
      kinds: ['review_analysis'],
      languages: [language],
      scope: parsed.productId ? { type: 'products', productIds: [parsed.productId] } : { type: 'all' },
      options: { reviews: parsed.reviews },
      estimatedCostMicroUsd: BigInt(estimate.costMicroUsd),
    },
    drafts: [{ productId: parsed.productId ?? null, kind: 'review_analysis', language, sourceDraftId: null }],
    providers: new Map([['review_analysis', estimate.provider]]),
  });
}

/**
 * Translations of approved pieces into the workspace's other languages: one
 * run per source kind (a product's description and its SEO are separate
 * pieces in the same language), the latest approved piece per product and kind.
 */
export async function startTranslation(
  deps: ContentRunDeps,
  actor: ContentActor,
  selection: DraftSelection,
  languages?: string[],
): Promise<RunProgress[]> {
  const draftIds = await resolveDraftSelection(deps.prisma, actor.workspaceId, selection, maxBulkDrafts);
  const parsed = translateSchema.parse({ draftIds, languages });
  const profile = await findWorkspaceProfile(deps.prisma, actor.workspaceId);
  if (!profile) throw new ContentRunNotFoundError();
  const sources = await deps.prisma.contentDraft.findMany({
    where: {
      id: { in: parsed.draftIds },
      workspaceId: actor.workspaceId,
      status: { in: ['approved', 'published'] },
      kind: { not: 'translation' },
    },
    select: { id: true, kind: true, productId: true, language: true },
    orderBy: { updatedAt: 'desc' },
  });
  if (sources.length === 0) throw new NothingToGenerateError('Select approved drafts to translate.');
  const wanted = parsed.languages ?? profile.settings.assistant.languages;
  const runs: RunProgress[] = [];
  for (const kind of [...new Set(sources.map((source) => source.kind))]) {
    const seen = new Set<string>();
    const drafts: NewDraft[] = [];
    for (const source of sources.filter((candidate) => candidate.kind === kind)) {
      const key = source.productId ?? source.id;
      if (seen.has(key)) continue;
      seen.add(key);
      for (const language of wanted.filter((candidate) => candidate !== source.language)) {
        drafts.push({ productId: source.productId, kind: 'translation', language, sourceDraftId: source.id });
      }
    }
    if (drafts.length === 0) continue;
    const [choice] = await deps.ai.plan(actor.workspaceId, contentTasks.translation);
    const estimate = estimateKind({
      kind: 'translation',
      choice: choice ?? { provider: 'offline', model: 'offline' },
      items: drafts.length,
      productCharacters: 0,
      brandVoiceCharacters: 0,
    });
    runs.push(
      await queueRun(deps, actor, {
        run: {
          kinds: ['translation'],
          languages: [...new Set(drafts.map((draft) => draft.language))],
          scope: { type: 'drafts', draftIds: [...new Set(drafts.map((draft) => draft.sourceDraftId as string))] },
          options: { sourceKind: kind },
          estimatedCostMicroUsd: BigInt(estimate.costMicroUsd),
        },
        drafts,
        providers: new Map([['translation', estimate.provider]]),
      }),
    );
  }
  if (runs.length === 0) {
    throw new NothingToGenerateError(
      'The workspace has no other languages to translate into: add languages on the assistant page, or choose them here.',
    );
  }
  return runs;
}

async function queueRun(
  deps: ContentRunDeps,
  actor: ContentActor,
  plan: {
    run: Omit<NewRun, 'workspaceId' | 'createdByUserId'>;
    drafts: NewDraft[];
    providers: Map<ContentKind, ProviderId>;
  },
): Promise<RunProgress> {
  const runId = await deps.prisma.$transaction(
    async (tx) => {
      const { runId, draftIds } = await insertRunWithDrafts(
        tx,
        { ...plan.run, workspaceId: actor.workspaceId, createdByUserId: actor.type === 'user' ? actor.id : null },
        plan.drafts,
      );
      await deps.jobs.insertInTransaction(
        tx,
        CONTENT_GENERATE_QUEUE,
        draftIds.map((draftId, index) => {
          const provider = plan.providers.get(plan.drafts[index]?.kind as ContentKind) ?? 'offline';
          return {
            data: { workspaceId: actor.workspaceId, runId, draftId } satisfies ContentGenerateJob,
            group: { id: provider, tier: provider },
          };
        }),
      );
      return runId;
    },
    // Inserting 30,000 drafts and jobs takes a few seconds; Prisma's default would abort at 5.
    { timeout: 120_000 },
  );
  return (await findRunProgress(deps.prisma, actor.workspaceId, runId)) as RunProgress;
}

/** Stops a run: no new model calls; drafts already generated stay for review. */
export async function cancelContentRun(
  deps: Pick<ContentRunDeps, 'prisma'>,
  workspaceId: string,
  runId: string,
): Promise<RunProgress> {
  await deps.prisma.$transaction((tx) => stopRun(tx, workspaceId, runId, { status: 'cancelled' }));
  const progress = await findRunProgress(deps.prisma, workspaceId, runId);
  if (!progress) throw new ContentRunNotFoundError();
  return progress;
}

export async function getContentRun(
  deps: Pick<ContentRunDeps, 'prisma'>,
  workspaceId: string,
  runId: string,
): Promise<RunProgress> {
  const progress = await findRunProgress(deps.prisma, workspaceId, runId);
  if (!progress) throw new ContentRunNotFoundError();
  return progress;
}
