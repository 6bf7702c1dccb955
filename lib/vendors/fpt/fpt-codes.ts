import type { ReasonTemplate } from "@/lib/vendors/reasons";

/** FPT Liveness v3 code table (document 001), plus 407 from its sample responses. */
export const fptCodes: Record<string, ReasonTemplate | null> = {
  "200": null,
  "301": { code: "spoof", message: "Face in video is spoof", severity: "error", category: "fraud" },
  "302": { code: "deepfake", message: "Video seems like deepfake", severity: "error", category: "fraud" },
  "303": { code: "face_mismatch", message: "Face is not matching with document", severity: "error", category: "fraud" },
  "406": { code: "poor_face_quality", message: "Face quality is not good enough (covered, too dark/bright..)", severity: "error", category: "quality" },
  "407": { code: "face_not_found_document", message: "No faces detected in document", severity: "error", category: "quality" },
  "408": { code: "multiple_faces", message: "More than 1 face in the video", severity: "error", category: "quality" },
  "409": {
    code: "invalid_input",
    message: "No video uploaded/Wrong extension/Video is too short/Invalid input",
    severity: "error",
    category: "input",
  },
  "410": { code: "face_not_found", message: "No face/Lost face in the video", severity: "error", category: "quality" },
  "411": { code: "face_too_small", message: "The face is too small", severity: "error", category: "quality" },
  "412": { code: "face_too_blurry", message: "The face is too blurry", severity: "error", category: "quality" },
  "413": { code: "still_image", message: "Video is still image", severity: "error", category: "fraud" },
  "422": { code: "no_frontal_face", message: "No frontal face in video", severity: "error", category: "quality" },
  "423": { code: "face_out_of_frame", message: "Face is out of frame during video", severity: "error", category: "quality" },
  // Not in the document (assumed, also what the sandbox sends): bad api-key and exhausted quota.
  "401": { code: "auth_failed", message: "Invalid API key", severity: "error", category: "auth" },
  "429": { code: "quota_exhausted", message: "Out of quota", severity: "error", category: "quota" },
};

export const unknownFptCode: ReasonTemplate = {
  code: "unknown_vendor_code",
  message: "FPT sent an undocumented code",
  severity: "error",
  category: "vendor",
};
