import type { ReasonTemplate } from "@/lib/vendors/reasons";

/** Reasons the policy adds on top of the vendor's own codes (vendorCode is null for these). */
export const policyReasons = {
  livenessBorderline: {
    code: "liveness_borderline",
    message: "The liveness score is within the review band around the threshold",
    severity: "warning",
    category: "fraud",
  },
  deepfakeBorderline: {
    code: "deepfake_borderline",
    message: "The deepfake probability is within the review band around the threshold",
    severity: "warning",
    category: "fraud",
  },
  pairSimilarityBorderline: {
    code: "angle_similarity_borderline",
    message: "The similarity between two angles is within the review band around the threshold",
    severity: "warning",
    category: "fraud",
  },
  faceMatchBorderline: {
    code: "face_match_borderline",
    message: "The face similarity is in the borderline band",
    severity: "warning",
    category: "fraud",
  },
  notLive: { code: "not_live", message: "The face was not judged live", severity: "error", category: "fraud" },
  spoof: { code: "spoof", message: "The face was judged a spoof", severity: "error", category: "fraud" },
  deepfake: { code: "deepfake", message: "The video was judged a deepfake", severity: "error", category: "fraud" },
  faceMismatch: { code: "face_mismatch", message: "The faces do not match", severity: "error", category: "fraud" },
  vendorReviewRequested: {
    code: "vendor_review_requested",
    message: "The vendor asks for a human review (need_to_review)",
    severity: "warning",
    category: "fraud",
  },
  noVerdict: {
    code: "no_verdict",
    message: "The vendor returned no usable verdict",
    severity: "error",
    category: "vendor",
  },
} as const satisfies Record<string, ReasonTemplate>;
