-- AlterTable
ALTER TABLE "DrillAttempt" ADD COLUMN     "breakdown" TEXT,
ADD COLUMN     "rubricVersion" TEXT;

-- CreateTable
CREATE TABLE "DrillDispute" (
    "attemptId" TEXT NOT NULL,
    "pointId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "rubricVersion" TEXT,
    "confirmed" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "confirmedAt" TIMESTAMP(3),

    CONSTRAINT "DrillDispute_pkey" PRIMARY KEY ("attemptId","pointId")
);

-- CreateIndex
CREATE INDEX "DrillDispute_questionId_pointId_idx" ON "DrillDispute"("questionId", "pointId");

-- AddForeignKey
ALTER TABLE "DrillDispute" ADD CONSTRAINT "DrillDispute_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "DrillAttempt"("id") ON DELETE CASCADE ON UPDATE CASCADE;

