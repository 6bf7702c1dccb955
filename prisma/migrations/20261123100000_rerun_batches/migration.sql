-- Bulk reruns (issue 6): a batch of vendor runs over a selection of verifications, worked through in
-- chunks by the `bulk-rerun` job. Its progress lives in this row, so a restart resumes where it stopped.
CREATE TYPE "RerunBatchStatus" AS ENUM ('running', 'completed', 'cancelled', 'failed');

CREATE TABLE "RerunBatch" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "status" "RerunBatchStatus" NOT NULL DEFAULT 'running',
    "vendors" "Vendor"[],
    "selection" JSONB NOT NULL,
    "reason" TEXT NOT NULL,
    "testSetId" UUID,
    "requestedById" UUID,
    "chunkSize" INTEGER NOT NULL DEFAULT 50,
    "cursor" TEXT,
    "selectedCount" INTEGER NOT NULL DEFAULT 0,
    "plannedRuns" INTEGER NOT NULL DEFAULT 0,
    "createdRuns" INTEGER NOT NULL DEFAULT 0,
    "skippedRuns" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "enqueuedAt" TIMESTAMPTZ(3),
    "finishedAt" TIMESTAMPTZ(3),
    "cancelledAt" TIMESTAMPTZ(3),
    "error" TEXT,
    CONSTRAINT "RerunBatch_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "RerunBatch_createdAt_idx" ON "RerunBatch"("createdAt" DESC);
CREATE INDEX "RerunBatch_testSetId_createdAt_idx" ON "RerunBatch"("testSetId", "createdAt" DESC);

ALTER TABLE "RerunBatch" ADD CONSTRAINT "RerunBatch_testSetId_fkey" FOREIGN KEY ("testSetId") REFERENCES "TestSet"("id") ON DELETE SET NULL ON UPDATE CASCADE;
