import { applyPolicy } from "@/lib/policy/apply-policy";
import { getDefaultPolicy } from "@/lib/policy/default-policies";
import { findPolicyKind, policySchema, type Policy, type PolicyInput } from "@/lib/policy/policy-schemas";
import { readBody } from "@/lib/vendors/http/read-body";
import { buildReason, commonReasons } from "@/lib/vendors/reasons";
import {
  runCheckOptionsSchema,
  type Attempt,
  type CheckType,
  type NormalizedResult,
  type Reason,
  type RunCheckOptions,
  type VendorId,
  type VerdictValue,
} from "@/lib/vendors/types";
import { vendorAdapters } from "@/lib/vendors/vendor-adapters";
import { findCheckSpec } from "@/lib/vendors/vendor-registry";

export type ErrorResultParts = {
  vendorVerdict?: Record<string, VerdictValue>;
  reasons: Reason[];
  warnings?: string[];
  attempts?: Attempt[];
  latencyMs?: number;
  httpStatus?: number | null;
  raw?: unknown;
  policyVersion?: string;
};

export function buildErrorResult(vendor: VendorId, checkType: CheckType, parts: ErrorResultParts): NormalizedResult {
  return {
    vendor,
    checkType,
    outcome: "error",
    vendorVerdict: parts.vendorVerdict ?? {},
    reasons: parts.reasons,
    warnings: parts.warnings ?? [],
    latencyMs: parts.latencyMs ?? 0,
    httpStatus: parts.httpStatus ?? null,
    attempts: parts.attempts ?? [],
    raw: parts.raw ?? null,
    ...(parts.policyVersion ? { policyVersion: parts.policyVersion } : {}),
  };
}

/** The given policy if it fits this vendor + check type, the built-in default when none is given, else null. */
export function resolvePolicy(vendor: VendorId, checkType: CheckType, policy: Policy | PolicyInput | undefined): Policy | null {
  if (!policy) return getDefaultPolicy(vendor, checkType);
  const parsed = policySchema.safeParse(policy);
  return parsed.success && parsed.data.kind === findPolicyKind(vendor, checkType) ? parsed.data : null;
}

export type NormalizeResponseInput = {
  vendor: VendorId;
  checkType: CheckType;
  httpStatus: number;
  /** The body text exactly as received. */
  body: string;
  contentType?: string | null;
  policy?: Policy | PolicyInput;
  options?: RunCheckOptions;
  attempts?: Attempt[];
  latencyMs?: number;
};

/**
 * Parses, validates and decides on one vendor answer, without any HTTP: used by runCheck, and usable
 * for vendor results a client already got (posted to Verdict) or stored raw bodies being re-evaluated.
 */
export function normalizeVendorResponse(input: NormalizeResponseInput): NormalizedResult {
  const { vendor, checkType } = input;
  const policy = resolvePolicy(vendor, checkType, input.policy);
  if (!findCheckSpec(vendor, checkType)) return buildErrorResult(vendor, checkType, { reasons: [buildReason(commonReasons.unsupportedCheck, null)] });
  if (!policy) return buildErrorResult(vendor, checkType, { reasons: [buildReason(commonReasons.invalidPolicy, null)] });
  const options = runCheckOptionsSchema.safeParse(input.options ?? {});
  const adapter = vendorAdapters[vendor];
  const body = readBody(input.body, { allowLenient: adapter.allowLenientJson });
  const common = {
    attempts: input.attempts ?? [],
    latencyMs: input.latencyMs ?? 0,
    httpStatus: input.httpStatus,
    raw: body.raw,
    policyVersion: policy.version,
  };
  if (!options.success) {
    return buildErrorResult(vendor, checkType, { ...common, reasons: [buildReason(commonReasons.invalidConfig, null, "Invalid options")] });
  }
  if (input.httpStatus >= 500) {
    return buildErrorResult(vendor, checkType, { ...common, reasons: [buildReason(commonReasons.vendorUnavailable, `HTTP ${input.httpStatus}`)] });
  }
  const interpretation = adapter.interpretResponse({
    checkType,
    response: { status: input.httpStatus, contentType: input.contentType ?? null, bodyText: input.body },
    body,
    policy,
    options: options.data,
  });
  const lenientWarning =
    body.kind === "json" && body.lenient ? ["The vendor's body was not strict JSON (Python literals or missing commas); parsed leniently"] : [];
  if (interpretation.kind === "rejected") {
    return buildErrorResult(vendor, checkType, {
      ...common,
      vendorVerdict: interpretation.vendorVerdict,
      reasons: interpretation.reasons,
      warnings: [...interpretation.warnings, ...lenientWarning],
    });
  }
  const decision = applyPolicy(interpretation.facts, policy);
  return {
    vendor,
    checkType,
    outcome: decision.outcome,
    vendorVerdict: interpretation.vendorVerdict,
    ...(decision.liveness ? { liveness: decision.liveness } : {}),
    ...(decision.faceMatch ? { faceMatch: decision.faceMatch } : {}),
    reasons: [...interpretation.facts.reasons, ...decision.reasons],
    warnings: [...interpretation.warnings, ...lenientWarning],
    latencyMs: common.latencyMs,
    httpStatus: common.httpStatus,
    attempts: common.attempts,
    raw: common.raw,
    policyVersion: decision.policyVersion,
  };
}
