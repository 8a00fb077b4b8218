-- CreateEnum
CREATE TYPE "ContentKind" AS ENUM ('description', 'seo', 'ad_meta', 'ad_google', 'ad_tiktok', 'review_analysis', 'translation');

-- CreateEnum
CREATE TYPE "ContentRunStatus" AS ENUM ('queued', 'running', 'completed', 'cancelled', 'failed');

-- CreateEnum
CREATE TYPE "ContentDraftStatus" AS ENUM ('queued', 'generated', 'in_review', 'approved', 'rejected', 'published', 'failed', 'cancelled');

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "sourceUpdatedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Variant" ADD COLUMN     "inventoryItemId" TEXT;

-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "plan" TEXT NOT NULL DEFAULT 'free',
ADD COLUMN     "planActivatedAt" TIMESTAMP(3),
ADD COLUMN     "planSubscriptionId" TEXT,
ADD COLUMN     "shopifyInstalledAt" TIMESTAMP(3),
ADD COLUMN     "shopifyScopes" TEXT,
ADD COLUMN     "shopifyUninstalledAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "ContentRun" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "createdByUserId" UUID,
    "kinds" "ContentKind"[],
    "languages" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "scope" JSONB NOT NULL,
    "options" JSONB NOT NULL DEFAULT '{}',
    "status" "ContentRunStatus" NOT NULL DEFAULT 'queued',
    "totalItems" INTEGER NOT NULL DEFAULT 0,
    "doneItems" INTEGER NOT NULL DEFAULT 0,
    "failedItems" INTEGER NOT NULL DEFAULT 0,
    "estimatedCostMicroUsd" BIGINT NOT NULL DEFAULT 0,
    "costMicroUsd" BIGINT NOT NULL DEFAULT 0,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "cancelledAt" TIMESTAMP(3),

    CONSTRAINT "ContentRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContentDraft" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "runId" UUID,
    "productId" UUID,
    "kind" "ContentKind" NOT NULL,
    "language" TEXT NOT NULL,
    "sourceDraftId" UUID,
    "status" "ContentDraftStatus" NOT NULL DEFAULT 'queued',
    "content" JSONB,
    "error" TEXT,
    "provider" TEXT,
    "model" TEXT,
    "promptVersion" TEXT,
    "costMicroUsd" BIGINT NOT NULL DEFAULT 0,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "generatedAt" TIMESTAMP(3),
    "reviewedByUserId" UUID,
    "reviewedAt" TIMESTAMP(3),
    "publishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ContentDraft_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContentRevision" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "draftId" UUID NOT NULL,
    "action" TEXT NOT NULL,
    "actorType" TEXT NOT NULL,
    "actorId" TEXT,
    "actorName" TEXT,
    "fromStatus" "ContentDraftStatus",
    "toStatus" "ContentDraftStatus",
    "before" JSONB,
    "after" JSONB,
    "provider" TEXT,
    "model" TEXT,
    "promptVersion" TEXT,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContentRevision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ContentRun_workspaceId_createdAt_idx" ON "ContentRun"("workspaceId", "createdAt");

-- CreateIndex
CREATE INDEX "ContentDraft_workspaceId_status_updatedAt_idx" ON "ContentDraft"("workspaceId", "status", "updatedAt");

-- CreateIndex
CREATE INDEX "ContentDraft_workspaceId_productId_kind_idx" ON "ContentDraft"("workspaceId", "productId", "kind");

-- CreateIndex
CREATE INDEX "ContentDraft_runId_status_idx" ON "ContentDraft"("runId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "ContentDraft_runId_productId_kind_language_key" ON "ContentDraft"("runId", "productId", "kind", "language");

-- CreateIndex
CREATE INDEX "ContentRevision_draftId_createdAt_idx" ON "ContentRevision"("draftId", "createdAt");

-- CreateIndex
CREATE INDEX "ContentRevision_workspaceId_createdAt_idx" ON "ContentRevision"("workspaceId", "createdAt");

-- CreateIndex
CREATE INDEX "Variant_workspaceId_inventoryItemId_idx" ON "Variant"("workspaceId", "inventoryItemId");

-- AddForeignKey
ALTER TABLE "ContentRun" ADD CONSTRAINT "ContentRun_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContentDraft" ADD CONSTRAINT "ContentDraft_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContentDraft" ADD CONSTRAINT "ContentDraft_runId_fkey" FOREIGN KEY ("runId") REFERENCES "ContentRun"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContentDraft" ADD CONSTRAINT "ContentDraft_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContentRevision" ADD CONSTRAINT "ContentRevision_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContentRevision" ADD CONSTRAINT "ContentRevision_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "ContentDraft"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A draft's history is append-only: revisions are never edited or removed one by one
-- (they go only with their draft or workspace, by cascade).
CREATE FUNCTION content_revision_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'ContentRevision is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "ContentRevision_append_only"
  BEFORE UPDATE ON "ContentRevision"
  FOR EACH ROW EXECUTE FUNCTION content_revision_append_only();
