import type { EngineImageReading } from "@/lib/face-engine/analyse-image";
import { readCheck, type AnalysedMedia } from "@/lib/face-engine/read-check";
import type { Policy, PolicyInput } from "@/lib/policy/policy-schemas";
import { buildErrorResult, normalizeVendorResponse, resolvePolicy } from "@/lib/vendors/normalize-response";
import { buildReason, commonReasons } from "@/lib/vendors/reasons";
import type { CheckType, MediaInput, NormalizedResult } from "@/lib/vendors/types";
import { findCheckSpec } from "@/lib/vendors/vendor-registry";

export interface LocalCheckResult {
  result: NormalizedResult;
  /** The faces found per media role (and frame), with their embeddings, to store. */
  analysed: AnalysedMedia[];
}

/**
 * Runs one check on Verdict's own engine, in this process (a job worker: never a web request).
 * Never throws: a failure of the engine is an `error` outcome like a vendor's.
 */
export async function runLocalCheck(input: {
  checkType: CheckType;
  media: MediaInput[];
  policy?: Policy | PolicyInput;
  /** Readings already stored for some pictures, by media role: reused, not analysed again. */
  stored?: ReadonlyMap<string, EngineImageReading>;
}): Promise<LocalCheckResult> {
  const { checkType } = input;
  const spec = findCheckSpec("local", checkType);
  if (!spec) return { result: buildErrorResult("local", checkType, { reasons: [buildReason(commonReasons.unsupportedCheck, null)] }), analysed: [] };
  const policy = resolvePolicy("local", checkType, input.policy);
  if (!policy) return { result: buildErrorResult("local", checkType, { reasons: [buildReason(commonReasons.invalidPolicy, null)] }), analysed: [] };
  const missing = spec.requiredRoles.filter((role) => !input.media.some((m) => m.role === role));
  if (missing.length) {
    const reasons = missing.map((role) => buildReason(commonReasons.missingMedia, null, `Missing media: ${role}`));
    return { result: buildErrorResult("local", checkType, { reasons, policyVersion: policy.version }), analysed: [] };
  }
  const started = performance.now();
  try {
    const roles = new Set<string>([...spec.requiredRoles, ...spec.optionalRoles]);
    const media = input.media.filter((m) => roles.has(m.role));
    const { reading, analysed } = await readCheck(checkType, media, { videoFrames: policy.kind === "local.liveness_video" ? policy.frames : 6, stored: input.stored });
    const latencyMs = performance.now() - started;
    // The reading goes through the same interpret → policy path as a vendor's body (status 200 is what
    // that path expects of an answer); nothing went over HTTP, so the result records no HTTP status.
    const interpreted = normalizeVendorResponse({ vendor: "local", checkType, httpStatus: 200, body: JSON.stringify(reading), contentType: "application/json", policy, latencyMs });
    return { result: { ...interpreted, httpStatus: null }, analysed };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const reasons = [{ code: "engine_failure", message: `The engine failed: ${message}`, vendorCode: null, severity: "error" as const, category: "vendor" as const }];
    return { result: buildErrorResult("local", checkType, { reasons, latencyMs: performance.now() - started, policyVersion: policy.version }), analysed: [] };
  }
}
