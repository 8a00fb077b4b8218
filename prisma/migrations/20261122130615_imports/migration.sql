-- CreateEnum
CREATE TYPE "ImportKind" AS ENUM ('products', 'orders', 'contacts');

-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('queued', 'running', 'succeeded', 'failed', 'cancelled');

-- CreateTable
CREATE TABLE "ImportRun" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "kind" "ImportKind" NOT NULL,
    "format" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "source" BYTEA,
    "status" "ImportStatus" NOT NULL DEFAULT 'queued',
    "totalRows" INTEGER,
    "processedRows" INTEGER NOT NULL DEFAULT 0,
    "importedRows" INTEGER NOT NULL DEFAULT 0,
    "failedRows" INTEGER NOT NULL DEFAULT 0,
    "rowErrors" JSONB NOT NULL DEFAULT '[]',
    "error" TEXT,
    "createdByUserId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "ImportRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ImportRun_workspaceId_createdAt_idx" ON "ImportRun"("workspaceId", "createdAt");

-- AddForeignKey
ALTER TABLE "ImportRun" ADD CONSTRAINT "ImportRun_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
