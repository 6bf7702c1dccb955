-- Every HTTP attempt of a vendor call, recorded BEFORE it is sent: a worker that dies mid-call
-- leaves a row in 'sending' whose heartbeat stops; the reaper then marks it 'unknown' (the vendor
-- may have answered, and billed) instead of the call vanishing and being sent again unseen.
CREATE TYPE "VendorCallOutcome" AS ENUM ('sending', 'answered', 'failed', 'unknown');

CREATE TABLE "VendorCallAttempt" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "vendorRunId" UUID NOT NULL,
  -- 1, 2, 3… across every job attempt of the run: the run's one budget of attempts.
  "attempt" INTEGER NOT NULL,
  "jobId" TEXT,
  "jobAttempt" INTEGER NOT NULL DEFAULT 1,
  "worker" TEXT NOT NULL,
  "sentAt" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  "heartbeatAt" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  "finishedAt" TIMESTAMPTZ(3),
  "outcome" "VendorCallOutcome" NOT NULL DEFAULT 'sending',
  "httpStatus" INTEGER,
  "error" TEXT,
  CONSTRAINT "VendorCallAttempt_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "VendorCallAttempt_vendorRunId_fkey" FOREIGN KEY ("vendorRunId") REFERENCES "VendorRun"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- One row per attempt number: two workers racing for the same run cannot both send attempt n.
CREATE UNIQUE INDEX "VendorCallAttempt_vendorRunId_attempt_key" ON "VendorCallAttempt"("vendorRunId", "attempt");
-- The reaper's scan: only calls in flight (a handful), by heartbeat.
CREATE INDEX "VendorCallAttempt_sending_heartbeat_idx" ON "VendorCallAttempt"("heartbeatAt") WHERE "outcome" = 'sending';
-- Vendor health's count of unknown fates, by time.
CREATE INDEX "VendorCallAttempt_unknown_sentAt_idx" ON "VendorCallAttempt"("sentAt") WHERE "outcome" = 'unknown';
