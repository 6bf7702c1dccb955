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
    }
    scales.push({ key: "liveness", label: "Liveness score", value: clamp(liveness), threshold, reviewBand, higherIsBetter: true });
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
    }
    scales.push({ key: "similarity", label: "Face similarity", value: clamp(similarity), threshold, reviewBand, higherIsBetter: true });
  }

  if (normalized?.checkType === "liveness_3angle") {
    const cvs = policy?.kind === "cvs.liveness_3angle" ? policy : null;
    for (const [key, label] of [
      ["matching_mid_left", "Mid ↔ left similarity"],
      ["matching_mid_right", "Mid ↔ right similarity"],
    ] as const) {
      const value = unitScore(normalized.vendorVerdict[key]);
      if (value === null) continue;
      scales.push({
        key,
        label,
        value,
        threshold: cvs?.pairMatchThreshold ?? null,
        reviewBand: cvs ? band(cvs.pairMatchThreshold, cvs.reviewBand) : null,
        higherIsBetter: true,
      });
    }
  }
  return scales;
}
