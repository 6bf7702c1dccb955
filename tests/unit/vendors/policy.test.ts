import { describe, expect, it } from "vitest";
import { applyPolicy, classifySimilarity, defaultPolicies, getDefaultPolicy, isWithinBand, policySchema, type FptLivenessFacts, type VendorFacts } from "@/lib/policy";
import type { Reason } from "@/lib/vendors";

const reason = (code: string, category: Reason["category"], severity: Reason["severity"] = "error"): Reason => ({
  code,
  message: code,
  vendorCode: null,
  severity,
  category,
});

describe("bands", () => {
  it("isWithinBand is strict and a zero band never matches", () => {
    expect(isWithinBand(0.62, 0.6, 0.05)).toBe(true);
    expect(isWithinBand(0.65, 0.6, 0.05)).toBe(false);
    expect(isWithinBand(0.6, 0.6, 0)).toBe(false);
  });

  it("classifySimilarity follows CVS: > 75 match, [65, 75] borderline, below no_match", () => {
    expect(classifySimilarity(0.751, 0.75, 0.65)).toBe("match");
    expect(classifySimilarity(0.75, 0.75, 0.65)).toBe("borderline");
    expect(classifySimilarity(0.65, 0.75, 0.65)).toBe("borderline");
    expect(classifySimilarity(0.649, 0.75, 0.65)).toBe("no_match");
  });
});

describe("defaults follow the vendors' documents", () => {
  it("has one default per vendor + check type", () => {
    expect(getDefaultPolicy("fpt", "liveness_video")).toMatchObject({ spoofThreshold: 0.5, deepfakeThreshold: 0.5, reviewOnNeedToReview: true });
    expect(getDefaultPolicy("cvs", "face_match")).toMatchObject({ matchAbove: 0.75, borderlineFrom: 0.65 });
    expect(getDefaultPolicy("kairos", "liveness_selfie")).toMatchObject({ threshold: 0.6 });
    expect(getDefaultPolicy("kairos", "face_match")).toBeNull();
    for (const policy of Object.values(defaultPolicies)) expect(policySchema.parse(policy)).toEqual(policy);
  });

  it("rejects inconsistent policies", () => {
    expect(policySchema.safeParse({ kind: "cvs.face_match", version: "x", matchAbove: 0.6, borderlineFrom: 0.7 }).success).toBe(false);
    expect(policySchema.safeParse({ kind: "kairos.liveness_selfie", version: "x", threshold: 1.5 }).success).toBe(false);
    expect(policySchema.safeParse({ kind: "acme", version: "x" }).success).toBe(false);
  });
});

describe("FPT", () => {
  const fpt = (liveness: Partial<FptLivenessFacts>, reasons: Reason[] = []): VendorFacts => ({
    kind: "fpt.liveness_video",
    liveness: { isLive: null, spoofProb: null, needToReview: false, isDeepfake: null, deepfakeProb: null, ...liveness },
    faceMatch: null,
    reasons,
  });
  const policy = defaultPolicies["fpt.liveness_video"];

  it("live if spoof_prob < 0.5, review near it, fail above", () => {
    expect(applyPolicy(fpt({ spoofProb: 0.1 }), policy).outcome).toBe("pass");
    expect(applyPolicy(fpt({ spoofProb: 0.47 }), policy).outcome).toBe("review");
    expect(applyPolicy(fpt({ spoofProb: 0.53 }), policy).outcome).toBe("review");
    const spoof = applyPolicy(fpt({ spoofProb: 0.9 }), policy);
    expect(spoof.outcome).toBe("fail");
    expect(spoof.reasons.map((r) => r.code)).toEqual(["spoof"]);
    expect(spoof.liveness).toEqual({ isLive: false, score: 0.1, spoofProb: 0.9, deepfakeProb: null });
  });

  it("a zero band gives exactly the vendor's rule", () => {
    const strict = { ...policy, reviewBand: 0 };
    expect(applyPolicy(fpt({ spoofProb: 0.4999 }), strict).outcome).toBe("pass");
    expect(applyPolicy(fpt({ spoofProb: 0.5 }), strict).outcome).toBe("fail");
  });

  it("deepfake if deepfake_prob >= 0.5", () => {
    expect(applyPolicy(fpt({ spoofProb: 0.1, deepfakeProb: 0.8 }), policy).outcome).toBe("fail");
    expect(applyPolicy(fpt({ spoofProb: 0.1, deepfakeProb: 0.52 }), policy).reasons.map((r) => r.code)).toEqual(["deepfake_borderline"]);
    expect(applyPolicy(fpt({ spoofProb: 0.1, isDeepfake: true }), policy).outcome).toBe("fail");
  });

  it("need_to_review → review, unless the policy says otherwise", () => {
    expect(applyPolicy(fpt({ spoofProb: 0.1, needToReview: true }), policy).outcome).toBe("review");
    expect(applyPolicy(fpt({ spoofProb: 0.1, needToReview: true }), { ...policy, reviewOnNeedToReview: false }).outcome).toBe("pass");
  });

  it("similarity bands apply to FPT's face match when configured; otherwise FPT's isMatch decides", () => {
    const facts: VendorFacts = { kind: "fpt.face_match", liveness: null, faceMatch: { isMatch: true, similarity: 0.78 }, reasons: [] };
    expect(applyPolicy(facts, defaultPolicies["fpt.face_match"]).outcome).toBe("pass");
    const banded = { ...defaultPolicies["fpt.face_match"], faceMatch: { matchAbove: 0.8, borderlineFrom: 0.7 } };
    expect(applyPolicy(facts, banded)).toMatchObject({ outcome: "review", faceMatch: { band: "borderline", isMatch: false } });
  });

  it("no verdict and a quality code → error", () => {
    expect(applyPolicy(fpt({}, [reason("face_not_found", "quality")]), policy).outcome).toBe("error");
  });
});

describe("CVS", () => {
  it("face_matching bands, fraud codes and quality warnings", () => {
    const policy = defaultPolicies["cvs.face_match"];
    const facts = (similarity: number | null, reasons: Reason[] = []): VendorFacts => ({ kind: "cvs.face_match", similarity, vendorMatch: null, reasons });
    expect(applyPolicy(facts(0.9), policy).outcome).toBe("pass");
    expect(applyPolicy(facts(0.7), policy).outcome).toBe("review");
    expect(applyPolicy(facts(0.3), policy).outcome).toBe("fail");
    expect(applyPolicy(facts(0.9, [reason("id_card_photocopy", "fraud")]), policy).outcome).toBe("fail");
    expect(applyPolicy(facts(0.9, [reason("sunglasses", "quality", "warning")]), policy).outcome).toBe("review");
    expect(applyPolicy(facts(0.9, [reason("sunglasses", "quality", "warning")]), { ...policy, reviewOnQualityWarning: false }).outcome).toBe("pass");
    expect(applyPolicy(facts(null, [reason("face_not_found_portrait", "quality")]), policy).outcome).toBe("error");
    expect(applyPolicy({ kind: "cvs.face_match", similarity: null, vendorMatch: 0, reasons: [] }, policy).outcome).toBe("review");
  });

  it("verify_liveness: valid decides, a pair similarity near the threshold → review", () => {
    const policy = defaultPolicies["cvs.liveness_3angle"];
    const facts = (valid: boolean, left: number | null, right: number | null): VendorFacts => ({
      kind: "cvs.liveness_3angle",
      valid,
      matchingMidLeft: left,
      matchingMidRight: right,
      reasons: [],
    });
    expect(applyPolicy(facts(true, 0.95, 0.9), policy).outcome).toBe("pass");
    expect(applyPolicy(facts(true, 0.77, 0.9), policy).outcome).toBe("review");
    expect(applyPolicy(facts(false, 0.3, 0.9), policy)).toMatchObject({ outcome: "fail", reasons: [{ code: "not_live" }] });
    expect(applyPolicy(facts(true, 0.77, 0.9), { ...policy, reviewBand: 0 }).outcome).toBe("pass");
  });
});

describe("biometric.kz and Kairos", () => {
  it("biometric.kz: result decides; prediction near the threshold → review", () => {
    const policy = defaultPolicies["biometric_kz.liveness_selfie"];
    const facts = (result: boolean, prediction: number): VendorFacts => ({ kind: "biometric_kz.liveness_selfie", result, prediction, reasons: [] });
    expect(applyPolicy(facts(true, 0.98), policy).outcome).toBe("pass");
    expect(applyPolicy(facts(true, 0.52), policy).outcome).toBe("review");
    expect(applyPolicy(facts(false, 0.2), policy).outcome).toBe("fail");
    expect(applyPolicy(facts(true, 0.7), { ...policy, liveThreshold: 0.7, reviewBand: 0.1 }).outcome).toBe("review");
  });

  it("Kairos: live if faces_liveness >= threshold; configurable threshold and band", () => {
    const facts = (score: number, faceCount = 1, reasons: Reason[] = []): VendorFacts => ({ kind: "kairos.liveness_selfie", facesLiveness: score, faceCount, responseCode: 2, reasons });
    const policy = defaultPolicies["kairos.liveness_selfie"];
    expect(applyPolicy(facts(0.9), policy)).toMatchObject({ outcome: "pass", liveness: { isLive: true, score: 0.9 } });
    expect(applyPolicy(facts(0.6), { ...policy, reviewBand: 0 }).outcome).toBe("pass");
    expect(applyPolicy(facts(0.59), { ...policy, reviewBand: 0 }).outcome).toBe("fail");
    expect(applyPolicy(facts(0.58), policy).outcome).toBe("review");
    expect(applyPolicy(facts(0.0, 0, [reason("face_not_found", "quality")]), policy).outcome).toBe("error");
  });
});

describe("safety", () => {
  it("records the policy version and refuses a policy of another kind", () => {
    const facts: VendorFacts = { kind: "kairos.liveness_selfie", facesLiveness: 0.9, faceCount: 1, responseCode: 2, reasons: [] };
    expect(applyPolicy(facts, { ...defaultPolicies["kairos.liveness_selfie"], version: "2025-06-01" }).policyVersion).toBe("2025-06-01");
    const wrong = applyPolicy(facts, defaultPolicies["fpt.liveness_video"]);
    expect(wrong.outcome).toBe("error");
    expect(wrong.reasons.map((r) => r.code)).toEqual(["invalid_policy"]);
  });

  it("blocking vendor reasons (auth, quota, input, transient, vendor) always give error", () => {
    for (const category of ["auth", "quota", "input", "transient", "vendor"] as const) {
      const facts: VendorFacts = { kind: "biometric_kz.liveness_selfie", result: true, prediction: 0.99, reasons: [reason("x", category)] };
      expect(applyPolicy(facts, defaultPolicies["biometric_kz.liveness_selfie"]).outcome).toBe("error");
    }
  });
});
