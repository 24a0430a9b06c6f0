-- CreateTable
CREATE TABLE "JudgeBucket" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "tokens" REAL NOT NULL,
    "refilledAt" REAL NOT NULL,
    "granted" INTEGER NOT NULL
);

-- CreateIndex
CREATE INDEX "JudgeBucket_refilledAt_idx" ON "JudgeBucket"("refilledAt");

