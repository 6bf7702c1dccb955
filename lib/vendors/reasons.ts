import type { Reason, ReasonCategory, ReasonSeverity } from "@/lib/vendors/types";

/** One row of a vendor code table: how a vendor code reads in Verdict's vocabulary. */
export type ReasonTemplate = {
  code: string;
  message: string;
  severity: ReasonSeverity;
  category: ReasonCategory;
};

export function buildReason(template: ReasonTemplate, vendorCode: string | null, vendorMessage?: string | null): Reason {
  return {
    code: template.code,
    message: vendorMessage && vendorMessage.trim() !== "" ? vendorMessage : template.message,
    vendorCode,
    severity: template.severity,
    category: template.category,
  };
}

/** Reasons that do not come from a vendor table: our own transport and parsing failures. */
export const commonReasons = {
  timeout: { code: "timeout", message: "The vendor did not answer in time", severity: "error", category: "transient" },
  vendorUnreachable: {
    code: "vendor_unreachable",
    message: "The vendor could not be reached (connection refused, reset or DNS failure)",
    severity: "error",
    category: "transient",
  },
  vendorUnavailable: {
    code: "vendor_unavailable",
    message: "The vendor answered with a server error",
    severity: "error",
    category: "transient",
  },
  malformedResponse: {
    code: "malformed_response",
    message: "The vendor's answer does not match its documented format",
    severity: "error",
    category: "vendor",
  },
  unexpectedStatus: {
    code: "unexpected_http_status",
    message: "The vendor answered with an undocumented HTTP status",
    severity: "error",
    category: "vendor",
  },
  authFailed: { code: "auth_failed", message: "The vendor refused our credentials", severity: "error", category: "auth" },
  quotaExhausted: { code: "quota_exhausted", message: "The vendor account is out of requests", severity: "error", category: "quota" },
  missingMedia: { code: "missing_media", message: "A required media file is missing", severity: "error", category: "input" },
  invalidConfig: {
    code: "invalid_config",
    message: "The vendor configuration is incomplete or invalid",
    severity: "error",
    category: "input",
  },
  unsupportedCheck: {
    code: "unsupported_check_type",
    message: "This vendor does not serve this check type",
    severity: "error",
    category: "input",
  },
  invalidPolicy: { code: "invalid_policy", message: "The decision policy does not fit this vendor and check type", severity: "error", category: "input" },
} as const satisfies Record<string, ReasonTemplate>;
