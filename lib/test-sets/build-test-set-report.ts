import { db } from "@/lib/db";
import { cohensKappa, type Agreement } from "@/lib/test-sets/metrics";
import { evaluateVendor, parseNormalized, type LabelledRun, type VendorEvaluation } from "@/lib/test-sets/evaluate-vendor";
import { isMatchingCheck } from "@/lib/test-sets/test-set-schemas";
import type { CheckType, VendorId } from "@/lib/vendors/types";

// The report of a test set: each vendor's latest run on each item, measured against the labels,
// and every pair of vendors measured against each other. Runs a built-in sandbox answered are test
// answers, not a vendor's: they are left out unless `includeSandbox` (the report's "Include sandbox
// answers" switch), and the report says how many were left out.

export interface ReportItem {
  itemId: string;
  verificationId: string;
  name: string | null;
  label: string;
  attackType: string | null;
  /** The latest run of each vendor; null while none or still open. */
  results: Partial<Record<VendorId, { outcome: string | null; score: number | null; latencyMs: number | null; attempt: number; sandbox: boolean } | null>>;
  pendingVendors: VendorId[];
}

export interface PairAgreement {
  a: VendorId;
  b: VendorId;
  /** On the four outcomes (pass / fail / review / error), over items both answered. */
  agreement: Agreement;
  disagreements: { itemId: string; verificationId: string; name: string | null; label: string; a: string | null; b: string | null }[];
}

export interface TestSetReport {
  testSet: { id: string; name: string; checkType: CheckType; description: string | null };
  kind: "liveness" | "matching";
  generatedAt: string;
  itemCount: number;
  vendors: VendorEvaluation[];
  pending: Partial<Record<VendorId, number>>;
  /** Whether the built-in sandboxes' answers are counted. */
  includeSandbox: boolean;
  /** Per vendor, runs answered by a built-in sandbox: left out (includeSandbox false) or counted (true). */
  sandboxRuns: Partial<Record<VendorId, number>>;
  agreements: PairAgreement[];
  items: ReportItem[];
}

export async function buildTestSetReport(testSetId: string, options: { includeSandbox?: boolean } = {}): Promise<TestSetReport | null> {
  const includeSandbox = options.includeSandbox ?? false;
  const testSet = await db.testSet.findUnique({ where: { id: testSetId } });
  if (!testSet) return null;
  const items = await db.testSetItem.findMany({
    where: { testSetId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    include: {
      verification: {
        select: {
          id: true,
          reference: true,
          runs: { select: { vendor: true, attempt: true, status: true, outcome: true, latencyMs: true, normalized: true, livenessScore: true, matchSimilarity: true, sandbox: true } },
        },
      },
    },
  });
  const kind = isMatchingCheck(testSet.checkType) ? "matching" : "liveness";
  const byVendor = new Map<VendorId, LabelledRun[]>();
  const pending: Partial<Record<VendorId, number>> = {};
  const sandboxRuns: Partial<Record<VendorId, number>> = {};
  const reportItems: ReportItem[] = [];

  for (const item of items) {
    const latest = new Map<VendorId, (typeof item.verification.runs)[number]>();
    for (const run of item.verification.runs) {
      if (run.sandbox && run.status !== "queued" && run.status !== "running") sandboxRuns[run.vendor] = (sandboxRuns[run.vendor] ?? 0) + 1;
    }
    const counted = includeSandbox ? item.verification.runs : item.verification.runs.filter((run) => !run.sandbox);
    for (const run of counted) if (!latest.has(run.vendor) || run.attempt > latest.get(run.vendor)!.attempt) latest.set(run.vendor, run);
    const results: ReportItem["results"] = {};
    const pendingVendors: VendorId[] = [];
    for (const [vendor, run] of latest) {
      if (run.status === "queued" || run.status === "running" || run.status === "cancelled") {
        if (run.status !== "cancelled") {
          pending[vendor] = (pending[vendor] ?? 0) + 1;
          pendingVendors.push(vendor);
        }
        results[vendor] = null;
        continue;
      }
      const normalized = parseNormalized(run.normalized);
      const score = kind === "liveness" ? (normalized?.liveness?.score ?? run.livenessScore) : (normalized?.faceMatch?.similarity ?? run.matchSimilarity);
      results[vendor] = { outcome: run.outcome, score, latencyMs: run.latencyMs, attempt: run.attempt, sandbox: run.sandbox };
      const labelled: LabelledRun = {
        itemKey: item.id,
        label: item.label,
        attackType: item.attackType,
        vendor,
        outcome: run.outcome,
        latencyMs: run.latencyMs,
        normalized,
        livenessScore: run.livenessScore,
        matchSimilarity: run.matchSimilarity,
      };
      byVendor.set(vendor, [...(byVendor.get(vendor) ?? []), labelled]);
    }
    reportItems.push({ itemId: item.id, verificationId: item.verificationId, name: item.verification.reference, label: item.label, attackType: item.attackType, results, pendingVendors });
  }

  const vendorIds = [...new Set([...byVendor.keys(), ...(Object.keys(pending) as VendorId[])])].sort();
  const vendors = vendorIds.map((vendor) => evaluateVendor(vendor, kind, byVendor.get(vendor) ?? []));
  const agreements: PairAgreement[] = [];
  for (let i = 0; i < vendorIds.length; i++) {
    for (let j = i + 1; j < vendorIds.length; j++) {
      const a = vendorIds[i];
      const b = vendorIds[j];
      const both = reportItems.filter((it) => it.results[a] && it.results[b]);
      const pairs = both.map((it) => [it.results[a]!.outcome ?? "none", it.results[b]!.outcome ?? "none"] as [string, string]);
      agreements.push({
        a,
        b,
        agreement: cohensKappa(pairs),
        disagreements: both
          .filter((it) => it.results[a]!.outcome !== it.results[b]!.outcome)
          .map((it) => ({ itemId: it.itemId, verificationId: it.verificationId, name: it.name, label: it.attackType ? `${it.label} (${it.attackType})` : it.label, a: it.results[a]!.outcome, b: it.results[b]!.outcome })),
      });
    }
  }
  return {
    testSet: { id: testSet.id, name: testSet.name, checkType: testSet.checkType, description: testSet.description },
    kind,
    generatedAt: new Date().toISOString(),
    itemCount: items.length,
    vendors,
    pending,
    includeSandbox,
    sandboxRuns,
    agreements,
    items: reportItems,
  };
}
