import { describe, expect, it } from "vitest";
import { getDefaultPolicy } from "@/lib/policy/default-policies";
import { evaluateReviewRules, summarizeFiredRules, type RuleInput, type RuleRun } from "@/lib/review/evaluate-review-rules";
import { DEFAULT_REVIEW_RULE_SETTINGS, type ReviewRuleSettings } from "@/lib/review/review-rule-settings";
import { combineVendorVerdict, needsSecondReviewer, overridesVendor } from "@/lib/review/vendor-verdict";
import type { CheckType, NormalizedResult, Outcome, Reason, VendorId } from "@/lib/vendors/types";

function run(vendor: VendorId, checkType: CheckType, outcome: Outcome, extra: Partial<NormalizedResult> = {}, attempt = 1): RuleRun {
  const normalized: NormalizedResult = {
    vendor, checkType, outcome, vendorVerdict: {}, reasons: [], warnings: [], latencyMs: 10, httpStatus: 200, attempts: [], raw: null, policyVersion: "builtin-1", ...extra,
  };
  return {
    vendor, attempt, status: outcome === "error" ? "failed" : "completed", outcome, normalized, policy: getDefaultPolicy(vendor, checkType),
    livenessScore: normalized.liveness?.score ?? null, matchSimilarity: normalized.faceMatch?.similarity ?? null,
  };
}

const input = (checkType: CheckType, runs: RuleRun[], manualReview = false, manualReviewNote: string | null = null, verificationId = "00000000-0000-4000-8000-000000000001"): RuleInput => ({ verificationId, checkType, runs, manualReview, manualReviewNote });
const codes = (i: RuleInput, settings: ReviewRuleSettings = DEFAULT_REVIEW_RULE_SETTINGS) => evaluateReviewRules(i, settings).map((f) => f.code);
const reason = (code: string, category: Reason["category"], severity: Reason["severity"] = "error", vendorCode: string | null = null, message = code): Reason => ({ code, category, severity, vendorCode, message });

const cvsBorderline = run("cvs", "face_match", "review", {
  vendorVerdict: { match: 0, matching: "70.2" },
  faceMatch: { similarity: 0.702, isMatch: false, band: "borderline" },
  reasons: [reason("face_match_borderline", "fraud", "warning", null, "The face similarity is in the borderline band")],
});

describe("review rules", () => {
  it("a clean pass fires nothing", () => {
    expect(codes(input("face_match", [run("cvs", "face_match", "pass", { vendorVerdict: { match: 1 }, faceMatch: { similarity: 0.9, isMatch: true, band: "match" } })]))).toEqual([]);
  });

  it("vendor says review: FPT need_to_review", () => {
    const fpt = run("fpt", "liveness_video", "review", {
      vendorVerdict: { need_to_review: true, is_live: true },
      liveness: { isLive: true, score: 0.7, spoofProb: 0.3, deepfakeProb: null },
      reasons: [reason("vendor_review_requested", "fraud", "warning")],
    });
    const fired = evaluateReviewRules(input("liveness_video", [fpt]), DEFAULT_REVIEW_RULE_SETTINGS);
    expect(fired.map((f) => f.code)).toEqual(["vendor_review"]);
    expect(fired[0].details[0]).toContain("need_to_review");
    expect(fired[0].vendors).toEqual(["fpt"]);
  });

  it("vendor says review and the score is in the band: CVS match 0 at 70 %", () => {
    const fired = evaluateReviewRules(input("face_match", [cvsBorderline]), DEFAULT_REVIEW_RULE_SETTINGS);
    expect(fired.map((f) => f.code)).toEqual(["vendor_review", "score_in_band"]);
    expect(fired[0].details[0]).toContain("match = 0");
    expect(fired[1].details[0]).toMatch(/face similarity 0\.702 is inside the review band 0\.650–0\.750/);
  });

  it("score in band: a Kairos liveness score next to the threshold", () => {
    const kairos = run("kairos", "liveness_selfie", "review", { liveness: { isLive: true, score: 0.62 }, reasons: [reason("liveness_borderline", "fraud", "warning")] });
    const fired = evaluateReviewRules(input("liveness_selfie", [kairos]), DEFAULT_REVIEW_RULE_SETTINGS);
    expect(fired.map((f) => f.code)).toEqual(["score_in_band"]);
    expect(fired[0].details[0]).toMatch(/liveness score 0\.620 is inside the review band 0\.550–0\.650 \(threshold 0\.600\)/);
  });

  it("score in band: the extra margin flags a pass close to the threshold, only when configured", () => {
    const kairos = run("kairos", "liveness_selfie", "pass", { liveness: { isLive: true, score: 0.68 } });
    expect(codes(input("liveness_selfie", [kairos]))).toEqual([]);
    const wider = { ...DEFAULT_REVIEW_RULE_SETTINGS, score_in_band: { ...DEFAULT_REVIEW_RULE_SETTINGS.score_in_band, extraMargin: 0.1 } };
    expect(codes(input("liveness_selfie", [kairos]), wider)).toEqual(["score_in_band"]);
  });

  it("vendor disagreement: one pass, one fail, judged on each vendor's latest attempt", () => {
    const cvsPass = run("cvs", "face_match", "pass", { faceMatch: { similarity: 0.9, isMatch: true, band: "match" } });
    const fptFail = run("fpt", "face_match", "fail", { faceMatch: { similarity: 0.2, isMatch: false, band: "no_match" }, reasons: [reason("face_mismatch", "fraud")] });
    const fired = evaluateReviewRules(input("face_match", [cvsPass, fptFail]), DEFAULT_REVIEW_RULE_SETTINGS);
    expect(fired.map((f) => f.code)).toEqual(["vendor_disagreement"]);
    expect(fired[0].details[0]).toBe("The vendors disagree: CVS says pass, FPT says fail.");
    // FPT's rerun passes: no disagreement any more.
    const fptRerun = run("fpt", "face_match", "pass", { faceMatch: { similarity: 0.9, isMatch: true, band: "match" } }, 2);
    expect(codes(input("face_match", [cvsPass, fptFail, fptRerun]))).toEqual([]);
  });

  it("vendor error to triage: quality codes, not our own transient/auth/quota/vendor failures", () => {
    const quality = run("cvs", "face_match", "error", { reasons: [reason("face_not_found_portrait", "quality", "error", "invalidCode:5", "The portrait photo does not contain a face")] });
    const fired = evaluateReviewRules(input("face_match", [quality]), DEFAULT_REVIEW_RULE_SETTINGS);
    expect(fired.map((f) => f.code)).toEqual(["vendor_error_triage"]);
    expect(fired[0].details[0]).toBe("CVS: The portrait photo does not contain a face (invalidCode:5).");
    for (const category of ["transient", "auth", "quota", "vendor"] as const) {
      expect(codes(input("face_match", [run("cvs", "face_match", "error", { reasons: [reason("x", category)] })]))).toEqual([]);
    }
  });

  it("vendor error to triage: quality warnings only when the rule includes them", () => {
    const small = run("cvs", "face_match", "review", {
      faceMatch: { similarity: 0.9, isMatch: true, band: "match" },
      reasons: [reason("face_too_small", "quality", "warning", "invalidCode:11")],
    });
    expect(codes(input("face_match", [small]))).toEqual(["vendor_error_triage"]);
    const errorsOnly = { ...DEFAULT_REVIEW_RULE_SETTINGS, vendor_error_triage: { ...DEFAULT_REVIEW_RULE_SETTINGS.vendor_error_triage, includeWarnings: false } };
    // The review outcome is still explained in words, as the vendor's own.
    expect(codes(input("face_match", [small]), errorsOnly)).toEqual(["vendor_review"]);
  });

  it("manual review requested, with the note in words", () => {
    const fired = evaluateReviewRules(input("liveness_selfie", [run("kairos", "liveness_selfie", "pass", { liveness: { isLive: true, score: 0.95 } })], true, "Customer called support"), DEFAULT_REVIEW_RULE_SETTINGS);
    expect(fired.map((f) => f.code)).toEqual(["manual_review"]);
    expect(fired[0].details).toEqual(["Manual review requested: “Customer called support”"]);
  });

  it("records every rule that fired; the case takes the highest priority and the shortest SLA", () => {
    const fpt = run("fpt", "face_match", "fail", { reasons: [reason("face_mismatch", "fraud")] });
    const fired = evaluateReviewRules(input("face_match", [cvsBorderline, fpt, run("kairos", "face_match", "pass")], true), DEFAULT_REVIEW_RULE_SETTINGS);
    expect(fired.map((f) => f.code)).toEqual(["manual_review", "vendor_disagreement", "vendor_review", "score_in_band"]);
    const summary = summarizeFiredRules(fired);
    expect(summary.priority).toBe(DEFAULT_REVIEW_RULE_SETTINGS.vendor_disagreement.priority);
    expect(summary.slaMinutes).toBe(DEFAULT_REVIEW_RULE_SETTINGS.vendor_disagreement.slaMinutes);
    expect(summary.ruleDetails).toHaveLength(4);
  });

  it("a rule switched off does not fire", () => {
    const off = { ...DEFAULT_REVIEW_RULE_SETTINGS, score_in_band: { ...DEFAULT_REVIEW_RULE_SETTINGS.score_in_band, enabled: false } };
    expect(codes(input("face_match", [cvsBorderline]), off)).toEqual(["vendor_review"]);
  });
});

describe("vendor verdict and overrides", () => {
  it("fail wins, all-pass is pass, anything else review", () => {
    expect(combineVendorVerdict([{ vendor: "cvs", attempt: 1, outcome: "pass" }, { vendor: "fpt", attempt: 1, outcome: "fail" }])).toBe("fail");
    expect(combineVendorVerdict([{ vendor: "cvs", attempt: 1, outcome: "fail" }, { vendor: "cvs", attempt: 2, outcome: "pass" }])).toBe("pass");
    expect(combineVendorVerdict([{ vendor: "cvs", attempt: 1, outcome: "review" }])).toBe("review");
  });
  it("approving over a fail overrides and needs four eyes; rejecting a pass overrides only", () => {
    expect([overridesVendor("approve", "fail"), needsSecondReviewer("approve", "fail")]).toEqual([true, true]);
    expect([overridesVendor("reject", "pass"), needsSecondReviewer("reject", "pass")]).toEqual([true, false]);
    expect([overridesVendor("approve", "review"), overridesVendor("escalate", "fail")]).toEqual([false, false]);
  });
});

describe("engine disagreement (Verdict's engine against a vendor)", () => {
  const cvsPass = run("cvs", "face_match", "pass", { vendorVerdict: { match: 1 }, faceMatch: { similarity: 0.95, isMatch: true, band: "match" } });
  const cvsFail = run("cvs", "face_match", "fail", { vendorVerdict: { match: -1 }, faceMatch: { similarity: 0.3, isMatch: false, band: "no_match" } });
  const engine = (outcome: Outcome, similarity: number | null, reasons: Reason[] = []) =>
    run("local", "face_match", outcome, { ...(similarity === null ? {} : { faceMatch: { similarity, isMatch: similarity > 0.7, band: similarity > 0.7 ? "match" : similarity >= 0.55 ? "borderline" : "no_match" } }), reasons });

  it("fires when a vendor passes a face match the engine scores below its no-match threshold", () => {
    const fired = evaluateReviewRules(input("face_match", [cvsPass, engine("fail", 0.31)]), DEFAULT_REVIEW_RULE_SETTINGS);
    const rule = fired.find((f) => f.code === "engine_disagreement")!;
    expect(rule.details).toEqual(["CVS passed the face match, but Verdict's engine scores the faces 0.310, below its no-match threshold 0.550."]);
    expect(rule.vendors).toEqual(["cvs"]);
  });

  it("fires when a vendor passes media where the engine found no face", () => {
    const noFace = engine("fail", null, [reason("no_face", "quality", "error", "image2:no_face", "No face found in image 2")]);
    expect(evaluateReviewRules(input("face_match", [cvsPass, noFace]), DEFAULT_REVIEW_RULE_SETTINGS).find((f) => f.code === "engine_disagreement")?.details).toEqual([
      "CVS passed, but Verdict's engine found no face: No face found in image 2.",
    ]);
  });

  it("fires the other way: the engine matches the faces while the vendor fails them", () => {
    expect(codes(input("face_match", [cvsFail, engine("pass", 0.9)]))).toContain("engine_disagreement");
  });

  it("stays quiet when they agree, in the review band, or when switched off", () => {
    expect(codes(input("face_match", [cvsPass, engine("pass", 0.9)]))).not.toContain("engine_disagreement");
    expect(codes(input("face_match", [cvsPass, engine("review", 0.6)]))).not.toContain("engine_disagreement");
    const off = { ...DEFAULT_REVIEW_RULE_SETTINGS, engine_disagreement: { ...DEFAULT_REVIEW_RULE_SETTINGS.engine_disagreement, enabled: false } };
    expect(codes(input("face_match", [cvsPass, engine("fail", 0.31)]), off)).not.toContain("engine_disagreement");
  });
});
