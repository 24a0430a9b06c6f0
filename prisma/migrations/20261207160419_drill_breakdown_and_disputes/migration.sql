-- AlterTable
ALTER TABLE "DrillAttempt" ADD COLUMN "breakdown" TEXT;
ALTER TABLE "DrillAttempt" ADD COLUMN "rubricVersion" TEXT;

-- CreateTable
CREATE TABLE "DrillDispute" (
    "attemptId" TEXT NOT NULL,
    "pointId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "rubricVersion" TEXT,
    "confirmed" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "confirmedAt" DATETIME,

    PRIMARY KEY ("attemptId", "pointId"),
    CONSTRAINT "DrillDispute_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "DrillAttempt" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "DrillDispute_questionId_pointId_idx" ON "DrillDispute"("questionId", "pointId");

