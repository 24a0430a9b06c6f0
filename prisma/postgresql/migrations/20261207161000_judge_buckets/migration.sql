-- CreateTable
CREATE TABLE "JudgeBucket" (
    "key" TEXT NOT NULL,
    "tokens" DOUBLE PRECISION NOT NULL,
    "refilledAt" DOUBLE PRECISION NOT NULL,
    "granted" INTEGER NOT NULL,

    CONSTRAINT "JudgeBucket_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "JudgeBucket_refilledAt_idx" ON "JudgeBucket"("refilledAt");

