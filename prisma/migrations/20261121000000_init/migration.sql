-- Verdict: initial schema (hand-written in Prisma's migration format).

CREATE TYPE "Role" AS ENUM ('admin', 'reviewer', 'operator', 'viewer');
CREATE TYPE "CheckType" AS ENUM ('liveness_3angle', 'liveness_video', 'face_match', 'liveness_selfie');
CREATE TYPE "Vendor" AS ENUM ('cvs', 'fpt', 'biometric_kz', 'kairos');
CREATE TYPE "VerificationSource" AS ENUM ('upload', 'api', 'ingest');
CREATE TYPE "VerificationStatus" AS ENUM ('queued', 'running', 'completed', 'failed');
CREATE TYPE "MediaRole" AS ENUM ('portrait_left', 'portrait_mid', 'portrait_right', 'selfie', 'image1', 'image2', 'id_image', 'video');
CREATE TYPE "BlobStorage" AS ENUM ('postgres', 's3');
CREATE TYPE "ThumbnailKind" AS ENUM ('thumb', 'preview', 'poster', 'filmstrip');
CREATE TYPE "VendorRunStatus" AS ENUM ('queued', 'running', 'completed', 'failed', 'cancelled');
CREATE TYPE "Outcome" AS ENUM ('pass', 'fail', 'review', 'error');
CREATE TYPE "CaseStatus" AS ENUM ('open', 'awaiting_confirmation', 'escalated', 'decided');
CREATE TYPE "DecisionKind" AS ENUM ('approve', 'reject', 'escalate');
CREATE TYPE "GroundTruth" AS ENUM ('bona_fide', 'attack', 'same_person', 'different_person');

CREATE TABLE "User" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "email" TEXT NOT NULL,
    "name" TEXT,
    "role" "Role" NOT NULL DEFAULT 'viewer',
    "passwordHash" TEXT,
    "oidcSubject" TEXT,
    "disabledAt" TIMESTAMPTZ(3),
    "sessionVersion" INTEGER NOT NULL DEFAULT 0,
    "lastLoginAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" UUID,
    "apiKeyId" UUID,
    "actorLabel" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "targetType" TEXT NOT NULL,
    "targetId" TEXT,
    "before" JSONB,
    "after" JSONB,
    "ip" TEXT,
    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "ApiKey" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),
    CONSTRAINT "ApiKey_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "VendorConfig" (
    "vendor" "Vendor" NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "baseUrl" TEXT NOT NULL,
    "credentialsEncrypted" TEXT,
    "credentialsMasked" JSONB,
    "timeoutMs" INTEGER NOT NULL DEFAULT 30000,
    "maxRetries" INTEGER NOT NULL DEFAULT 2,
    "concurrency" INTEGER NOT NULL DEFAULT 4,
    "ratePerSecond" DOUBLE PRECISION,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedById" UUID,
    CONSTRAINT "VendorConfig_pkey" PRIMARY KEY ("vendor")
);

CREATE TABLE "VendorPolicy" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "vendor" "Vendor" NOT NULL,
    "checkType" "CheckType" NOT NULL,
    "version" INTEGER NOT NULL,
    "settings" JSONB NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" UUID,
    CONSTRAINT "VendorPolicy_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Verification" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "checkType" "CheckType" NOT NULL,
    "reference" TEXT,
    "note" TEXT,
    "source" "VerificationSource" NOT NULL,
    "status" "VerificationStatus" NOT NULL DEFAULT 'queued',
    "demo" BOOLEAN NOT NULL DEFAULT false,
    "createdById" UUID,
    "apiKeyId" UUID,
    "idempotencyKey" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" TIMESTAMPTZ(3),
    CONSTRAINT "Verification_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Blob" (
    "sha256" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "mime" TEXT NOT NULL,
    "storage" "BlobStorage" NOT NULL DEFAULT 'postgres',
    "data" BYTEA,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Blob_pkey" PRIMARY KEY ("sha256")
);

CREATE TABLE "Media" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "verificationId" UUID NOT NULL,
    "role" "MediaRole" NOT NULL,
    "sha256" TEXT NOT NULL,
    "mime" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "width" INTEGER,
    "height" INTEGER,
    "durationMs" INTEGER,
    "fps" DOUBLE PRECISION,
    "originalFilename" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Media_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Thumbnail" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "sha256" TEXT NOT NULL,
    "kind" "ThumbnailKind" NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "mime" TEXT NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "data" BYTEA NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Thumbnail_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "VendorRun" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "verificationId" UUID NOT NULL,
    "vendor" "Vendor" NOT NULL,
    "checkType" "CheckType" NOT NULL,
    "attempt" INTEGER NOT NULL DEFAULT 1,
    "status" "VendorRunStatus" NOT NULL DEFAULT 'queued',
    "outcome" "Outcome",
    "vendorVerdict" TEXT,
    "livenessScore" DOUBLE PRECISION,
    "matchSimilarity" DOUBLE PRECISION,
    "httpStatus" INTEGER,
    "latencyMs" INTEGER,
    "normalized" JSONB,
    "raw" JSONB,
    "attempts" JSONB,
    "policyId" UUID,
    "requestedById" UUID,
    "rerunReason" TEXT,
    "batchId" UUID,
    "requestedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMPTZ(3),
    "finishedAt" TIMESTAMPTZ(3),
    CONSTRAINT "VendorRun_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "ReviewCase" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "verificationId" UUID NOT NULL,
    "status" "CaseStatus" NOT NULL DEFAULT 'open',
    "rules" TEXT[],
    "ruleDetails" JSONB,
    "priority" INTEGER NOT NULL DEFAULT 0,
    "checkType" "CheckType" NOT NULL,
    "reference" TEXT,
    "assigneeId" UUID,
    "assignedAt" TIMESTAMPTZ(3),
    "slaDueAt" TIMESTAMPTZ(3),
    "decision" "DecisionKind",
    "decidedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 0,
    "openedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ReviewCase_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "DecisionReason" (
    "code" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "kinds" "DecisionKind"[],
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DecisionReason_pkey" PRIMARY KEY ("code")
);

CREATE TABLE "Decision" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "caseId" UUID NOT NULL,
    "kind" "DecisionKind" NOT NULL,
    "reasonCode" TEXT NOT NULL,
    "comment" TEXT,
    "overridesVendor" BOOLEAN NOT NULL DEFAULT false,
    "decidedById" UUID NOT NULL,
    "confirmedById" UUID,
    "confirmedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Decision_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Comment" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "caseId" UUID NOT NULL,
    "authorId" UUID NOT NULL,
    "body" TEXT NOT NULL,
    "mentions" UUID[],
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Comment_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Webhook" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "url" TEXT NOT NULL,
    "events" TEXT[],
    "secretEncrypted" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "allowPrivate" BOOLEAN NOT NULL DEFAULT false,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Webhook_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "WebhookDelivery" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "webhookId" UUID NOT NULL,
    "event" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "responseStatus" INTEGER,
    "responseBody" TEXT,
    "lastAttemptAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "WebhookDelivery_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "TestSet" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "checkType" "CheckType" NOT NULL,
    "description" TEXT,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "TestSet_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "TestSetItem" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "testSetId" UUID NOT NULL,
    "verificationId" UUID NOT NULL,
    "label" "GroundTruth" NOT NULL,
    "attackType" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "TestSetItem_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
CREATE UNIQUE INDEX "User_oidcSubject_key" ON "User"("oidcSubject");
CREATE INDEX "AuditEvent_targetType_targetId_at_idx" ON "AuditEvent"("targetType", "targetId", "at");
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");
CREATE INDEX "AuditEvent_action_at_idx" ON "AuditEvent"("action", "at");
CREATE UNIQUE INDEX "ApiKey_hash_key" ON "ApiKey"("hash");
CREATE UNIQUE INDEX "VendorPolicy_vendor_checkType_version_key" ON "VendorPolicy"("vendor", "checkType", "version");
CREATE UNIQUE INDEX "Verification_apiKeyId_idempotencyKey_key" ON "Verification"("apiKeyId", "idempotencyKey");
CREATE INDEX "Verification_createdAt_id_idx" ON "Verification"("createdAt" DESC, "id" DESC);
CREATE INDEX "Verification_checkType_createdAt_idx" ON "Verification"("checkType", "createdAt" DESC);
CREATE INDEX "Verification_reference_idx" ON "Verification"("reference");
CREATE UNIQUE INDEX "Media_verificationId_role_key" ON "Media"("verificationId", "role");
CREATE INDEX "Media_sha256_idx" ON "Media"("sha256");
CREATE UNIQUE INDEX "Thumbnail_sha256_kind_position_key" ON "Thumbnail"("sha256", "kind", "position");
CREATE UNIQUE INDEX "VendorRun_verificationId_vendor_attempt_key" ON "VendorRun"("verificationId", "vendor", "attempt");
CREATE INDEX "VendorRun_vendor_requestedAt_idx" ON "VendorRun"("vendor", "requestedAt");
CREATE INDEX "VendorRun_outcome_requestedAt_idx" ON "VendorRun"("outcome", "requestedAt");
CREATE INDEX "VendorRun_batchId_idx" ON "VendorRun"("batchId");
CREATE INDEX "ReviewCase_status_priority_openedAt_idx" ON "ReviewCase"("status", "priority" DESC, "openedAt");
CREATE INDEX "ReviewCase_assigneeId_status_idx" ON "ReviewCase"("assigneeId", "status");
CREATE INDEX "ReviewCase_verificationId_idx" ON "ReviewCase"("verificationId");
CREATE INDEX "ReviewCase_reference_idx" ON "ReviewCase"("reference");
CREATE INDEX "Decision_caseId_idx" ON "Decision"("caseId");
CREATE INDEX "Comment_caseId_createdAt_idx" ON "Comment"("caseId", "createdAt");
CREATE INDEX "WebhookDelivery_webhookId_createdAt_idx" ON "WebhookDelivery"("webhookId", "createdAt");
CREATE INDEX "TestSetItem_testSetId_idx" ON "TestSetItem"("testSetId");

ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_apiKeyId_fkey" FOREIGN KEY ("apiKeyId") REFERENCES "ApiKey"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "VendorRun" ADD CONSTRAINT "VendorRun_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "VendorPolicy"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Verification" ADD CONSTRAINT "Verification_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Verification" ADD CONSTRAINT "Verification_apiKeyId_fkey" FOREIGN KEY ("apiKeyId") REFERENCES "ApiKey"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Media" ADD CONSTRAINT "Media_verificationId_fkey" FOREIGN KEY ("verificationId") REFERENCES "Verification"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Media" ADD CONSTRAINT "Media_sha256_fkey" FOREIGN KEY ("sha256") REFERENCES "Blob"("sha256") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Thumbnail" ADD CONSTRAINT "Thumbnail_sha256_fkey" FOREIGN KEY ("sha256") REFERENCES "Blob"("sha256") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "VendorRun" ADD CONSTRAINT "VendorRun_verificationId_fkey" FOREIGN KEY ("verificationId") REFERENCES "Verification"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ReviewCase" ADD CONSTRAINT "ReviewCase_verificationId_fkey" FOREIGN KEY ("verificationId") REFERENCES "Verification"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ReviewCase" ADD CONSTRAINT "ReviewCase_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "ReviewCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_confirmedById_fkey" FOREIGN KEY ("confirmedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "ReviewCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_webhookId_fkey" FOREIGN KEY ("webhookId") REFERENCES "Webhook"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "TestSetItem" ADD CONSTRAINT "TestSetItem_testSetId_fkey" FOREIGN KEY ("testSetId") REFERENCES "TestSet"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "TestSetItem" ADD CONSTRAINT "TestSetItem_verificationId_fkey" FOREIGN KEY ("verificationId") REFERENCES "Verification"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Not in the Prisma schema: the audit log is append-only, enforced by the database itself.
CREATE FUNCTION verdict_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditEvent is append-only (% refused)', TG_OP;
END;
$$;
CREATE TRIGGER "AuditEvent_append_only" BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION verdict_audit_append_only();

-- Not in the Prisma schema: login throttling counters kept by rate-limiter-flexible.
CREATE TABLE "login_throttle" (
    "key" VARCHAR(255) NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,
    CONSTRAINT "login_throttle_pkey" PRIMARY KEY ("key")
);
