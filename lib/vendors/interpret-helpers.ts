import { z } from "zod";
import type { Interpretation } from "@/lib/vendors/vendor-adapter";
import { buildReason, commonReasons } from "@/lib/vendors/reasons";
import type { Reason, VerdictValue } from "@/lib/vendors/types";
import { toUnitScore } from "@/lib/vendors/wire-values";

/** The body did not fit the documented shape: an `error` outcome, never a throw (raw is kept by the caller). */
export function rejectMalformed(detail: string | z.ZodError, vendorCode: string | null = null): Interpretation {
  const text = typeof detail === "string" ? detail : z.prettifyError(detail);
  return {
    kind: "rejected",
    reasons: [buildReason(commonReasons.malformedResponse, vendorCode, `${commonReasons.malformedResponse.message}: ${text}`)],
    vendorVerdict: {},
    warnings: [],
  };
}

/** For an HTTP error without a body the vendor documents. */
export function reasonForBareHttpStatus(status: number): Reason {
  const vendorCode = `HTTP ${status}`;
  if (status === 401 || status === 403) return buildReason(commonReasons.authFailed, vendorCode);
  if (status === 429) return buildReason(commonReasons.quotaExhausted, vendorCode);
  return buildReason(commonReasons.unexpectedStatus, vendorCode, `${commonReasons.unexpectedStatus.message} (${status})`);
}

export function rejectWith(reasons: Reason[], vendorVerdict: Record<string, VerdictValue> = {}, warnings: string[] = []): Interpretation {
  return { kind: "rejected", reasons, vendorVerdict, warnings };
}

/** Vendors that do not say whether a score is a percentage: > 1 is read as percent. */
export function toUnitScale(value: number | null): number | null {
  if (value === null) return null;
  return toUnitScore(value > 1 ? value / 100 : value);
}
