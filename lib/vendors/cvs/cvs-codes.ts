import type { ReasonTemplate } from "@/lib/vendors/reasons";

/** errorCode table, shared by verify_liveness and face_matching (document 000 and 002). */
export const cvsErrorCodes: Record<string, ReasonTemplate | null> = {
  "0": null,
  "1": { code: "empty_image", message: "The photo does not contain content", severity: "error", category: "input" },
  "2": { code: "media_url_unavailable", message: "Url is unavailable", severity: "error", category: "input" },
  "3": { code: "invalid_image_format", message: "Incorrect image format", severity: "error", category: "input" },
  "4": { code: "quota_exhausted", message: "Out of requests", severity: "error", category: "quota" },
  "5": { code: "auth_failed", message: "Incorrect api_key or api_secret", severity: "error", category: "auth" },
  "6": { code: "invalid_format_type", message: "Incorrect format type", severity: "error", category: "input" },
};

/** verify_liveness warning table (invalidCode). */
export const cvsLivenessInvalidCodes: Record<string, ReasonTemplate | null> = {
  "0": null,
  "1": { code: "face_not_found_mid", message: "The mid image does not contain face", severity: "error", category: "quality" },
  "2": { code: "face_not_found_left", message: "The left image does not contain face", severity: "error", category: "quality" },
  "3": { code: "face_not_found_right", message: "The right image does not contain face", severity: "error", category: "quality" },
  "4": { code: "mid_left_mismatch", message: "The mid image and the left image do not match", severity: "error", category: "fraud" },
  "5": { code: "mid_right_mismatch", message: "The mid image and the right image do not match", severity: "error", category: "fraud" },
  "6": { code: "invalid_image_mid", message: "Invalid center image", severity: "error", category: "quality" },
  "7": { code: "invalid_image_left", message: "Invalid left image", severity: "error", category: "quality" },
  "8": { code: "invalid_image_right", message: "Invalid right image", severity: "error", category: "quality" },
};

/**
 * face_matching warning table (invalidCode). Codes that make matching impossible are errors;
 * accessories and framing are warnings (a match is still computed, a person should look).
 */
export const cvsFaceMatchInvalidCodes: Record<string, ReasonTemplate | null> = {
  "0": null,
  "1": { code: "id_card_not_found", message: "The ID card photo is not existed", severity: "error", category: "quality" },
  "2": { code: "id_card_photocopy", message: "The picture is a photocopy version of the id card", severity: "error", category: "fraud" },
  "3": { code: "id_card_tampered", message: "The ID card photo is suspected of tampering", severity: "error", category: "fraud" },
  "4": { code: "face_not_found_id_card", message: "The ID card photo does not contain a face", severity: "error", category: "quality" },
  "5": { code: "face_not_found_portrait", message: "The portrait photo does not contain a face", severity: "error", category: "quality" },
  "6": { code: "multiple_faces", message: "Photo contains more than one face", severity: "error", category: "quality" },
  "7": { code: "sunglasses", message: "Wearing sunglasses", severity: "warning", category: "quality" },
  "8": { code: "hat", message: "Wearing a hat", severity: "warning", category: "quality" },
  "9": { code: "mask", message: "Wearing a mask", severity: "warning", category: "quality" },
  "10": {
    code: "presentation_attack",
    message: "Photo taken from picture, screen, blurred noise or sign of fraud",
    severity: "error",
    category: "fraud",
  },
  "11": { code: "face_too_small", message: "The face in the picture is too small", severity: "warning", category: "quality" },
  "12": {
    code: "face_too_close_to_edge",
    message: "The face in the portrait photo is too close to the margin",
    severity: "warning",
    category: "quality",
  },
};

export const unknownCvsCode = (field: string): ReasonTemplate => ({
  code: "unknown_vendor_code",
  message: `CVS sent an undocumented ${field}`,
  severity: "error",
  category: "vendor",
});
