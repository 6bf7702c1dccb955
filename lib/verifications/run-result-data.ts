import type { Prisma } from "@/lib/generated/prisma/client";
import type { Attempt, NormalizedResult } from "@/lib/vendors/types";

export function toJson(value: unknown): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(value ?? null)) as Prisma.InputJsonValue;
}

function vendorVerdictText(result: NormalizedResult): string | null {
  const entries = Object.entries(result.vendorVerdict);
  return entries.length ? entries.map(([k, v]) => `${k}:${String(v)}`).join(" ").slice(0, 200) : null;
}

/**
 * Whether a built-in sandbox gave this answer: the call went to a base URL that is the sandbox's
 * (the vendor config says so), or an answer carried the sandbox's `Verdict-Sandbox: 1` header
 * (a sandbox at an address Verdict did not start it on, e.g. `npm run sandbox` elsewhere).
 */
export function answeredBySandbox(sentToSandbox: boolean, attempts: readonly Pick<Attempt, "sandbox">[]): boolean {
  return sentToSandbox || attempts.some((a) => a.sandbox === true);
}

// The columns of a finished VendorRun, from the vendor's normalized answer. The raw body is kept
// in its own column, exactly as the vendor sent it (JSON, or the text when it was not JSON).
export function finishedRunData(result: NormalizedResult, policyId: string | null, attempts: Prisma.InputJsonValue, sandbox: boolean) {
  return {
    status: result.outcome === "error" ? ("failed" as const) : ("completed" as const),
    outcome: result.outcome,
    vendorVerdict: vendorVerdictText(result),
    livenessScore: result.liveness?.score ?? null,
    matchSimilarity: result.faceMatch?.similarity ?? null,
    httpStatus: result.httpStatus,
    latencyMs: Math.round(result.latencyMs),
    // The raw body lives in its own column; the normalized copy keeps the field, empty.
    normalized: toJson({ ...result, raw: null }),
    raw: toJson(result.raw),
    attempts,
    policyId,
    sandbox,
    finishedAt: new Date(),
  };
}
