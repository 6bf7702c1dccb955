import { describeScoreScales, type ScoreScale } from "@/lib/verifications/score-scales";
import type { Policy } from "@/lib/policy/policy-schemas";
import { qualitySampleValue } from "@/lib/review/quality-sample";
import { qualitySampleShare, REVIEW_RULE_CODES, type ReviewRuleCode, type ReviewRuleSettings } from "@/lib/review/review-rule-settings";
import type { CheckType, NormalizedResult, Outcome, Reason, VendorId } from "@/lib/vendors/types";

// Pure: which review rules fire for a finished verification, each with its reason in words.

export interface RuleRun {
  vendor: VendorId;
  attempt: number;
  status: string;
  outcome: Outcome | null;
  normalized: NormalizedResult | null;
  /** The policy the run was judged with (for thresholds and bands). */
  policy: Policy | null;
  livenessScore: number | null;
  matchSimilarity: number | null;
}

export interface RuleInput {
  /** The verification's id: QA sampling is a function of it (reproducible). */
  verificationId: string;
  checkType: CheckType;
  manualReview: boolean;
  manualReviewNote: string | null;
  /** Every run, all attempts; only the latest attempt of each vendor counts. */
  runs: RuleRun[];
}

export interface FiredRule {
  code: ReviewRuleCode;
  /** Why, in words a reviewer reads. */
  details: string[];
  vendors: VendorId[];
  priority: number;
  slaMinutes: number;
}

const VENDOR_NAMES: Record<VendorId, string> = { cvs: "CVS", fpt: "FPT", biometric_kz: "biometric.kz", kairos: "Kairos", local: "Verdict's engine" };
/** Reason codes the policy adds when a score lands in its review band. */
export const BAND_REASON_CODES = new Set(["liveness_borderline", "deepfake_borderline", "angle_similarity_borderline", "face_match_borderline"]);

const fmt = (n: number) => n.toFixed(3);
const formatShare = (share: number) => `${Number((share * 100).toFixed(2))} %`;

export function latestRunPerVendor<R extends { vendor: VendorId; attempt: number }>(runs: R[]): R[] {
  const latest = new Map<VendorId, R>();
  for (const run of runs) {
    const seen = latest.get(run.vendor);
    if (!seen || run.attempt > seen.attempt) latest.set(run.vendor, run);
  }
  return [...latest.values()].sort((a, b) => a.vendor.localeCompare(b.vendor));
}

function reasonText(reason: Reason): string {
  return reason.vendorCode ? `${reason.message} (${reason.vendorCode})` : reason.message;
}

function inBand(scale: ScoreScale): boolean {
  return scale.reviewBand !== null && scale.value >= scale.reviewBand[0] && scale.value <= scale.reviewBand[1];
}

function scalesOf(run: RuleRun): ScoreScale[] {
  return describeScoreScales({ normalized: run.normalized, livenessScore: run.livenessScore, matchSimilarity: run.matchSimilarity }, run.policy);
}

function vendorAsksForReview(run: RuleRun, checkType: CheckType): string[] {
  const out: string[] = [];
  const name = VENDOR_NAMES[run.vendor];
  const reasons = run.normalized?.reasons ?? [];
  const verdict = run.normalized?.vendorVerdict ?? {};
  const needToReview = verdict.need_to_review;
  if (reasons.some((r) => r.code === "vendor_review_requested") || needToReview === true || needToReview === "true") {
    out.push(`${name} asks for a human review (need_to_review = true).`);
  }
  if (run.vendor === "cvs" && checkType === "face_match" && (verdict.match === 0 || verdict.match === "0")) {
    const similarity = run.normalized?.faceMatch?.similarity ?? run.matchSimilarity;
    out.push(`CVS face_matching says match = 0 (borderline, 65–75 %)${similarity !== null && similarity !== undefined ? `; similarity ${(similarity * 100).toFixed(1)} %` : ""}.`);
  }
  return out;
}

function qualityReasons(run: RuleRun, includeWarnings: boolean): Reason[] {
  return (run.normalized?.reasons ?? []).filter((r) => r.category === "quality" && (r.severity === "error" || (includeWarnings && r.severity === "warning")));
}

/** Codes by which vendors (and the engine) say a face was not found. */
const NO_FACE_CODES = new Set(["no_face", "face_not_found", "face_not_found_left", "face_not_found_mid", "face_not_found_right", "face_not_found_portrait", "face_not_found_document", "face_not_found_id_card"]);
const hasNoFace = (run: RuleRun) => (run.normalized?.reasons ?? []).some((r) => NO_FACE_CODES.has(r.code) && r.severity === "error");

/** Where Verdict's own engine (vendor `local`) and a vendor read the same media differently. */
export function findEngineDisagreements(checkType: CheckType, latest: RuleRun[]): Array<{ text: string; vendor: VendorId }> {
  const engine = latest.find((r) => r.vendor === "local" && r.normalized && (r.status === "completed" || r.status === "failed"));
  if (!engine?.normalized) return [];
  const out: Array<{ text: string; vendor: VendorId }> = [];
  const engineNoFace = engine.normalized.reasons.filter((r) => r.code === "no_face" && r.severity === "error");
  const similarity = engine.normalized.faceMatch?.similarity ?? null;
  const policy = engine.policy;
  const noMatchBelow = policy?.kind === "local.face_match" ? policy.borderlineFrom : null;
  const matchAbove = policy?.kind === "local.face_match" ? policy.matchAbove : null;
  for (const run of latest) {
    if (run.vendor === "local" || !run.normalized) continue;
    const name = VENDOR_NAMES[run.vendor];
    if (run.outcome === "pass" && engineNoFace.length) {
      out.push({ vendor: run.vendor, text: `${name} passed, but Verdict's engine found no face: ${engineNoFace.map((r) => r.message).join("; ")}.` });
    } else if (run.outcome === "pass" && checkType === "face_match" && similarity !== null && noMatchBelow !== null && similarity < noMatchBelow) {
      out.push({ vendor: run.vendor, text: `${name} passed the face match, but Verdict's engine scores the faces ${fmt(similarity)}, below its no-match threshold ${fmt(noMatchBelow)}.` });
    }
    if (checkType === "face_match" && run.outcome === "fail" && similarity !== null && matchAbove !== null && similarity > matchAbove && !hasNoFace(run)) {
      out.push({ vendor: run.vendor, text: `${name} failed the face match, but Verdict's engine matches the faces (similarity ${fmt(similarity)}, above ${fmt(matchAbove)}).` });
    }
    if (hasNoFace(run) && !engineNoFace.length && engine.outcome !== "error") {
      out.push({ vendor: run.vendor, text: `${name} found no face, but Verdict's engine found one in every picture.` });
    }
  }
  return out;
}

export function evaluateReviewRules(input: RuleInput, settings: ReviewRuleSettings): FiredRule[] {
  const latest = latestRunPerVendor(input.runs);
  const found = new Map<ReviewRuleCode, { details: string[]; vendors: Set<VendorId> }>();
  const fire = (code: ReviewRuleCode, detail: string, vendor?: VendorId) => {
    const entry = found.get(code) ?? { details: [], vendors: new Set<VendorId>() };
    if (!entry.details.includes(detail)) entry.details.push(detail);
    if (vendor) entry.vendors.add(vendor);
    found.set(code, entry);
  };

  if (input.manualReview) {
    fire("manual_review", input.manualReviewNote ? `Manual review requested: “${input.manualReviewNote}”` : "Manual review was requested when the verification was created.");
  }

  const passing = latest.filter((r) => r.outcome === "pass");
  const failing = latest.filter((r) => r.outcome === "fail");
  if (passing.length && failing.length) {
    const words = [...passing.map((r) => `${VENDOR_NAMES[r.vendor]} says pass`), ...failing.map((r) => `${VENDOR_NAMES[r.vendor]} says fail`)].join(", ");
    for (const r of [...passing, ...failing]) fire("vendor_disagreement", `The vendors disagree: ${words}.`, r.vendor);
  }

  for (const words of findEngineDisagreements(input.checkType, latest)) fire("engine_disagreement", words.text, words.vendor);

  for (const run of latest) {
    const name = VENDOR_NAMES[run.vendor];
    const reasons = run.normalized?.reasons ?? [];

    const vendorWords = vendorAsksForReview(run, input.checkType);
    for (const words of vendorWords) fire("vendor_review", words, run.vendor);

    const scales = scalesOf(run);
    const bandReasons = reasons.filter((r) => BAND_REASON_CODES.has(r.code));
    if (bandReasons.length) {
      const described = scales.filter(inBand).map((s) => `${name} ${s.label.toLowerCase()} ${fmt(s.value)} is inside the review band ${fmt(s.reviewBand![0])}–${fmt(s.reviewBand![1])}${s.threshold !== null ? ` (threshold ${fmt(s.threshold)})` : ""}.`);
      for (const words of described.length ? described : bandReasons.map((r) => `${name}: ${r.message}.`)) fire("score_in_band", words, run.vendor);
    }
    const margin = settings.score_in_band.extraMargin;
    if (margin > 0 && (run.outcome === "pass" || run.outcome === "fail")) {
      for (const s of scales) {
        if (s.threshold === null || inBand(s) || Math.abs(s.value - s.threshold) >= margin) continue;
        fire("score_in_band", `${name} ${s.label.toLowerCase()} ${fmt(s.value)} is within ${fmt(margin)} of the threshold ${fmt(s.threshold)}.`, run.vendor);
      }
    }

    const quality = qualityReasons(run, settings.vendor_error_triage.includeWarnings);
    for (const r of quality) fire("vendor_error_triage", `${name}: ${reasonText(r)}.`, run.vendor);

    // A `review` outcome none of the rules above explains still belongs to a person: the vendor's.
    if (run.outcome === "review" && !vendorWords.length && !bandReasons.length && !quality.length) {
      const why = reasons.filter((r) => r.severity !== "info").map(reasonText);
      fire("vendor_review", `${name} judged the result “review”${why.length ? `: ${why.join("; ")}` : ""}.`, run.vendor);
    }
  }

  // QA sampling: an automatic pass (every vendor's latest answer is pass and no other rule fired)
  // is sampled when the id's value falls below the largest share of its passing vendors.
  const others = REVIEW_RULE_CODES.filter((code) => found.has(code) && settings[code].enabled);
  if (others.length === 0 && settings.quality_sample.enabled && latest.length > 0 && latest.every((r) => r.outcome === "pass")) {
    const value = qualitySampleValue(input.verificationId);
    for (const run of latest) {
      const share = qualitySampleShare(settings, input.checkType, run.vendor);
      if (share > 0 && value < share) {
        fire("quality_sample", `Quality sample: ${VENDOR_NAMES[run.vendor]} passed it, and ${formatShare(share)} of its automatic passes of this check type are sampled (this verification's sample value ${value.toFixed(4)} < ${share}).`, run.vendor);
      }
    }
  }

  return REVIEW_RULE_CODES.filter((code) => found.has(code) && settings[code].enabled).map((code) => ({
    code,
    details: found.get(code)!.details,
    vendors: [...found.get(code)!.vendors].sort(),
    priority: settings[code].priority,
    slaMinutes: settings[code].slaMinutes,
  }));
}

/** What a case stores from the fired rules: codes, words, the highest priority and the shortest SLA. */
export function summarizeFiredRules(fired: FiredRule[]) {
  return {
    rules: fired.map((f) => f.code),
    ruleDetails: fired.map((f) => ({ code: f.code, details: f.details, vendors: f.vendors, priority: f.priority, slaMinutes: f.slaMinutes })),
    priority: fired.reduce((max, f) => Math.max(max, f.priority), 0),
    slaMinutes: fired.length ? Math.min(...fired.map((f) => f.slaMinutes)) : null,
  };
}
