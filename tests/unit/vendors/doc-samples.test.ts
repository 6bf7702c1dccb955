import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { normalizeVendorResponse, normalizedResultSchema, type CheckType, type VendorId } from "@/lib/vendors";

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, "../../fixtures/vendors", name), "utf8");
/** FPT's error samples are indented with U+00A0 by the web page they were copied from (see the fixtures README). */
const withPlainSpaces = (text: string) => text.replace(/\u00a0/g, " ");

function normalize(vendor: VendorId, checkType: CheckType, httpStatus: number, body: string) {
  const result = normalizeVendorResponse({ vendor, checkType, httpStatus, body });
  expect(normalizedResultSchema.safeParse(result).success).toBe(true);
  return result;
}

describe("FPT Liveness v3: the document's samples", () => {
  it("first sample (live, low-resolution warning, isMatch false at 18.45)", () => {
    const result = normalize("fpt", "liveness_video", 200, fixture("fpt-v3-sample-success-with-warning.json"));
    expect(result.vendorVerdict).toEqual({
      code: "200",
      is_live: true,
      spoof_prob: 0.0015,
      need_to_review: false,
      is_deepfake: false,
      deepfake_prob: 0,
      isMatch: false,
      similarity: 18.45,
    });
    expect(result.liveness).toEqual({ isLive: true, score: 0.9985, spoofProb: 0.0015, deepfakeProb: 0 });
    expect(result.faceMatch).toEqual({ similarity: 0.1845, isMatch: false, band: "no_match" });
    expect(result.warnings).toEqual(["Resolution of video is too low. Please upload video with at least HD resolution to ensure accuracy"]);
    expect(result.outcome).toBe("fail");
    expect(result.reasons.map((r) => r.code)).toEqual(["face_mismatch"]);
  });

  it("success sample (N/A deepfake fields, match 99.97)", () => {
    const result = normalize("fpt", "liveness_video", 200, fixture("fpt-v3-sample-success.json"));
    expect(result.outcome).toBe("pass");
    expect(result.liveness).toEqual({ isLive: true, score: 0.6413, spoofProb: 0.3587, deepfakeProb: null });
    expect(result.faceMatch).toEqual({ similarity: 0.9997, isMatch: true, band: "match" });
    expect(result.warnings).toEqual([]);
    expect(result.reasons).toEqual([]);
  });

  it("303 sample", () => {
    const result = normalize("fpt", "face_match", 200, withPlainSpaces(fixture("fpt-v3-sample-error-303.json")));
    expect(result.outcome).toBe("fail");
    expect(result.reasons).toEqual([
      { code: "face_mismatch", message: "face is not matching with document", vendorCode: "303", severity: "error", category: "fraud" },
    ]);
    expect(result.faceMatch).toEqual({ similarity: 0.007, isMatch: false, band: "no_match" });
  });

  it("the same 303 sample with the page's U+00A0 indentation is not JSON: error, raw text kept", () => {
    const text = fixture("fpt-v3-sample-error-303.json");
    const result = normalize("fpt", "face_match", 200, text);
    expect(result.outcome).toBe("error");
    expect(result.reasons.map((r) => r.code)).toEqual(["malformed_response"]);
    expect(result.raw).toBe(text);
  });

  it("407 sample: liveness fine, no face in the document", () => {
    const liveness = normalize("fpt", "liveness_video", 200, fixture("fpt-v3-sample-error-407.json"));
    expect(liveness.outcome).toBe("review");
    expect(liveness.reasons.map((r) => [r.code, r.category, r.vendorCode])).toEqual([["face_not_found_document", "quality", "407"]]);
    expect(liveness.liveness?.isLive).toBe(true);
    const match = normalize("fpt", "face_match", 200, fixture("fpt-v3-sample-error-407.json"));
    expect(match.outcome).toBe("error");
  });

  it("413 sample: still image", () => {
    const result = normalize("fpt", "liveness_video", 200, fixture("fpt-v3-sample-error-413.json"));
    expect(result.outcome).toBe("fail");
    expect(result.reasons.map((r) => r.code)).toEqual(["still_image"]);
    expect(result.reasons[0].message).toBe("Video may seem like image");
    expect(result.liveness).toEqual({ isLive: false, score: null, spoofProb: null, deepfakeProb: null });
    expect(result.faceMatch).toBeUndefined();
  });

  it("409 sample: invalid input, no verdict", () => {
    const result = normalize("fpt", "liveness_video", 200, fixture("fpt-v3-sample-error-409.json"));
    expect(result.outcome).toBe("error");
    expect(result.reasons).toEqual([
      { code: "invalid_input", message: "Invalid upload image", vendorCode: "409", severity: "error", category: "input" },
    ]);
    expect(result.liveness).toBeUndefined();
  });
});

describe("biometric.kz: the document's samples (Python None, missing commas)", () => {
  it("live sample", () => {
    const text = fixture("biometric-kz-sample-live.txt");
    const result = normalize("biometric_kz", "liveness_selfie", 200, text);
    expect(result.outcome).toBe("pass");
    expect(result.vendorVerdict).toEqual({ result: true, prediction: 0.982312, failure_type: null });
    expect(result.liveness).toEqual({ isLive: true, score: 0.982312 });
    expect(result.raw).toBe(text);
    expect(result.warnings[0]).toMatch(/parsed leniently/);
  });

  it("not-live sample with failure_reason CALC_RESULT", () => {
    const result = normalize("biometric_kz", "liveness_selfie", 200, fixture("biometric-kz-sample-not-live.txt"));
    expect(result.outcome).toBe("fail");
    expect(result.reasons).toEqual([
      { code: "low_liveness_score", message: "Low overall prediciton", vendorCode: "CALC_RESULT", severity: "error", category: "fraud" },
    ]);
  });

  it("strict JSON bodies parse without the warning", () => {
    const result = normalize("biometric_kz", "liveness_selfie", 200, '{"result": true, "prediction": "0.9", "created_at": "x", "failure_reason": null}');
    expect(result.outcome).toBe("pass");
    expect(result.warnings).toEqual([]);
    expect(result.raw).toEqual({ result: true, prediction: "0.9", created_at: "x", failure_reason: null });
  });
});

describe("Kairos: the document's sample", () => {
  it("faces_liveness 0.0 with the default threshold 0.6 is not live", () => {
    const result = normalize("kairos", "liveness_selfie", 200, fixture("kairos-sample-200.json"));
    expect(result.outcome).toBe("fail");
    expect(result.vendorVerdict).toEqual({ response_code: 2, faces_liveness: 0, threshold: 0.6, live: false });
    expect(result.liveness).toEqual({ isLive: false, score: 0 });
    expect(result.reasons.map((r) => r.code)).toEqual(["not_live"]);
  });
});

describe("CVS: bodies filled from the documented templates", () => {
  it("verify_liveness valid True", () => {
    const result = normalize("cvs", "liveness_3angle", 200, fixture("cvs-verify-liveness-valid.json"));
    expect(result.outcome).toBe("pass");
    expect(result.vendorVerdict).toEqual({ valid: true, invalidCode: "0", matching_mid_left: 93.12, matching_mid_right: 91.4 });
  });

  it("verify_liveness mid/left mismatch", () => {
    const result = normalize("cvs", "liveness_3angle", 200, fixture("cvs-verify-liveness-mismatch.json"));
    expect(result.outcome).toBe("fail");
    expect(result.reasons[0]).toMatchObject({ code: "mid_left_mismatch", vendorCode: "invalidCode:4" });
    expect(result.warnings).toEqual(["The mid image and the left image do not match"]);
  });

  it("face_matching match 0 (borderline)", () => {
    const result = normalize("cvs", "face_match", 200, fixture("cvs-face-matching-borderline.json"));
    expect(result.outcome).toBe("review");
    expect(result.faceMatch).toEqual({ similarity: 0.7025, isMatch: false, band: "borderline" });
    expect(result.vendorVerdict.match).toBe(0);
  });

  it("errorCode 5", () => {
    const result = normalize("cvs", "face_match", 200, fixture("cvs-error-auth.json"));
    expect(result.outcome).toBe("error");
    expect(result.reasons[0]).toMatchObject({ code: "auth_failed", category: "auth", vendorCode: "errorCode:5" });
  });
});

describe("bodies that do not fit", () => {
  const cases: [VendorId, CheckType, string][] = [
    ["cvs", "liveness_3angle", '{"data": {"valid": "maybe", "invalidCode": "0"}, "errorCode": "0"}'],
    ["cvs", "face_match", '{"errorMessage": "no code"}'],
    ["fpt", "liveness_video", '{"code": "200", "liveness": {"is_live": "yes"}}'],
    ["biometric_kz", "liveness_selfie", '{"prediction": "0.9"}'],
    ["kairos", "liveness_selfie", '{"response_code": 2, "response_data": {"faces_liveness": "high"}}'],
    ["kairos", "liveness_selfie", "[1, 2, 3]"],
    ["fpt", "liveness_video", "<html><body>Bad gateway</body></html>"],
  ];
  for (const [vendor, checkType, body] of cases) {
    it(`${vendor}: ${body.slice(0, 40)} → malformed_response, raw kept`, () => {
      const result = normalize(vendor, checkType, 200, body);
      expect(result.outcome).toBe("error");
      expect(result.reasons.map((r) => r.code)).toEqual(["malformed_response"]);
      expect(result.raw).toEqual(body.startsWith("<") ? body : JSON.parse(body));
    });
  }

  it("an empty body is malformed with raw null", () => {
    const result = normalize("kairos", "liveness_selfie", 200, "");
    expect(result.reasons.map((r) => r.code)).toEqual(["malformed_response"]);
    expect(result.raw).toBeNull();
  });
});
