-- Review queue and case workflow (issue 5): manual-review requests, versioned review rules, saved
-- queue views, four-eyes declines, webhook delivery details, and the default decision reasons.

ALTER TABLE "Verification" ADD COLUMN "manualReview" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Verification" ADD COLUMN "manualReviewNote" TEXT;

ALTER TABLE "ReviewCase" ADD COLUMN "ruleSetVersion" INTEGER;
ALTER TABLE "ReviewCase" ADD COLUMN "evaluatedRunsAt" TIMESTAMPTZ(3);
ALTER TABLE "ReviewCase" ADD COLUMN "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

ALTER TABLE "Decision" ADD COLUMN "declinedById" UUID;
ALTER TABLE "Decision" ADD COLUMN "declinedAt" TIMESTAMPTZ(3);

ALTER TABLE "WebhookDelivery" ADD COLUMN "lastError" TEXT;
ALTER TABLE "WebhookDelivery" ADD COLUMN "deliveredAt" TIMESTAMPTZ(3);

CREATE TABLE "ReviewRuleSet" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "version" INTEGER NOT NULL,
    "settings" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" UUID,
    CONSTRAINT "ReviewRuleSet_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "SavedView" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "userId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SavedView_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "ReviewRuleSet_version_key" ON "ReviewRuleSet"("version");
CREATE UNIQUE INDEX "SavedView_userId_name_key" ON "SavedView"("userId", "name");
CREATE INDEX "ReviewCase_status_openedAt_idx" ON "ReviewCase"("status", "openedAt");

ALTER TABLE "SavedView" ADD CONSTRAINT "SavedView_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Not in the Prisma schema: at most one undecided case per verification, whatever races the
-- flagging code loses (a job retried after a crash, two runs finishing at once).
CREATE UNIQUE INDEX "ReviewCase_one_undecided_per_verification" ON "ReviewCase"("verificationId") WHERE "status" <> 'decided';

-- The default decision reasons; admins manage the list under Admin → Decision reasons.
INSERT INTO "DecisionReason" ("code", "label", "kinds") VALUES
  ('same_person_confirmed', 'Same person on inspection of the faces', '{approve}'),
  ('live_person_confirmed', 'Live person on inspection of the media', '{approve}'),
  ('borderline_acceptable', 'Borderline score, acceptable on inspection', '{approve}'),
  ('vendor_error_not_material', 'Vendor error or quality warning does not affect the result', '{approve}'),
  ('different_person', 'Different person', '{reject}'),
  ('spoof_suspected', 'Presentation attack or spoof suspected', '{reject}'),
  ('tampered_document', 'Document tampered or a photocopy', '{reject}'),
  ('media_unusable', 'Media too poor to decide; ask for a retake', '{reject,escalate}'),
  ('needs_senior_review', 'Needs a senior reviewer', '{escalate}'),
  ('refer_to_fraud_team', 'Refer to the fraud team', '{escalate}'),
  ('other', 'Other (explain in the comment)', '{approve,reject,escalate}')
ON CONFLICT ("code") DO NOTHING;
