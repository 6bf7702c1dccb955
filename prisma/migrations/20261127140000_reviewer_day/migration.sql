-- The reviewer's day: senior reviewers decide escalated cases, a per-user "jump to the next case"
-- setting, decision reasons per check type, and who escalated a case (they may not decide it).

ALTER TABLE "User" ADD COLUMN "seniorReviewer" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "User" ADD COLUMN "jumpToNextCase" BOOLEAN NOT NULL DEFAULT false;

ALTER TABLE "ReviewCase" ADD COLUMN "escalatedById" UUID;
ALTER TABLE "ReviewCase" ADD CONSTRAINT "ReviewCase_escalatedById_fkey" FOREIGN KEY ("escalatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "DecisionReason" ADD COLUMN "checkTypes" "CheckType"[] NOT NULL DEFAULT '{liveness_3angle,liveness_video,face_match,liveness_selfie}';

-- The default reasons apply where they make sense: same / different person only to a face match
-- (FPT's video-against-ID comparison is a face_match check too), a document only where an ID image
-- can be sent, liveness reasons never to a face match.
UPDATE "DecisionReason" SET "checkTypes" = '{face_match}' WHERE "code" IN ('same_person_confirmed', 'different_person');
UPDATE "DecisionReason" SET "checkTypes" = '{face_match,liveness_video}' WHERE "code" = 'tampered_document';
UPDATE "DecisionReason" SET "checkTypes" = '{liveness_3angle,liveness_video,liveness_selfie}' WHERE "code" IN ('live_person_confirmed', 'spoof_suspected');

-- Quality samples and their overturn rate (dashboards): decided cases by rule, newest first.
CREATE INDEX "ReviewCase_rules_idx" ON "ReviewCase" USING GIN ("rules");
