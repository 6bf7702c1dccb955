import type { ReasonTemplate } from "@/lib/vendors/reasons";

/**
 * Kairos documents HTTP classes, not codes: 4xx = authentication failure, 403 = usage limit,
 * 5xx = server error (handled by the transport: retried, then vendor_unavailable).
 * 400/422 are read as a refused request (our assumption; the sandbox sends 400 for a missing selfie).
 */
export function kairosReasonForStatus(status: number): ReasonTemplate {
  if (status === 403) return { code: "quota_exhausted", message: "Kairos usage limit reached", severity: "error", category: "quota" };
  if (status === 400 || status === 422) return { code: "invalid_request", message: "Kairos refused the request", severity: "error", category: "input" };
  return { code: "auth_failed", message: "Kairos refused app_id/app_key", severity: "error", category: "auth" };
}

/** The only response_code the document shows (on a processed selfie). */
export const KAIROS_PROCESSED_RESPONSE_CODE = 2;

export const kairosReasons = {
  faceNotFound: { code: "face_not_found", message: "No face was detected in the selfie", severity: "error", category: "quality" },
  multipleFaces: { code: "multiple_faces", message: "More than one face was detected in the selfie", severity: "warning", category: "quality" },
  unexpectedResponseCode: {
    code: "unexpected_response_code",
    message: "Kairos sent a response_code other than the documented 2",
    severity: "warning",
    category: "vendor",
  },
} as const satisfies Record<string, ReasonTemplate>;
