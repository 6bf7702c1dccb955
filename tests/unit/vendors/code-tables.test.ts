import { describe, expect, it } from "vitest";
import { biometricKz400Details, findBiometricKzDetail } from "@/lib/vendors/biometric-kz/biometric-kz-codes";
import { cvsErrorCodes, cvsFaceMatchInvalidCodes, cvsLivenessInvalidCodes } from "@/lib/vendors/cvs/cvs-codes";
import { fptCodes } from "@/lib/vendors/fpt/fpt-codes";
import { kairosReasonForStatus } from "@/lib/vendors/kairos/kairos-codes";
import { normalizeVendorResponse } from "@/lib/vendors";

const table = (rows: Record<string, { code: string; category: string; severity: string } | null>) =>
  Object.fromEntries(Object.entries(rows).map(([k, v]) => [k, v ? `${v.code}/${v.category}/${v.severity}` : null]));

describe("CVS code tables", () => {
  it("errorCode 0-6", () => {
    expect(table(cvsErrorCodes)).toEqual({
      "0": null,
      "1": "empty_image/input/error",
      "2": "media_url_unavailable/input/error",
      "3": "invalid_image_format/input/error",
      "4": "quota_exhausted/quota/error",
      "5": "auth_failed/auth/error",
      "6": "invalid_format_type/input/error",
    });
  });

  it("verify_liveness invalidCode 0-8", () => {
    expect(table(cvsLivenessInvalidCodes)).toEqual({
      "0": null,
      "1": "face_not_found_mid/quality/error",
      "2": "face_not_found_left/quality/error",
      "3": "face_not_found_right/quality/error",
      "4": "mid_left_mismatch/fraud/error",
      "5": "mid_right_mismatch/fraud/error",
      "6": "invalid_image_mid/quality/error",
      "7": "invalid_image_left/quality/error",
      "8": "invalid_image_right/quality/error",
    });
  });

  it("face_matching invalidCode 0-12", () => {
    expect(table(cvsFaceMatchInvalidCodes)).toEqual({
      "0": null,
      "1": "id_card_not_found/quality/error",
      "2": "id_card_photocopy/fraud/error",
      "3": "id_card_tampered/fraud/error",
      "4": "face_not_found_id_card/quality/error",
      "5": "face_not_found_portrait/quality/error",
      "6": "multiple_faces/quality/error",
      "7": "sunglasses/quality/warning",
      "8": "hat/quality/warning",
      "9": "mask/quality/warning",
      "10": "presentation_attack/fraud/error",
      "11": "face_too_small/quality/warning",
      "12": "face_too_close_to_edge/quality/warning",
    });
  });

  it("keeps the document's message and an undocumented code is a vendor error", () => {
    const body = (errorCode: string) => JSON.stringify({ data: {}, errorCode, errorMessage: "" });
    expect(normalizeVendorResponse({ vendor: "cvs", checkType: "face_match", httpStatus: 200, body: body("4") }).reasons[0].message).toBe("Out of requests");
    const unknown = normalizeVendorResponse({ vendor: "cvs", checkType: "face_match", httpStatus: 200, body: body("99") });
    expect(unknown.reasons[0]).toMatchObject({ code: "unknown_vendor_code", vendorCode: "errorCode:99", category: "vendor" });
    expect(unknown.outcome).toBe("error");
  });
});

describe("FPT code table", () => {
  it("maps 200, 301-303, 406-413, 422, 423 (and the assumed 401/429)", () => {
    expect(table(fptCodes)).toEqual({
      "200": null,
      "301": "spoof/fraud/error",
      "302": "deepfake/fraud/error",
      "303": "face_mismatch/fraud/error",
      "406": "poor_face_quality/quality/error",
      "407": "face_not_found_document/quality/error",
      "408": "multiple_faces/quality/error",
      "409": "invalid_input/input/error",
      "410": "face_not_found/quality/error",
      "411": "face_too_small/quality/error",
      "412": "face_too_blurry/quality/error",
      "413": "still_image/fraud/error",
      "422": "no_frontal_face/quality/error",
      "423": "face_out_of_frame/quality/error",
      "401": "auth_failed/auth/error",
      "429": "quota_exhausted/quota/error",
    });
  });

  it("each code in a body becomes its reason, the vendor message kept", () => {
    for (const code of ["406", "408", "410", "411", "412", "422", "423"]) {
      const body = JSON.stringify({ code, message: `msg ${code}`, liveness: { code, message: `msg ${code}`, is_live: "N/A", spoof_prob: "N/A", need_to_review: "N/A" } });
      const result = normalizeVendorResponse({ vendor: "fpt", checkType: "liveness_video", httpStatus: 200, body });
      expect(result.outcome).toBe("error");
      expect(result.reasons).toEqual([{ ...fptCodes[code], vendorCode: code, message: `msg ${code}` }]);
    }
  });
});

describe("biometric.kz 400 details and 415", () => {
  it("maps all five 400 texts, whitespace and case aside", () => {
    expect(Object.fromEntries(Object.entries(biometricKz400Details).map(([d, t]) => [d, `${t.code}/${t.category}`]))).toEqual({
      "Could not send image to liveness service": "vendor_unavailable/transient",
      "Client does not have access to Liveness technology": "technology_access_denied/auth",
      "Subscription has not started": "subscription_not_started/quota",
      "No active or future subscription for technology": "no_active_subscription/quota",
      "Client does not have subscription": "no_subscription/quota",
    });
    expect(findBiometricKzDetail("  client does NOT have   subscription ")?.code).toBe("no_subscription");
  });

  it("400 and 415 bodies", () => {
    const run = (status: number, body: string) => normalizeVendorResponse({ vendor: "biometric_kz", checkType: "liveness_selfie", httpStatus: status, body });
    expect(run(400, '{"detail": "Subscription has not started"}').reasons[0]).toMatchObject({ code: "subscription_not_started", vendorCode: "Subscription has not started" });
    expect(run(415, '{"detail": "Not allowed file, valid extensions: .jpg .png .jpeg"}').reasons[0]).toMatchObject({ code: "unsupported_file_type", vendorCode: "HTTP 415" });
    expect(run(400, '{"detail": "Something new"}').reasons[0]).toMatchObject({ code: "invalid_request", category: "input" });
    expect(run(400, '{"image": ["No file was submitted."]}').reasons[0]).toMatchObject({ code: "invalid_request", category: "input" });
    expect(run(401, "Unauthorized").reasons[0]).toMatchObject({ code: "auth_failed", category: "auth" });
  });
});

describe("Kairos statuses and response_code", () => {
  it("4xx auth, 403 limits, 400 refused request", () => {
    expect(kairosReasonForStatus(401).code).toBe("auth_failed");
    expect(kairosReasonForStatus(407).code).toBe("auth_failed");
    expect(kairosReasonForStatus(403).code).toBe("quota_exhausted");
    expect(kairosReasonForStatus(400).code).toBe("invalid_request");
  });

  it("5xx is vendor_unavailable; response_code other than 2 is a warning that sends a pass to review", () => {
    const run = (status: number, body: string) => normalizeVendorResponse({ vendor: "kairos", checkType: "liveness_selfie", httpStatus: status, body });
    expect(run(503, "").reasons[0]).toMatchObject({ code: "vendor_unavailable", vendorCode: "HTTP 503", category: "transient" });
    const odd = run(200, JSON.stringify({ response_code: 5, response_data: { faces_liveness: 0.99, faces_predicted: [{ confidence: 0.9 }] } }));
    expect(odd.outcome).toBe("review");
    expect(odd.reasons[0]).toMatchObject({ code: "unexpected_response_code", vendorCode: "response_code:5", severity: "warning" });
  });
});
