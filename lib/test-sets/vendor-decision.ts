import type { NormalizedResult } from "@/lib/vendors/types";
import type { PadDecision } from "@/lib/test-sets/metrics";

// A vendor's binary call on one item "at the vendor's threshold", for error rates:
// liveness — the vendor's live / not-live call (NormalizedResult.liveness.isLive, decided by the
// active policy's threshold); a review band around the threshold does not change the call.
// matching — isMatch (the "match" band; "borderline" counts as no match).
// An error (no answer) is no decision: it counts in the error rate, not in APCER/BPCER/FMR/FNMR.

export function livenessDecisionOf(outcome: string | null, normalized: Pick<NormalizedResult, "liveness"> | null): PadDecision | null {
  if (!outcome || outcome === "error") return null;
  const isLive = normalized?.liveness?.isLive;
  if (typeof isLive === "boolean") return isLive ? "accept" : "reject";
  if (outcome === "pass") return "accept";
  if (outcome === "fail") return "reject";
  return null;
}

export function matchDecisionOf(outcome: string | null, normalized: Pick<NormalizedResult, "faceMatch"> | null): "match" | "no_match" | null {
  if (!outcome || outcome === "error") return null;
  const faceMatch = normalized?.faceMatch;
  if (faceMatch) return faceMatch.isMatch ? "match" : "no_match";
  if (outcome === "pass") return "match";
  if (outcome === "fail") return "no_match";
  return null;
}
