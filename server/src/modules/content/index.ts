/** The AI content studio: runs that generate drafts in bulk, human review with an append-only history, export and publishing. */
export {
  type ContentActor,
  ContentBudgetError,
  ContentDraftNotFoundError,
  ContentRunNotFoundError,
  InvalidContentError,
  InvalidDraftTransitionError,
  maxBulkDrafts,
  NothingToGenerateError,
  type RunScope,
  reviewTransitions,
  type StartRunInput,
  startRunSchema,
} from './content.model';
export {
  countDraftsByStatus,
  type DraftFilter,
  type DraftListItem,
  type DraftRecord,
  type DraftWithHistory,
  findNeighbourDraftIds,
  listDraftPage,
  listDraftsAfter,
} from './content-draft.repo';
export type { KindEstimate } from './content-estimate';
export {
  contentSummary,
  descriptionToHtml,
  type ExportFormat,
  type ExportQuery,
  exportApprovedContent,
  exportFormats,
  exportQuerySchema,
} from './content-export';
export {
  type ContentGenerationDeps,
  createRunContexts,
  finishDraft,
  type GenerationOutcome,
  generateDraft,
  maxOutputAttempts,
} from './content-generation.service';
export {
  type ContentKind,
  contentKinds,
  contentSchemas,
  kindLabels,
  limits as contentLimits,
  parseKindContent,
  productKinds,
} from './content-kinds';
export { type BrandVoice, PROMPT_VERSION } from './content-prompt';
export {
  CONTENT_PUBLISH_QUEUE,
  type ContentPublishJob,
  type ProductContentUpdate,
  PublishingUnavailableError,
  type PublishProductContent,
  publishProduct,
  recordPublishFailure,
  requestPublish,
} from './content-publish.service';
export { decideDrafts, decideSelection, editDraft, getDraft, type ReviewOutcome } from './content-review.service';
export { findRunProgress, listRecentRuns, type RunProgress } from './content-run.repo';
export {
  CONTENT_GENERATE_QUEUE,
  type ContentGenerateJob,
  type ContentRunDeps,
  cancelContentRun,
  estimateContentRun,
  getContentRun,
  type RunEstimate,
  startContentRun,
  startReviewAnalysis,
  startTranslation,
} from './content-run.service';
export { type DraftSelection, maxMatchingDrafts } from './content-selection';
export {
  createProviderPace,
  defaultProviderLimits,
  InvalidProviderLimitsError,
  type ProviderLimits,
  type ProviderPace,
  parseProviderLimits,
} from './provider-pace';
