-- AlterTable
ALTER TABLE "Conversation" ADD COLUMN     "analyzedAt" TIMESTAMP(3),
ADD COLUMN     "intent" TEXT,
ADD COLUMN     "ratingComment" TEXT,
ADD COLUMN     "sentiment" DOUBLE PRECISION;

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "trackingCompany" TEXT,
ADD COLUMN     "trackingNumber" TEXT,
ADD COLUMN     "trackingUrl" TEXT;

-- CreateTable
CREATE TABLE "RateLimitBucket" (
    "key" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RateLimitBucket_pkey" PRIMARY KEY ("key","windowStart")
);

-- CreateIndex
CREATE INDEX "RateLimitBucket_windowStart_idx" ON "RateLimitBucket"("windowStart");
