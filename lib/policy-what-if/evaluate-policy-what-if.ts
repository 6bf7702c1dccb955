import { db } from "@/lib/db";
import { ValidationError } from "@/lib/errors";
import { policySchema, type Policy } from "@/lib/policy/policy-schemas";
import { computeMatchMetrics, computePadMetrics, type MatchMetrics, type PadMetrics } from "@/lib/test-sets/metrics";
import { isMatchingCheck } from "@/lib/test-sets/test-set-schemas";
import { livenessDecisionOf, matchDecisionOf } from "@/lib/test-sets/vendor-decision";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { WHAT_IF_FIELDS } from "@/lib/policy-what-if/what-if-fields";
import { normalizeVendorResponse } from "@/lib/vendors/normalize-response";
import type { CheckType, NormalizedResult, Outcome, VendorId } from "@/lib/vendors/types";

// Threshold what-if: re-decides stored vendor answers under a candidate policy, without calling
// any vendor. Each stored raw body goes through normalizeVendorResponse with the current policy and
// with the candidate, so both columns are judged the same way (not against outcomes recorded under
// older policy versions).

export type OutcomeCounts = Record<Outcome, number>;

export interface WhatIfResult {
  recent: { runs: number; current: OutcomeCounts; candidate: OutcomeCounts; changed: number };
  testSet: { id: string; name: string; items: number; kind: "liveness" | "matching"; current: PadMetrics | MatchMetrics; candidate: PadMetrics | MatchMetrics } | null;
}

/** The candidate policy: the current one with the slider values, validated. */
export function buildCandidatePolicy(current: Policy, values: Record<string, number | undefined>): Policy {
  const overrides = Object.fromEntries(WHAT_IF_FIELDS[current.kind].flatMap((f) => (values[f.key] === undefined ? [] : [[f.key, values[f.key]]])));
  const parsed = policySchema.safeParse({ ...current, ...overrides, version: "what-if" });
  if (!parsed.success) throw new ValidationError("These values do not make a valid policy.", fieldErrorsOf(parsed.error));
  return parsed.data;
}

interface StoredRun {
  outcome: Outcome | null;
  httpStatus: number | null;
  raw: unknown;
  latencyMs: number | null;
}

function redecide(vendor: VendorId, checkType: CheckType, run: StoredRun, policy: Policy): NormalizedResult | null {
  // Without an HTTP answer (network error, timeout) there is nothing to re-decide: still an error.
  if (run.httpStatus === null) return null;
  const body = typeof run.raw === "string" ? run.raw : run.raw === null || run.raw === undefined ? "" : JSON.stringify(run.raw);
  return normalizeVendorResponse({ vendor, checkType, httpStatus: run.httpStatus, body, contentType: typeof run.raw === "string" ? "text/plain" : "application/json", policy });
}

const emptyCounts = (): OutcomeCounts => ({ pass: 0, fail: 0, review: 0, error: 0 });

export async function evaluatePolicyWhatIf(input: {
  vendor: VendorId;
  checkType: CheckType;
  current: Policy;
  candidate: Policy;
  lastN: number;
  testSetId?: string | null;
}): Promise<WhatIfResult> {
  const { vendor, checkType } = input;
  const recentRuns = await db.vendorRun.findMany({
    where: { vendor, checkType, status: { in: ["completed", "failed"] } },
    orderBy: { finishedAt: "desc" },
    take: input.lastN,
    select: { outcome: true, httpStatus: true, raw: true, latencyMs: true },
  });
  const current = emptyCounts();
  const candidate = emptyCounts();
  let changed = 0;
  for (const run of recentRuns) {
    const a = redecide(vendor, checkType, run, input.current)?.outcome ?? "error";
    const b = redecide(vendor, checkType, run, input.candidate)?.outcome ?? "error";
    current[a]++;
    candidate[b]++;
    if (a !== b) changed++;
  }

  let testSet: WhatIfResult["testSet"] = null;
  if (input.testSetId) {
    const set = await db.testSet.findUnique({ where: { id: input.testSetId }, include: { items: { include: { verification: { select: { runs: { where: { vendor, status: { in: ["completed", "failed"] } }, orderBy: { attempt: "desc" }, take: 1, select: { outcome: true, httpStatus: true, raw: true, latencyMs: true } } } } } } } });
    if (set && set.checkType === checkType) {
      const labelled = set.items.flatMap((item) => (item.verification.runs[0] ? [{ item, run: item.verification.runs[0] }] : []));
      const decide = (policy: Policy) => labelled.map(({ item, run }) => ({ item, result: redecide(vendor, checkType, run, policy) }));
      const matching = isMatchingCheck(checkType);
      const metrics = (policy: Policy) => {
        const decided = decide(policy);
        return matching
          ? computeMatchMetrics(decided.map(({ item, result }) => ({ label: item.label === "same_person" ? "same_person" : "different_person", decision: matchDecisionOf(result?.outcome ?? "error", result) })))
          : computePadMetrics(decided.map(({ item, result }) => ({ label: item.label === "attack" ? "attack" : "bona_fide", attackType: item.attackType, decision: livenessDecisionOf(result?.outcome ?? "error", result) })));
      };
      testSet = { id: set.id, name: set.name, items: labelled.length, kind: matching ? "matching" : "liveness", current: metrics(input.current), candidate: metrics(input.candidate) };
    }
  }
  return { recent: { runs: recentRuns.length, current, candidate, changed }, testSet };
}
