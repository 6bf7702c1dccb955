import type { Policy } from "@/lib/policy/policy-schemas";
import type { NormalizedResult } from "@/lib/vendors/types";

// Which scores of a run to draw, each against the threshold and review band of the policy that
// judged it. Pure and client-safe, so the review queue can draw the same bars.

export interface ScoreScale {
  key: string;
  label: string;
  /** 0..1 */
  value: number;
  threshold: number | null;
  /** [from, to] on the 0..1 scale where a score goes to a person. */
  reviewBand: [number, number] | null;
  /** true: the score passes above the threshold (liveness, similarity); false: below it (deepfake probability). */
  higherIsBetter: boolean;
}

const clamp = (n: number) => Math.min(1, Math.max(0, n));

function band(threshold: number, halfWidth: number): [number, number] | null {
  return halfWidth > 0 ? [clamp(threshold - halfWidth), clamp(threshold + halfWidth)] : null;
}

/** CVS sends pair similarities as numbers or numeric strings, sometimes in percent. */
function unitScore(value: unknown): number | null {
  const n = typeof value === "number" ? value : typeof value === "string" && value.trim() !== "" ? Number(value) : Number.NaN;
  if (!Number.isFinite(n)) return null;
  return clamp(n > 1 ? n / 100 : n);
}

export interface RunScores {
  normalized: NormalizedResult | null;
  /** Denormalized columns, used when the normalized result is missing. */
  livenessScore: number | null;
  matchSimilarity: number | null;
}

export function describeScoreScales(run: RunScores, policy: Policy | null): ScoreScale[] {
  const scales: ScoreScale[] = [];
  const normalized = run.normalized;
  const liveness = normalized?.liveness?.score ?? run.livenessScore;
  const similarity = normalized?.faceMatch?.similarity ?? run.matchSimilarity;

  if (liveness !== null && liveness !== undefined) {
    let threshold: number | null = null;
    let reviewBand: [number, number] | null = null;
    if (policy?.kind === "kairos.liveness_selfie") {
      threshold = policy.threshold;
      reviewBand = band(policy.threshold, policy.reviewBand);
    } else if (policy?.kind === "biometric_kz.liveness_selfie") {
      threshold = policy.liveThreshold;
      reviewBand = band(policy.liveThreshold, policy.reviewBand);
    } else if (policy?.kind === "fpt.liveness_video" || policy?.kind === "fpt.face_match") {
      // FPT's score is 1 − spoof probability, so the spoof threshold mirrors.
      threshold = clamp(1 - policy.spoofThreshold);
      reviewBand = band(threshold, policy.reviewBand);
    } else if (policy?.kind === "local.liveness_selfie" || policy?.kind === "local.liveness_video") {
      // Advisory: below the threshold a person looks (review), never a fail.
      threshold = policy.livenessThreshold;
      reviewBand = policy.livenessThreshold > 0 ? [0, policy.livenessThreshold] : null;
    }
    const advisory = policy?.kind === "local.liveness_selfie" || policy?.kind === "local.liveness_video";
    scales.push({
      key: "liveness",
      label: advisory ? "Liveness score (advisory: open models are weak at this)" : "Liveness score",
      value: clamp(liveness),
      threshold,
      reviewBand,
      higherIsBetter: true,
    });
  }

  const deepfake = normalized?.liveness?.deepfakeProb;
  if (deepfake !== null && deepfake !== undefined) {
    const fpt = policy?.kind === "fpt.liveness_video" || policy?.kind === "fpt.face_match" ? policy : null;
    scales.push({
      key: "deepfake",
      label: "Deepfake probability",
      value: clamp(deepfake),
      threshold: fpt?.deepfakeThreshold ?? null,
      reviewBand: fpt ? band(fpt.deepfakeThreshold, fpt.reviewBand) : null,
      higherIsBetter: false,
    });
  }

  if (similarity !== null && similarity !== undefined) {
    let threshold: number | null = null;
    let reviewBand: [number, number] | null = null;
    if (policy?.kind === "cvs.face_match") {
      threshold = policy.matchAbove;
      reviewBand = policy.borderlineFrom < policy.matchAbove ? [policy.borderlineFrom, policy.matchAbove] : null;
    } else if (policy?.kind === "fpt.liveness_video" || policy?.kind === "fpt.face_match") {
      threshold = policy.faceMatch.matchAbove;
      const from = policy.faceMatch.borderlineFrom;
      reviewBand = threshold !== null && from !== null && from < threshold ? [from, threshold] : null;
    } else if (policy?.kind === "local.face_match" || policy?.kind === "local.liveness_video") {
      threshold = policy.matchAbove;
      reviewBand = policy.borderlineFrom < policy.matchAbove ? [policy.borderlineFrom, policy.matchAbove] : null;
    }
    scales.push({ key: "similarity", label: "Face similarity", value: clamp(similarity), threshold, reviewBand, higherIsBetter: true });
  }

  if (normalized?.checkType === "liveness_3angle") {
    const pairs = threeAnglePairs(normalized.vendor, policy);
    for (const [key, label] of pairs.keys) {
      const value = unitScore(normalized.vendorVerdict[key]);
      if (value === null) continue;
      scales.push({ key, label, value, threshold: pairs.threshold, reviewBand: pairs.reviewBand, higherIsBetter: true });
    }
  }
  return scales;
}

/** The 3-angle check's two pair similarities: which verdict keys hold them, and the policy's bar for both. */
function threeAnglePairs(vendor: string, policy: Policy | null) {
  if (vendor === "local") {
    const local = policy?.kind === "local.liveness_3angle" ? policy : null;
    return {
      keys: [["mid_left", "Mid ↔ left similarity (same person)"], ["mid_right", "Mid ↔ right similarity (same person)"]] as const,
      threshold: local?.samePersonAbove ?? null,
      reviewBand: local && local.samePersonBorderlineFrom < local.samePersonAbove ? ([local.samePersonBorderlineFrom, local.samePersonAbove] as [number, number]) : null,
    };
  }
  const cvs = policy?.kind === "cvs.liveness_3angle" ? policy : null;
  return {
    keys: [["matching_mid_left", "Mid ↔ left similarity"], ["matching_mid_right", "Mid ↔ right similarity"]] as const,
    threshold: cvs?.pairMatchThreshold ?? null,
    reviewBand: cvs ? band(cvs.pairMatchThreshold, cvs.reviewBand) : null,
  };
}
