import { createHash, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getDefaultPolicy } from "@/lib/policy/default-policies";
import { evaluateReviewRules, type RuleRun } from "@/lib/review/evaluate-review-rules";
import { isQualitySampled, qualitySampleValue } from "@/lib/review/quality-sample";
import { DEFAULT_REVIEW_RULE_SETTINGS, reviewRuleSettingsSchema, type ReviewRuleSettings } from "@/lib/review/review-rule-settings";
import type { Outcome, VendorId } from "@/lib/vendors/types";

function selfieRun(vendor: VendorId, outcome: Outcome): RuleRun {
  return {
    vendor, attempt: 1, status: "completed", outcome, policy: getDefaultPolicy(vendor, "liveness_selfie"), livenessScore: 0.97, matchSimilarity: null,
    normalized: { vendor, checkType: "liveness_selfie", outcome, vendorVerdict: {}, reasons: [], warnings: [], latencyMs: 10, httpStatus: 200, attempts: [], raw: null, policyVersion: "builtin-1", liveness: { isLive: outcome === "pass", score: 0.97 } },
  };
}

const withShare = (share: number, vendor: VendorId = "kairos"): ReviewRuleSettings => ({
  ...DEFAULT_REVIEW_RULE_SETTINGS,
  quality_sample: { enabled: true, priority: 5, slaMinutes: 10080, shares: [{ checkType: "liveness_selfie", vendor, share }] },
});

describe("QA sampling of automatic passes", () => {
  it("maps an id to [0, 1), the same id always to the same value, and spreads ids evenly", () => {
    // Fixed ids (v4-shaped, from a hash of their index) so the proportion below is the same every run.
    const ids = Array.from({ length: 4000 }, (_, i) => createHash("sha256").update(String(i)).digest("hex").slice(0, 32).replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, "$1-$2-$3-$4-$5"));
    const values = ids.map(qualitySampleValue);
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(ids.map(qualitySampleValue)).toEqual(values);
    // A 10 % share samples close to 10 % of the ids (binomial sd ≈ 0.5 %).
    const sampled = ids.filter((id) => isQualitySampled(id, 0.1)).length / ids.length;
    expect(sampled).toBeGreaterThan(0.08);
    expect(sampled).toBeLessThan(0.12);
    expect(ids.some((id) => isQualitySampled(id, 0))).toBe(false);
    expect(ids.every((id) => isQualitySampled(id, 1))).toBe(true);
  });

  it("samples only automatic passes of the configured check type and vendor", () => {
    const id = randomUUID();
    const at = (settings: ReviewRuleSettings, runs: RuleRun[], checkType: "liveness_selfie" | "face_match" = "liveness_selfie") =>
      evaluateReviewRules({ verificationId: id, checkType, runs, manualReview: false, manualReviewNote: null }, settings).map((f) => f.code);
    expect(at(withShare(1), [selfieRun("kairos", "pass")])).toEqual(["quality_sample"]);
    expect(at(withShare(0), [selfieRun("kairos", "pass")])).toEqual([]);
    expect(at(withShare(1, "biometric_kz"), [selfieRun("kairos", "pass")])).toEqual([]);
    expect(at(withShare(1), [selfieRun("kairos", "fail")])).toEqual([]);
    // Another vendor's answer that is not a pass: not an automatic pass.
    expect(at(withShare(1), [selfieRun("kairos", "pass"), selfieRun("biometric_kz", "review")])).not.toContain("quality_sample");
    // Another rule fired: that case is not a sample.
    expect(evaluateReviewRules({ verificationId: id, checkType: "liveness_selfie", runs: [selfieRun("kairos", "pass")], manualReview: true, manualReviewNote: null }, withShare(1)).map((f) => f.code)).toEqual(["manual_review"]);
    const fired = evaluateReviewRules({ verificationId: id, checkType: "liveness_selfie", runs: [selfieRun("kairos", "pass")], manualReview: false, manualReviewNote: null }, withShare(1));
    expect(fired[0]).toMatchObject({ code: "quality_sample", vendors: ["kairos"], priority: 5, slaMinutes: 10080 });
    expect(fired[0].details[0]).toMatch(/^Quality sample: Kairos passed it, and 100 % of its automatic passes/);
  });

  it("a rule set saved before sampling existed still parses, with sampling off; shares are 0–1, one per pair", () => {
    const { quality_sample: _omitted, ...older } = DEFAULT_REVIEW_RULE_SETTINGS;
    const parsed = reviewRuleSettingsSchema.parse(older);
    expect(parsed.quality_sample).toMatchObject({ enabled: false, shares: [] });
    const bad = reviewRuleSettingsSchema.safeParse({ ...DEFAULT_REVIEW_RULE_SETTINGS, quality_sample: { enabled: true, priority: 5, slaMinutes: 60, shares: [{ checkType: "liveness_selfie", vendor: "kairos", share: 1.5 }] } });
    expect(bad.success).toBe(false);
    const twice = reviewRuleSettingsSchema.safeParse({
      ...DEFAULT_REVIEW_RULE_SETTINGS,
      quality_sample: { enabled: true, priority: 5, slaMinutes: 60, shares: [{ checkType: "liveness_selfie", vendor: "kairos", share: 0.1 }, { checkType: "liveness_selfie", vendor: "kairos", share: 0.2 }] },
    });
    expect(twice.success).toBe(false);
  });
});
