import { readDb } from "@/lib/db";
import type { DashboardFilters } from "@/lib/dashboards/dashboard-filters";
import { BUCKET_NAME, dimensionConditions, seriesRows } from "@/lib/dashboards/rollup-sql";
import { enumerateBuckets } from "@/lib/dashboards/time-buckets";
import { checkTypes, vendorIds, type CheckType, type VendorId } from "@/lib/vendors/types";

// Pass / fail / review / error rates. One vendor answer = the latest attempt of one vendor on one
// verification (a rerun replaces the earlier answer), counted in the bucket of the verification's
// creation — the same rule as the verifications list's vendor + outcome filter, so a drill-down finds
// the counted rows. Rates are shares of the answered ones; `pending` are runs still in flight.

export interface OutcomeCounts {
  answers: number;
  pass: number;
  fail: number;
  review: number;
  error: number;
  pending: number;
}

export interface OutcomeRates {
  passRate: number | null;
  failRate: number | null;
  reviewRate: number | null;
  errorRate: number | null;
}

export type OutcomeBucketRow = { bucket: string; verifications: number } & OutcomeCounts & OutcomeRates;
export type OutcomeGroupRow = { vendor: VendorId; checkType: CheckType } & OutcomeCounts & OutcomeRates;

export interface OutcomeRatesReport {
  buckets: OutcomeBucketRow[];
  byVendorAndCheckType: OutcomeGroupRow[];
  /** Pass rate per bucket for each vendor present in the range (null where it had no answer). */
  passRateByVendor: Array<{ bucket: string } & Partial<Record<VendorId, number | null>>>;
  /** The answers each pass rate above is out of (0 where the vendor had none). */
  answersByVendor: Array<{ bucket: string } & Partial<Record<VendorId, number>>>;
  vendors: VendorId[];
  totals: OutcomeCounts & OutcomeRates & { verifications: number };
}

export interface OutcomeRow {
  bucket: string;
  vendor: VendorId;
  check_type: CheckType;
  pairs: number;
  pass: number;
  fail: number;
  review: number;
  error: number;
}

export function emptyCounts(): OutcomeCounts {
  return { answers: 0, pass: 0, fail: 0, review: 0, error: 0, pending: 0 };
}

function addCounts(into: OutcomeCounts, row: OutcomeRow): void {
  into.answers += row.pairs;
  into.pass += row.pass;
  into.fail += row.fail;
  into.review += row.review;
  into.error += row.error;
  into.pending += row.pairs - row.pass - row.fail - row.review - row.error;
}

export function ratesOf(counts: OutcomeCounts): OutcomeRates {
  const answered = counts.pass + counts.fail + counts.review + counts.error;
  const rate = (n: number) => (answered === 0 ? null : n / answered);
  return { passRate: rate(counts.pass), failRate: rate(counts.fail), reviewRate: rate(counts.review), errorRate: rate(counts.error) };
}

export async function getOutcomeRates(filters: DashboardFilters): Promise<OutcomeRatesReport> {
  const [rows, verificationRows] = await Promise.all([
    readDb.$queryRaw<OutcomeRow[]>`
      SELECT ${BUCKET_NAME} AS bucket, "vendor"::text AS vendor, "check_type"::text AS check_type,
        sum("pairs")::int AS pairs, sum("pass")::int AS pass, sum("fail")::int AS fail, sum("review")::int AS review, sum("error")::int AS error
      FROM ${seriesRows(filters, "dash_outcomes", `"vendor", "check_type", "pairs", "pass", "fail", "review", "error"`, dimensionConditions(filters, { vendor: true }))} AS o
      GROUP BY "b", 2, 3`,
    readDb.$queryRaw<{ bucket: string; n: number }[]>`
      SELECT ${BUCKET_NAME} AS bucket, sum("n")::int AS n
      FROM ${seriesRows(filters, "dash_verifications", `"n"`, dimensionConditions(filters, { vendor: false }))} AS v
      GROUP BY "b"`,
  ]);
  return shapeOutcomeRates(filters, rows, verificationRows);
}

export function shapeOutcomeRates(filters: DashboardFilters, rows: OutcomeRow[], verificationRows: { bucket: string; n: number }[]): OutcomeRatesReport {
  const buckets = enumerateBuckets(filters.from, filters.to, filters.bucket);
  const byBucket = new Map(buckets.map((b) => [b, emptyCounts()]));
  const verifications = new Map(verificationRows.map((r) => [r.bucket, r.n]));
  const groups = new Map<string, { vendor: VendorId; checkType: CheckType; counts: OutcomeCounts }>();
  const vendorBucket = new Map<string, OutcomeCounts>();
  const totals = emptyCounts();
  const vendors = new Set<VendorId>();

  for (const row of rows) {
    const bucket = byBucket.get(row.bucket);
    if (!bucket) continue; // outside the enumerated range: cannot happen with the same range, kept safe
    addCounts(bucket, row);
    addCounts(totals, row);
    const key = `${row.vendor}/${row.check_type}`;
    const group = groups.get(key) ?? { vendor: row.vendor, checkType: row.check_type, counts: emptyCounts() };
    addCounts(group.counts, row);
    groups.set(key, group);
    const vb = vendorBucket.get(`${row.vendor}/${row.bucket}`) ?? emptyCounts();
    addCounts(vb, row);
    vendorBucket.set(`${row.vendor}/${row.bucket}`, vb);
    vendors.add(row.vendor);
  }

  const vendorList = vendorIds.filter((v) => vendors.has(v));
  return {
    buckets: buckets.map((b) => {
      const counts = byBucket.get(b) ?? emptyCounts();
      return { bucket: b, verifications: verifications.get(b) ?? 0, ...counts, ...ratesOf(counts) };
    }),
    byVendorAndCheckType: [...groups.values()]
      .sort((a, b) => vendorIds.indexOf(a.vendor) - vendorIds.indexOf(b.vendor) || checkTypes.indexOf(a.checkType) - checkTypes.indexOf(b.checkType))
      .map((g) => ({ vendor: g.vendor, checkType: g.checkType, ...g.counts, ...ratesOf(g.counts) })),
    passRateByVendor: buckets.map((b) => {
      const point: { bucket: string } & Partial<Record<VendorId, number | null>> = { bucket: b };
      for (const v of vendorList) {
        const counts = vendorBucket.get(`${v}/${b}`);
        point[v] = counts ? ratesOf(counts).passRate : null;
      }
      return point;
    }),
    answersByVendor: buckets.map((b) => {
      const point: { bucket: string } & Partial<Record<VendorId, number>> = { bucket: b };
      for (const v of vendorList) {
        const counts = vendorBucket.get(`${v}/${b}`);
        point[v] = counts ? counts.pass + counts.fail + counts.review + counts.error : 0;
      }
      return point;
    }),
    vendors: vendorList,
    totals: { ...totals, ...ratesOf(totals), verifications: verificationRows.reduce((sum, r) => sum + r.n, 0) },
  };
}

