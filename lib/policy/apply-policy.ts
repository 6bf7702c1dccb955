import type { Policy, PolicyOfKind } from "@/lib/policy/policy-schemas";
import { evaluateLocal } from "@/lib/policy/evaluate-local";
import { policyReasons } from "@/lib/policy/policy-reasons";
import type {
  BiometricKzFacts,
  CvsFaceMatchFacts,
  CvsLiveness3AngleFacts,
  FptFaceMatchFacts,
  FptFacts,
  FptLivenessFacts,
  KairosFacts,
  VendorFacts,
} from "@/lib/policy/vendor-facts";
import { buildReason, commonReasons, type ReasonTemplate } from "@/lib/vendors/reasons";
import { toUnitScore } from "@/lib/vendors/wire-values";
import type { FaceMatchBand, FaceMatchResult, LivenessResult, Outcome, Reason } from "@/lib/vendors/types";

export type PolicyDecision = {
  outcome: Outcome;
  liveness?: LivenessResult;
  faceMatch?: FaceMatchResult;
  /** Reasons the policy added; the vendor's own mapped reasons stay in the facts. */
  reasons: Reason[];
  policyVersion: string;
};

type Verdict = "pass" | "review" | "fail";

const verdictRank: Record<Verdict, number> = { pass: 0, review: 1, fail: 2 };
const worse = (a: Verdict, b: Verdict): Verdict => (verdictRank[a] >= verdictRank[b] ? a : b);

const blockingCategories = new Set(["auth", "quota", "input", "transient", "vendor"]);
const hasBlockingError = (reasons: Reason[]) => reasons.some((r) => r.severity === "error" && blockingCategories.has(r.category));
const hasQualityError = (reasons: Reason[]) => reasons.some((r) => r.severity === "error" && r.category === "quality");
const hasFraudError = (reasons: Reason[]) => reasons.some((r) => r.severity === "error" && r.category === "fraud");
const hasWarning = (reasons: Reason[], category: Reason["category"]) =>
  reasons.some((r) => r.severity === "warning" && r.category === category);

/** Strictly inside the band; a zero band never matches, so the vendor's own rule applies unchanged. */
export function isWithinBand(value: number, threshold: number, band: number): boolean {
  return band > 0 && Math.abs(value - threshold) < band;
}

export function classifySimilarity(similarity: number, matchAbove: number, borderlineFrom: number | null): FaceMatchBand {
  if (similarity > matchAbove) return "match";
  if (borderlineFrom !== null && similarity >= borderlineFrom) return "borderline";
  return "no_match";
}

const bandVerdict: Record<FaceMatchBand, Verdict> = { match: "pass", borderline: "review", no_match: "fail" };

class ReasonList {
  readonly items: Reason[] = [];
  add(template: ReasonTemplate) {
    if (!this.items.some((r) => r.code === template.code)) this.items.push(buildReason(template, null));
  }
}

function decideError(reasons: ReasonList, vendorReasons: Reason[], version: string): PolicyDecision {
  // Without a vendor reason explaining why, say that no verdict came back.
  if (!vendorReasons.some((r) => r.severity === "error")) reasons.add(policyReasons.noVerdict);
  return { outcome: "error", reasons: reasons.items, policyVersion: version };
}

function evaluateCvsLiveness3Angle(facts: CvsLiveness3AngleFacts, policy: PolicyOfKind<"cvs.liveness_3angle">): PolicyDecision {
  const added = new ReasonList();
  if (hasBlockingError(facts.reasons)) return decideError(added, facts.reasons, policy.version);
  const pairs = [facts.matchingMidLeft, facts.matchingMidRight].filter((v): v is number => v !== null);
  const minPair = pairs.length > 0 ? Math.min(...pairs) : null;
  if (facts.valid === null || (hasQualityError(facts.reasons) && minPair === null)) {
    return decideError(added, facts.reasons, policy.version);
  }
  let verdict: Verdict = facts.valid ? "pass" : "fail";
  if (!facts.valid && !hasFraudError(facts.reasons) && !hasQualityError(facts.reasons)) added.add(policyReasons.notLive);
  if (minPair !== null && isWithinBand(minPair, policy.pairMatchThreshold, policy.reviewBand)) {
    verdict = "review";
    added.add(policyReasons.pairSimilarityBorderline);
  }
  if (hasQualityError(facts.reasons)) verdict = worse(verdict, "review");
  if (verdict === "pass" && policy.reviewOnQualityWarning && hasWarning(facts.reasons, "quality")) verdict = "review";
  return {
    outcome: verdict,
    liveness: { isLive: facts.valid, score: null },
    reasons: added.items,
    policyVersion: policy.version,
  };
}

function bandFromVendorMatch(match: 1 | 0 | -1): FaceMatchBand {
  return match === 1 ? "match" : match === 0 ? "borderline" : "no_match";
}

function evaluateCvsFaceMatch(facts: CvsFaceMatchFacts, policy: PolicyOfKind<"cvs.face_match">): PolicyDecision {
  const added = new ReasonList();
  if (hasBlockingError(facts.reasons)) return decideError(added, facts.reasons, policy.version);
  // No similarity because a face or the card was not found: nothing to decide on, whatever `match` says.
  if (facts.similarity === null && hasQualityError(facts.reasons) && !hasFraudError(facts.reasons)) {
    return decideError(added, facts.reasons, policy.version);
  }
  const band =
    facts.similarity !== null
      ? classifySimilarity(facts.similarity, policy.matchAbove, policy.borderlineFrom)
      : facts.vendorMatch !== null
        ? bandFromVendorMatch(facts.vendorMatch)
        : null;
  if (band === null) {
    if (hasFraudError(facts.reasons)) return { outcome: "fail", reasons: added.items, policyVersion: policy.version };
    return decideError(added, facts.reasons, policy.version);
  }
  let verdict = bandVerdict[band];
  if (band === "borderline") added.add(policyReasons.faceMatchBorderline);
  if (band === "no_match") added.add(policyReasons.faceMismatch);
  if (hasFraudError(facts.reasons)) verdict = "fail";
  if (hasQualityError(facts.reasons)) verdict = worse(verdict, "review");
  if (verdict === "pass" && policy.reviewOnQualityWarning && hasWarning(facts.reasons, "quality")) verdict = "review";
  return {
    outcome: verdict,
    faceMatch: { similarity: facts.similarity, isMatch: band === "match", band },
    reasons: added.items,
    policyVersion: policy.version,
  };
}

type Component<T> = { verdict: Verdict | null; result?: T };

function evaluateFptLiveness(
  liveness: FptLivenessFacts,
  vendorReasons: Reason[],
  policy: PolicyOfKind<"fpt.liveness_video" | "fpt.face_match">,
  added: ReasonList,
): Component<LivenessResult> {
  let verdict: Verdict;
  let isLive: boolean;
  const vendorCalledFraud = hasFraudError(vendorReasons);
  if (liveness.spoofProb !== null) {
    isLive = liveness.spoofProb < policy.spoofThreshold;
    if (isWithinBand(liveness.spoofProb, policy.spoofThreshold, policy.reviewBand)) {
      verdict = "review";
      added.add(policyReasons.livenessBorderline);
    } else {
      verdict = isLive ? "pass" : "fail";
      if (!isLive && !vendorCalledFraud) added.add(policyReasons.spoof);
    }
  } else if (liveness.isLive !== null) {
    isLive = liveness.isLive;
    verdict = isLive ? "pass" : "fail";
    if (!isLive && !vendorCalledFraud) added.add(policyReasons.spoof);
  } else {
    return { verdict: null };
  }
  if (liveness.deepfakeProb !== null) {
    if (isWithinBand(liveness.deepfakeProb, policy.deepfakeThreshold, policy.reviewBand)) {
      verdict = worse(verdict, "review");
      added.add(policyReasons.deepfakeBorderline);
    } else if (liveness.deepfakeProb >= policy.deepfakeThreshold) {
      verdict = "fail";
      if (!vendorReasons.some((r) => r.code === "deepfake")) added.add(policyReasons.deepfake);
    }
  } else if (liveness.isDeepfake === true) {
    verdict = "fail";
    if (!vendorReasons.some((r) => r.code === "deepfake")) added.add(policyReasons.deepfake);
  }
  if (liveness.needToReview === true && policy.reviewOnNeedToReview) {
    verdict = worse(verdict, "review");
    added.add(policyReasons.vendorReviewRequested);
  }
  const spoofProb = liveness.spoofProb;
  return {
    verdict,
    result: {
      isLive,
      score: spoofProb === null ? null : toUnitScore(1 - spoofProb),
      spoofProb,
      deepfakeProb: liveness.deepfakeProb,
    },
  };
}

function evaluateFptFaceMatch(
  faceMatch: FptFaceMatchFacts,
  vendorReasons: Reason[],
  policy: PolicyOfKind<"fpt.liveness_video" | "fpt.face_match">,
  added: ReasonList,
): Component<FaceMatchResult> {
  const { matchAbove, borderlineFrom } = policy.faceMatch;
  let band: FaceMatchBand;
  if (matchAbove !== null && faceMatch.similarity !== null) {
    band = classifySimilarity(faceMatch.similarity, matchAbove, borderlineFrom);
  } else if (faceMatch.isMatch !== null) {
    band = faceMatch.isMatch ? "match" : "no_match";
  } else {
    return { verdict: null };
  }
  if (band === "borderline") added.add(policyReasons.faceMatchBorderline);
  if (band === "no_match" && !vendorReasons.some((r) => r.code === "face_mismatch")) added.add(policyReasons.faceMismatch);
  return { verdict: bandVerdict[band], result: { similarity: faceMatch.similarity, isMatch: band === "match", band } };
}

function evaluateFpt(facts: FptFacts, policy: PolicyOfKind<"fpt.liveness_video" | "fpt.face_match">): PolicyDecision {
  const added = new ReasonList();
  if (hasBlockingError(facts.reasons)) return decideError(added, facts.reasons, policy.version);
  const liveness: Component<LivenessResult> | null = facts.liveness
    ? evaluateFptLiveness(facts.liveness, facts.reasons, policy, added)
    : null;
  const faceMatch: Component<FaceMatchResult> | null = facts.faceMatch
    ? evaluateFptFaceMatch(facts.faceMatch, facts.reasons, policy, added)
    : null;
  const [primary, secondary] = facts.kind === "fpt.liveness_video" ? [liveness, faceMatch] : [faceMatch, liveness];
  const base = { liveness: liveness?.result, faceMatch: faceMatch?.result, policyVersion: policy.version };
  if (!primary || primary.verdict === null) {
    // e.g. a spoofed video whose face match was skipped: the fraud verdict stands.
    if (secondary?.verdict === "fail") return { outcome: "fail", reasons: added.items, ...base };
    return { ...decideError(added, facts.reasons, policy.version), ...base };
  }
  let verdict = primary.verdict;
  // The other half of the answer can only make things worse; if it was attempted without a verdict, a person looks.
  if (secondary) verdict = worse(verdict, secondary.verdict ?? "review");
  if (hasQualityError(facts.reasons)) verdict = worse(verdict, "review");
  return { outcome: verdict, reasons: added.items, ...base };
}

function evaluateBiometricKz(facts: BiometricKzFacts, policy: PolicyOfKind<"biometric_kz.liveness_selfie">): PolicyDecision {
  const added = new ReasonList();
  if (hasBlockingError(facts.reasons)) return decideError(added, facts.reasons, policy.version);
  let verdict: Verdict = facts.result ? "pass" : "fail";
  if (!facts.result && !hasFraudError(facts.reasons)) added.add(policyReasons.notLive);
  if (facts.prediction !== null && isWithinBand(facts.prediction, policy.liveThreshold, policy.reviewBand)) {
    verdict = "review";
    added.add(policyReasons.livenessBorderline);
  }
  return {
    outcome: verdict,
    liveness: { isLive: facts.result, score: facts.prediction === null ? null : toUnitScore(facts.prediction) },
    reasons: added.items,
    policyVersion: policy.version,
  };
}

function evaluateKairos(facts: KairosFacts, policy: PolicyOfKind<"kairos.liveness_selfie">): PolicyDecision {
  const added = new ReasonList();
  if (hasBlockingError(facts.reasons) || hasQualityError(facts.reasons) || facts.facesLiveness === null) {
    return decideError(added, facts.reasons, policy.version);
  }
  const score = toUnitScore(facts.facesLiveness);
  const isLive = facts.facesLiveness >= policy.threshold;
  let verdict: Verdict = isLive ? "pass" : "fail";
  if (!isLive) added.add(policyReasons.notLive);
  if (isWithinBand(facts.facesLiveness, policy.threshold, policy.reviewBand)) {
    verdict = "review";
    added.add(policyReasons.livenessBorderline);
  }
  if (verdict === "pass" && policy.reviewOnQualityWarning && hasWarning(facts.reasons, "quality")) verdict = "review";
  if (verdict === "pass" && hasWarning(facts.reasons, "vendor")) verdict = "review";
  return { outcome: verdict, liveness: { isLive, score }, reasons: added.items, policyVersion: policy.version };
}

/**
 * Turns a vendor's parsed facts into Verdict's outcome under a policy. Pure: same input, same output.
 * A policy of another vendor/check type yields an `error` decision rather than a wrong answer.
 */
export function applyPolicy(facts: VendorFacts, policy: Policy): PolicyDecision {
  if (facts.kind !== policy.kind) {
    return { outcome: "error", reasons: [buildReason(commonReasons.invalidPolicy, null)], policyVersion: policy.version };
  }
  switch (policy.kind) {
    case "cvs.liveness_3angle":
      return facts.kind === "cvs.liveness_3angle" ? evaluateCvsLiveness3Angle(facts, policy) : unreachable();
    case "cvs.face_match":
      return facts.kind === "cvs.face_match" ? evaluateCvsFaceMatch(facts, policy) : unreachable();
    case "fpt.liveness_video":
    case "fpt.face_match":
      return facts.kind === "fpt.liveness_video" || facts.kind === "fpt.face_match" ? evaluateFpt(facts, policy) : unreachable();
    case "biometric_kz.liveness_selfie":
      return facts.kind === "biometric_kz.liveness_selfie" ? evaluateBiometricKz(facts, policy) : unreachable();
    case "kairos.liveness_selfie":
      return facts.kind === "kairos.liveness_selfie" ? evaluateKairos(facts, policy) : unreachable();
    case "local.face_match":
    case "local.liveness_selfie":
    case "local.liveness_3angle":
    case "local.liveness_video":
      return facts.kind === policy.kind ? evaluateLocal(facts, policy) : unreachable();
  }
}

function unreachable(): never {
  throw new Error("facts and policy kinds were checked equal");
}
