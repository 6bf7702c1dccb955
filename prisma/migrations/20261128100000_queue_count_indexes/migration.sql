-- The review queue at millions of verifications (lib/review/find-cases.ts).
--
-- Undecided cases, in the queue's default order, with the columns its filters and counts read: the
-- first and the deep pages walk this small index in order instead of sorting every undecided case,
-- and the counts per undecided status read it alone (index-only). ~1.4 MB at 12 k undecided cases.
CREATE INDEX "ReviewCase_undecided_priority_idx" ON "ReviewCase" ("priority" DESC, "openedAt", "id")
  INCLUDE ("status", "checkType", "rules") WHERE "status" <> 'decided';

-- Decided cases by check type, with their rules: the capped count of decided cases (up to 10,000)
-- under a check type and a rule stops at the cap reading this index alone, and never reads more
-- than that check type's decided cases when few match. ~29 MB at 390 k decided cases.
CREATE INDEX "ReviewCase_decided_checkType_idx" ON "ReviewCase" ("checkType") INCLUDE ("rules") WHERE "status" = 'decided';
