-- CreateTable
CREATE TABLE "ProviderPaceSlot" (
    "key" TEXT NOT NULL,
    "nextAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProviderPaceSlot_pkey" PRIMARY KEY ("key")
);
