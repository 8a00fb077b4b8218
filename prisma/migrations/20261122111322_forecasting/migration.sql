-- CreateEnum
CREATE TYPE "ForecastRunStatus" AS ENUM ('queued', 'running', 'succeeded', 'failed');

-- CreateEnum
CREATE TYPE "ForecastLevel" AS ENUM ('product', 'category', 'store');

-- CreateEnum
CREATE TYPE "ForecastPlaceScope" AS ENUM ('city', 'region');

-- CreateEnum
CREATE TYPE "ForecastDemandSource" AS ENUM ('product', 'category');

-- CreateTable
CREATE TABLE "ForecastRun" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "status" "ForecastRunStatus" NOT NULL DEFAULT 'queued',
    "trigger" TEXT NOT NULL,
    "horizonWeeks" INTEGER NOT NULL DEFAULT 26,
    "progress" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "stage" TEXT,
    "asOf" TIMESTAMP(3),
    "historyStart" DATE,
    "historyWeeks" INTEGER,
    "forecastStart" DATE,
    "summary" JSONB,
    "error" TEXT,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ForecastRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProductForecast" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "runId" UUID NOT NULL,
    "level" "ForecastLevel" NOT NULL,
    "key" TEXT NOT NULL,
    "productId" UUID,
    "label" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "models" TEXT[],
    "seasonal" BOOLEAN NOT NULL DEFAULT false,
    "history" JSONB NOT NULL,
    "mean" JSONB NOT NULL,
    "intervals" JSONB NOT NULL,
    "units4" DOUBLE PRECISION NOT NULL,
    "units13" DOUBLE PRECISION NOT NULL,
    "units26" DOUBLE PRECISION NOT NULL,
    "unitPriceCents" INTEGER,
    "backtestOrigins" INTEGER NOT NULL DEFAULT 0,
    "mase" DOUBLE PRECISION,
    "smape" DOUBLE PRECISION,
    "bias" DOUBLE PRECISION,
    "coverage80" DOUBLE PRECISION,
    "coverage95" DOUBLE PRECISION,
    "baselineMase" DOUBLE PRECISION,

    CONSTRAINT "ProductForecast_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CityDemand" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "runId" UUID NOT NULL,
    "productId" UUID NOT NULL,
    "scope" "ForecastPlaceScope" NOT NULL,
    "country" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "city" TEXT NOT NULL,
    "source" "ForecastDemandSource" NOT NULL,
    "rank" INTEGER NOT NULL,
    "unitsRecent" INTEGER NOT NULL,
    "unitsPrior" INTEGER NOT NULL,
    "unitsYear" INTEGER NOT NULL,
    "shareRecent" DOUBLE PRECISION NOT NULL,
    "shareYear" DOUBLE PRECISION NOT NULL,
    "categoryShare" DOUBLE PRECISION NOT NULL,
    "growth" DOUBLE PRECISION,
    "expectedShare" DOUBLE PRECISION NOT NULL,
    "units4" DOUBLE PRECISION NOT NULL,
    "units13" DOUBLE PRECISION NOT NULL,
    "units26" DOUBLE PRECISION NOT NULL,
    "revenue4Cents" INTEGER NOT NULL,
    "revenue13Cents" INTEGER NOT NULL,
    "revenue26Cents" INTEGER NOT NULL,

    CONSTRAINT "CityDemand_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StockoutRisk" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "runId" UUID NOT NULL,
    "productId" UUID NOT NULL,
    "inventory" INTEGER NOT NULL,
    "weeklyDemand" DOUBLE PRECISION NOT NULL,
    "daysOfCover" DOUBLE PRECISION,
    "stockoutDate" DATE,
    "earliestStockoutDate" DATE,
    "leadTimeDays" INTEGER NOT NULL,
    "serviceLevel" DOUBLE PRECISION NOT NULL,
    "leadTimeDemand" DOUBLE PRECISION NOT NULL,
    "leadTimeDemandQuantile" DOUBLE PRECISION NOT NULL,
    "probabilityBeforeRestock" DOUBLE PRECISION NOT NULL,
    "reorderQuantity" INTEGER NOT NULL,

    CONSTRAINT "StockoutRisk_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ForecastPlan" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "runId" UUID NOT NULL,
    "status" "ForecastRunStatus" NOT NULL DEFAULT 'queued',
    "productIds" TEXT[],
    "facts" JSONB,
    "offline" BOOLEAN NOT NULL DEFAULT false,
    "error" TEXT,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ForecastPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ForecastPlanStep" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "step" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "output" JSONB,
    "unverifiedNumbers" TEXT[],
    "attempts" INTEGER NOT NULL DEFAULT 1,
    "durationMs" INTEGER NOT NULL,
    "inputTokens" INTEGER NOT NULL DEFAULT 0,
    "outputTokens" INTEGER NOT NULL DEFAULT 0,
    "provider" TEXT,
    "model" TEXT,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ForecastPlanStep_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ForecastRun_workspaceId_createdAt_idx" ON "ForecastRun"("workspaceId", "createdAt");

-- CreateIndex
CREATE INDEX "ForecastRun_workspaceId_status_idx" ON "ForecastRun"("workspaceId", "status");

-- CreateIndex
CREATE INDEX "ProductForecast_workspaceId_runId_level_units13_idx" ON "ProductForecast"("workspaceId", "runId", "level", "units13");

-- CreateIndex
CREATE INDEX "ProductForecast_runId_idx" ON "ProductForecast"("runId");

-- CreateIndex
CREATE INDEX "ProductForecast_productId_idx" ON "ProductForecast"("productId");

-- CreateIndex
CREATE UNIQUE INDEX "ProductForecast_workspaceId_runId_level_key_key" ON "ProductForecast"("workspaceId", "runId", "level", "key");

-- CreateIndex
CREATE INDEX "CityDemand_workspaceId_runId_productId_scope_rank_idx" ON "CityDemand"("workspaceId", "runId", "productId", "scope", "rank");

-- CreateIndex
CREATE INDEX "CityDemand_runId_idx" ON "CityDemand"("runId");

-- CreateIndex
CREATE INDEX "CityDemand_productId_idx" ON "CityDemand"("productId");

-- CreateIndex
CREATE INDEX "StockoutRisk_workspaceId_runId_probabilityBeforeRestock_idx" ON "StockoutRisk"("workspaceId", "runId", "probabilityBeforeRestock");

-- CreateIndex
CREATE INDEX "StockoutRisk_runId_idx" ON "StockoutRisk"("runId");

-- CreateIndex
CREATE INDEX "StockoutRisk_productId_idx" ON "StockoutRisk"("productId");

-- CreateIndex
CREATE UNIQUE INDEX "StockoutRisk_workspaceId_runId_productId_key" ON "StockoutRisk"("workspaceId", "runId", "productId");

-- CreateIndex
CREATE INDEX "ForecastPlan_workspaceId_createdAt_idx" ON "ForecastPlan"("workspaceId", "createdAt");

-- CreateIndex
CREATE INDEX "ForecastPlan_workspaceId_runId_idx" ON "ForecastPlan"("workspaceId", "runId");

-- CreateIndex
CREATE INDEX "ForecastPlan_runId_idx" ON "ForecastPlan"("runId");

-- CreateIndex
CREATE INDEX "ForecastPlanStep_planId_idx" ON "ForecastPlanStep"("planId");

-- CreateIndex
CREATE UNIQUE INDEX "ForecastPlanStep_workspaceId_planId_step_key" ON "ForecastPlanStep"("workspaceId", "planId", "step");

-- AddForeignKey
ALTER TABLE "ForecastRun" ADD CONSTRAINT "ForecastRun_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProductForecast" ADD CONSTRAINT "ProductForecast_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProductForecast" ADD CONSTRAINT "ProductForecast_runId_fkey" FOREIGN KEY ("runId") REFERENCES "ForecastRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProductForecast" ADD CONSTRAINT "ProductForecast_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CityDemand" ADD CONSTRAINT "CityDemand_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CityDemand" ADD CONSTRAINT "CityDemand_runId_fkey" FOREIGN KEY ("runId") REFERENCES "ForecastRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CityDemand" ADD CONSTRAINT "CityDemand_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StockoutRisk" ADD CONSTRAINT "StockoutRisk_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StockoutRisk" ADD CONSTRAINT "StockoutRisk_runId_fkey" FOREIGN KEY ("runId") REFERENCES "ForecastRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StockoutRisk" ADD CONSTRAINT "StockoutRisk_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ForecastPlan" ADD CONSTRAINT "ForecastPlan_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ForecastPlan" ADD CONSTRAINT "ForecastPlan_runId_fkey" FOREIGN KEY ("runId") REFERENCES "ForecastRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ForecastPlanStep" ADD CONSTRAINT "ForecastPlanStep_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ForecastPlanStep" ADD CONSTRAINT "ForecastPlanStep_planId_fkey" FOREIGN KEY ("planId") REFERENCES "ForecastPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;
