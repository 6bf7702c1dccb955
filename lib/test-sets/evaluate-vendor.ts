import { normalizedResultSchema, type NormalizedResult, type VendorId } from "@/lib/vendors/types";
import {
  computeMatchMetrics,
  computePadMetrics,
  computeTradeoffCurve,
  percentile,
  proportion,
  type MatchMetrics,
  type PadMetrics,
  type Proportion,
  type TradeoffCurve,
} from "@/lib/test-sets/metrics";
import { livenessDecisionOf, matchDecisionOf } from "@/lib/test-sets/vendor-decision";

// One vendor measured on labelled items (a test set, or cases decided by reviewers): the error
// rates at its threshold, the trade-off curve over its scores, latency and error rate.

export type TruthLabel = "bona_fide" | "attack" | "same_person" | "different_person";

export interface LabelledRun {
  itemKey: string;
  label: TruthLabel;
  attackType: string | null;
  vendor: VendorId;
  outcome: string | null;
  latencyMs: number | null;
  normalized: NormalizedResult | null;
  livenessScore: number | null;
  matchSimilarity: number | null;
}

export interface VendorEvaluation {
  vendor: VendorId;
  /** Items with a finished run of this vendor. */
  runs: number;
  outcomes: Record<"pass" | "fail" | "review" | "error", number>;
  pad: PadMetrics | null;
  match: MatchMetrics | null;
  /** DET over the vendor's scores (liveness score, or similarity): false accept vs false reject. */
  curve: TradeoffCurve;
  latency: { p50: number | null; p95: number | null };
  errorRate: Proportion;
}

export function parseNormalized(value: unknown): NormalizedResult | null {
  if (value === null || value === undefined) return null;
  const parsed = normalizedResultSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export function evaluateVendor(vendor: VendorId, kind: "liveness" | "matching", runs: LabelledRun[]): VendorEvaluation {
  const outcomes = { pass: 0, fail: 0, review: 0, error: 0 };
  for (const run of runs) if (run.outcome && run.outcome in outcomes) outcomes[run.outcome as keyof typeof outcomes]++;
  const latencies = runs.map((r) => r.latencyMs).filter((v): v is number => v !== null);
  let pad: PadMetrics | null = null;
  let match: MatchMetrics | null = null;
  let curve: TradeoffCurve;
  if (kind === "liveness") {
    pad = computePadMetrics(
      runs.map((r) => ({ label: r.label === "attack" ? "attack" : "bona_fide", attackType: r.attackType, decision: livenessDecisionOf(r.outcome, r.normalized) })),
    );
    const score = (r: LabelledRun) => (r.outcome === "error" ? null : (r.normalized?.liveness?.score ?? r.livenessScore));
    curve = computeTradeoffCurve(
      runs.filter((r) => r.label === "bona_fide").map(score).filter((s): s is number => s !== null),
      runs.filter((r) => r.label === "attack").map(score).filter((s): s is number => s !== null),
    );
  } else {
    match = computeMatchMetrics(runs.map((r) => ({ label: r.label === "same_person" ? "same_person" : "different_person", decision: matchDecisionOf(r.outcome, r.normalized) })));
    const score = (r: LabelledRun) => (r.outcome === "error" ? null : (r.normalized?.faceMatch?.similarity ?? r.matchSimilarity));
    curve = computeTradeoffCurve(
      runs.filter((r) => r.label === "same_person").map(score).filter((s): s is number => s !== null),
      runs.filter((r) => r.label === "different_person").map(score).filter((s): s is number => s !== null),
    );
  }
  return {
    vendor,
    runs: runs.length,
    outcomes,
    pad,
    match,
    curve,
    latency: { p50: percentile(latencies, 50), p95: percentile(latencies, 95) },
    errorRate: proportion(outcomes.error, runs.length),
  };
}
