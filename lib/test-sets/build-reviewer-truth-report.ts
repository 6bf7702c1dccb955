import { db } from "@/lib/db";
import { evaluateVendor, parseNormalized, type LabelledRun, type VendorEvaluation } from "@/lib/test-sets/evaluate-vendor";
import { cohensKappa, type Agreement } from "@/lib/test-sets/metrics";
import { isMatchingCheck } from "@/lib/test-sets/test-set-schemas";
import { livenessDecisionOf, matchDecisionOf } from "@/lib/test-sets/vendor-decision";
import type { CheckType, VendorId } from "@/lib/vendors/types";

// Reviewer decisions as ground truth: on cases decided approve / reject in a date range, each
// vendor's latest answer is measured against the person's decision (approve = genuine: bona fide or
// same person; reject = attack or different person). Reads ReviewCase rows directly. Built-in
// sandbox answers are test answers: left out unless `includeSandbox`.

export const MAX_DECIDED_CASES = 20_000;

export interface ReviewerTruthGroup {
  checkType: CheckType;
  kind: "liveness" | "matching";
  cases: number;
  vendors: (VendorEvaluation & { humanAgreement: Agreement })[];
}

export interface ReviewerTruthReport {
  from: string;
  to: string;
  cases: number;
  truncated: boolean;
  groups: ReviewerTruthGroup[];
}

export async function buildReviewerTruthReport(range: { from: string; to: string }, options: { includeSandbox?: boolean } = {}): Promise<ReviewerTruthReport> {
  const counted = options.includeSandbox ? {} : { sandbox: false };
  const start = new Date(`${range.from}T00:00:00.000Z`);
  const end = new Date(`${range.to}T00:00:00.000Z`);
  end.setUTCDate(end.getUTCDate() + 1);
  const cases = await db.reviewCase.findMany({
    where: { status: "decided", decision: { in: ["approve", "reject"] }, decidedAt: { gte: start, lt: end } },
    orderBy: { decidedAt: "desc" },
    take: MAX_DECIDED_CASES + 1,
    select: {
      id: true,
      checkType: true,
      decision: true,
      verification: { select: { runs: { where: { status: { in: ["completed", "failed"] }, ...counted }, select: { vendor: true, attempt: true, outcome: true, latencyMs: true, normalized: true, livenessScore: true, matchSimilarity: true } } } },
    },
  });
  const truncated = cases.length > MAX_DECIDED_CASES;
  const groups = new Map<CheckType, { runs: Map<VendorId, LabelledRun[]>; human: Map<VendorId, [string, string][]>; cases: number }>();
  for (const c of cases.slice(0, MAX_DECIDED_CASES)) {
    const matching = isMatchingCheck(c.checkType);
    const label = c.decision === "approve" ? (matching ? "same_person" : "bona_fide") : matching ? "different_person" : "attack";
    const group = groups.get(c.checkType) ?? { runs: new Map<VendorId, LabelledRun[]>(), human: new Map<VendorId, [string, string][]>(), cases: 0 };
    group.cases++;
    groups.set(c.checkType, group);
    const latest = new Map<VendorId, (typeof c.verification.runs)[number]>();
    for (const run of c.verification.runs) if (!latest.has(run.vendor) || run.attempt > latest.get(run.vendor)!.attempt) latest.set(run.vendor, run);
    for (const [vendor, run] of latest) {
      const normalized = parseNormalized(run.normalized);
      group.runs.set(vendor, [
        ...(group.runs.get(vendor) ?? []),
        { itemKey: c.id, label, attackType: c.decision === "reject" && !matching ? "reviewer_rejected" : null, vendor, outcome: run.outcome, latencyMs: run.latencyMs, normalized, livenessScore: run.livenessScore, matchSimilarity: run.matchSimilarity },
      ]);
      const decision = matching ? matchDecisionOf(run.outcome, normalized) : livenessDecisionOf(run.outcome, normalized);
      if (decision) {
        const vendorSays = decision === "accept" || decision === "match" ? "approve" : "reject";
        group.human.set(vendor, [...(group.human.get(vendor) ?? []), [vendorSays, c.decision ?? "reject"]]);
      }
    }
  }
  return {
    from: range.from,
    to: range.to,
    cases: Math.min(cases.length, MAX_DECIDED_CASES),
    truncated,
    groups: [...groups.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([checkType, g]) => {
        const kind = isMatchingCheck(checkType) ? ("matching" as const) : ("liveness" as const);
        return {
          checkType,
          kind,
          cases: g.cases,
          vendors: [...g.runs.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([vendor, runs]) => ({ ...evaluateVendor(vendor, kind, runs), humanAgreement: cohensKappa(g.human.get(vendor) ?? []) })),
        };
      }),
  };
}
