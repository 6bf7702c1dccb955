import { latestRunPerVendor } from "@/lib/review/evaluate-review-rules";
import type { DecisionKind } from "@/lib/generated/prisma/enums";
import type { Outcome, VendorId } from "@/lib/vendors/types";

// The vendors' combined verdict on a verification, and whether a reviewer's decision overrides it.
// Client-safe.

export type VendorVerdict = "pass" | "fail" | "review";

/** fail when any vendor's latest run says fail; pass when all say pass; review otherwise. */
export function combineVendorVerdict(runs: { vendor: VendorId; attempt: number; outcome: Outcome | null }[]): VendorVerdict {
  const latest = latestRunPerVendor(runs);
  if (latest.some((r) => r.outcome === "fail")) return "fail";
  if (latest.length > 0 && latest.every((r) => r.outcome === "pass")) return "pass";
  return "review";
}

/** Approving over a fail, or rejecting over a pass, overrides the vendors (comment required). */
export function overridesVendor(kind: DecisionKind, verdict: VendorVerdict): boolean {
  return (kind === "approve" && verdict === "fail") || (kind === "reject" && verdict === "pass");
}

/** Four eyes: approving over a vendor fail needs a second reviewer's confirmation. */
export function needsSecondReviewer(kind: DecisionKind, verdict: VendorVerdict): boolean {
  return kind === "approve" && verdict === "fail";
}
