import type { ReasonTemplate } from "@/lib/vendors/reasons";

/** 400 `detail` texts of the error table (document 003), matched case- and space-insensitively. */
export const biometricKz400Details: Record<string, ReasonTemplate> = {
  "Could not send image to liveness service": {
    code: "vendor_unavailable",
    message: "biometric.kz could not reach its liveness service",
    severity: "error",
    category: "transient",
  },
  "Client does not have access to Liveness technology": {
    code: "technology_access_denied",
    message: "No access to the Liveness technology (no subscription, expired, or technology inactive)",
    severity: "error",
    category: "auth",
  },
  "Subscription has not started": {
    code: "subscription_not_started",
    message: "The subscription has not started yet",
    severity: "error",
    category: "quota",
  },
  "No active or future subscription for technology": {
    code: "no_active_subscription",
    message: "No active or future subscription for the technology",
    severity: "error",
    category: "quota",
  },
  "Client does not have subscription": {
    code: "no_subscription",
    message: "The client has no subscription",
    severity: "error",
    category: "quota",
  },
};

export const biometricKzUnsupportedFile: ReasonTemplate = {
  code: "unsupported_file_type",
  message: "Not allowed file, valid extensions: .jpg .png .jpeg",
  severity: "error",
  category: "input",
};

export const biometricKzInvalidRequest: ReasonTemplate = {
  code: "invalid_request",
  message: "biometric.kz refused the request",
  severity: "error",
  category: "input",
};

/** failure_reason.type values; only CALC_RESULT appears in the document. */
export const biometricKzFailureTypes: Record<string, ReasonTemplate> = {
  CALC_RESULT: { code: "low_liveness_score", message: "Low overall prediction", severity: "error", category: "fraud" },
};

export const biometricKzUnknownFailure: ReasonTemplate = {
  code: "liveness_failed",
  message: "biometric.kz reported a liveness failure",
  severity: "error",
  category: "fraud",
};

const normalizeDetail = (text: string) => text.trim().replace(/\s+/g, " ").toLowerCase();
const detailIndex = new Map(Object.entries(biometricKz400Details).map(([detail, t]) => [normalizeDetail(detail), t]));

export function findBiometricKzDetail(detail: string): ReasonTemplate | null {
  return detailIndex.get(normalizeDetail(detail)) ?? null;
}
