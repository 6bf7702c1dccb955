-- Data protection: retention policies that purge media, tombstones of purged media, subject erasure,
-- legal holds.

CREATE TYPE "RetentionSource" AS ENUM ('upload', 'api', 'ingest', 'test_set');
CREATE TYPE "RetentionCaseState" AS ENUM ('no_case', 'case_decided', 'case_open');
CREATE TYPE "LegalHoldScope" AS ENUM ('case', 'reference');

-- One rule per source and case state: how long media are kept (null: kept until erased).
CREATE TABLE "RetentionPolicy" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "name" TEXT NOT NULL,
  "source" "RetentionSource" NOT NULL,
  "caseState" "RetentionCaseState" NOT NULL,
  "mediaDays" INTEGER,
  "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updatedById" UUID,
  CONSTRAINT "RetentionPolicy_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "RetentionPolicy_mediaDays_check" CHECK ("mediaDays" IS NULL OR "mediaDays" BETWEEN 1 AND 36500)
);
CREATE UNIQUE INDEX "RetentionPolicy_source_caseState_key" ON "RetentionPolicy"("source", "caseState");

-- Media tombstones: the row stays (role, type, size, dimensions) without its bytes or hash.
ALTER TABLE "Media" ALTER COLUMN "sha256" DROP NOT NULL;
ALTER TABLE "Media" ADD COLUMN "purgedAt" TIMESTAMPTZ(3);
ALTER TABLE "Media" ADD COLUMN "purgeKind" TEXT;
ALTER TABLE "Media" ADD COLUMN "purgePolicyId" UUID;
ALTER TABLE "Media" ADD COLUMN "purgedBy" TEXT;
ALTER TABLE "Media" ADD COLUMN "purgedBytes" INTEGER;
ALTER TABLE "Media" ADD CONSTRAINT "Media_purgePolicyId_fkey" FOREIGN KEY ("purgePolicyId") REFERENCES "RetentionPolicy"("id") ON DELETE SET NULL ON UPDATE CASCADE;
CREATE INDEX "Media_purgedAt_idx" ON "Media"("purgedAt");

-- An S3 blob whose object is still to be deleted (the purge crashed between commit and delete).
ALTER TABLE "Blob" ADD COLUMN "deletePendingAt" TIMESTAMPTZ(3);
CREATE INDEX "Blob_deletePendingAt_idx" ON "Blob"("deletePendingAt");

-- A verification whose subject was erased.
ALTER TABLE "Verification" ADD COLUMN "erasedAt" TIMESTAMPTZ(3);
ALTER TABLE "Verification" ADD COLUMN "erasedBy" TEXT;
ALTER TABLE "Verification" ADD COLUMN "eraseReason" TEXT;

CREATE TABLE "LegalHold" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "scope" "LegalHoldScope" NOT NULL,
  "caseId" UUID,
  "reference" TEXT,
  "reason" TEXT NOT NULL,
  "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "createdBy" TEXT NOT NULL,
  "releasedAt" TIMESTAMPTZ(3),
  "releasedBy" TEXT,
  "releaseReason" TEXT,
  CONSTRAINT "LegalHold_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "LegalHold_target_check" CHECK (("scope" = 'case') = ("caseId" IS NOT NULL) AND ("scope" = 'reference') = ("reference" IS NOT NULL))
);
ALTER TABLE "LegalHold" ADD CONSTRAINT "LegalHold_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "ReviewCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;
CREATE INDEX "LegalHold_reference_idx" ON "LegalHold"("reference");
CREATE INDEX "LegalHold_caseId_idx" ON "LegalHold"("caseId");
