import { sqlPool } from "@/lib/db";
import { readFaceSignals, type FaceSignals } from "@/lib/face-search/face-signals";
import { activeRuleSetOf, type ActiveRuleSet } from "@/lib/review/review-rule-sets";
import type { RuleRun } from "@/lib/review/evaluate-review-rules";
import { normalizedResultSchema, type CheckType, type Outcome, type VendorId } from "@/lib/vendors/types";
import { resolveRunPolicies, type StoredPolicy } from "@/lib/verifications/get-verification";
import { named } from "@/lib/db/named-statement";
import { isUuid } from "@/lib/validation/uuid";

// What flagging a finished verification reads, in one query: it runs once for every verification
// that finishes, so it asks for the rule inputs only (not the whole detail page's data).

export interface FlaggingInput {
  verificationId: string;
  checkType: CheckType;
  reference: string | null;
  manualReview: boolean;
  manualReviewNote: string | null;
  runs: (RuleRun & { finishedAt: Date | null })[];
  ruleSet: ActiveRuleSet;
  faces: FaceSignals | null;
}

interface StoredRun {
  vendor: VendorId;
  checkType: CheckType;
  attempt: number;
  status: string;
  outcome: Outcome | null;
  normalized: unknown;
  livenessScore: number | null;
  matchSimilarity: number | null;
  finishedAt: string | null;
  policy: StoredPolicy;
}

export async function readFlaggingInput(verificationId: string): Promise<FlaggingInput | null> {
  if (!isUuid(verificationId)) return null;
  const { rows } = await sqlPool().query<{
    checkType: CheckType;
    reference: string | null;
    manualReview: boolean;
    manualReviewNote: string | null;
    runs: StoredRun[] | null;
    ruleSet: { version: number; settings: unknown } | null;
  }>({
    ...named(`SELECT v."checkType"::text AS "checkType", v."reference", v."manualReview", v."manualReviewNote",
       (SELECT json_agg(json_build_object('vendor', r."vendor", 'checkType', r."checkType", 'attempt', r."attempt", 'status', r."status", 'outcome', r."outcome",
          'normalized', r."normalized", 'livenessScore', r."livenessScore", 'matchSimilarity', r."matchSimilarity", 'finishedAt', r."finishedAt",
          'policy', CASE WHEN p."id" IS NULL THEN NULL ELSE json_build_object('version', p."version", 'settings', p."settings") END))
        FROM "VendorRun" r LEFT JOIN "VendorPolicy" p ON p."id" = r."policyId" WHERE r."verificationId" = v."id") AS "runs",
       (SELECT json_build_object('version', s."version", 'settings', s."settings") FROM "ReviewRuleSet" s ORDER BY s."version" DESC LIMIT 1) AS "ruleSet"
     FROM "Verification" v WHERE v."id" = $1::uuid`),
    values: [verificationId],
  });
  const row = rows[0];
  if (!row) return null;
  const stored = (row.runs ?? []).map((run) => {
    const parsed = run.normalized === null ? null : normalizedResultSchema.safeParse(run.normalized);
    return { ...run, normalized: parsed?.success ? parsed.data : null };
  });
  const [policies, faces] = await Promise.all([resolveRunPolicies(stored), readFaceSignals(sqlPool(), verificationId, row.reference)]);
  return {
    verificationId,
    checkType: row.checkType,
    reference: row.reference,
    manualReview: row.manualReview,
    manualReviewNote: row.manualReviewNote,
    runs: stored.map((run, i) => ({
      vendor: run.vendor,
      attempt: run.attempt,
      status: run.status,
      outcome: run.outcome,
      normalized: run.normalized,
      policy: policies[i]?.policy ?? null,
      livenessScore: run.livenessScore,
      matchSimilarity: run.matchSimilarity,
      finishedAt: run.finishedAt === null ? null : new Date(run.finishedAt),
    })),
    ruleSet: activeRuleSetOf(row.ruleSet),
    faces,
  };
}
