import { readDb } from "@/lib/db";
import type { DashboardFilters } from "@/lib/dashboards/dashboard-filters";
import { addHistograms, emptyHistogram, percentileFromHistogram } from "@/lib/dashboards/histogram";
import { BUCKET_NAME, dimensionConditions, histogramColumns, histogramSums, seriesRows } from "@/lib/dashboards/rollup-sql";
import { enumerateBuckets } from "@/lib/dashboards/time-buckets";
import { vendorIds, type VendorId } from "@/lib/vendors/types";

// Vendor health: every vendor run counts (reruns included), in the bucket of its request. Latency
// is the whole call's (retries included) for finished runs; p50/p95 come from the rollup's
// histograms. A timeout is one HTTP attempt that timed out; retries are the HTTP attempts beyond
// each run's first. Error codes are the reason codes of runs whose outcome is `error`.

export interface HealthFigures {
  runs: number;
  finished: number;
  errors: number;
  errorRate: number | null;
  timeouts: number;
  retries: number;
  meanMs: number | null;
  p50Ms: number | null;
  p95Ms: number | null;
}

export type HealthBucketRow = { bucket: string } & HealthFigures;
export type HealthVendorRow = { vendor: VendorId } & HealthFigures;

export interface ErrorCodeRow {
  vendor: VendorId;
  code: string;
  count: number;
  /** Share of that vendor's runs in the range. */
  rate: number | null;
}

export interface VendorHealthReport {
  /** Calls whose fate is unknown (worker died mid-call), per vendor; absent = none. */
  unknownFates?: Partial<Record<VendorId, number>>;
  buckets: HealthBucketRow[];
  byVendor: HealthVendorRow[];
  errorCodes: ErrorCodeRow[];
  totals: HealthFigures;
}

export interface HealthRow {
  bucket: string;
  vendor: VendorId;
  runs: number;
  finished: number;
  errors: number;
  timeouts: number;
  retries: number;
  latency_n: number;
  latency_sum_ms: number;
  bins: number[];
}

export interface ErrorRow {
  vendor: VendorId;
  code: string;
  n: number;
}

interface Accumulator {
  runs: number;
  finished: number;
  errors: number;
  timeouts: number;
  retries: number;
  latencyN: number;
  latencySum: number;
  bins: number[];
}

function emptyAccumulator(): Accumulator {
  return { runs: 0, finished: 0, errors: 0, timeouts: 0, retries: 0, latencyN: 0, latencySum: 0, bins: emptyHistogram() };
}

function add(into: Accumulator, row: HealthRow) {
  into.runs += row.runs;
  into.finished += row.finished;
  into.errors += row.errors;
  into.timeouts += row.timeouts;
  into.retries += row.retries;
  into.latencyN += row.latency_n;
  into.latencySum += row.latency_sum_ms;
  addHistograms(into.bins, row.bins);
}

function figures(a: Accumulator): HealthFigures {
  return {
    runs: a.runs,
    finished: a.finished,
    errors: a.errors,
    errorRate: a.finished === 0 ? null : a.errors / a.finished,
    timeouts: a.timeouts,
    retries: a.retries,
    meanMs: a.latencyN === 0 ? null : a.latencySum / a.latencyN,
    p50Ms: percentileFromHistogram(a.bins, 0.5),
    p95Ms: percentileFromHistogram(a.bins, 0.95),
  };
}

// Vendor calls whose worker died mid-call (the vendor may have answered, and billed): counted from
// the attempts themselves (a partial index holds only these), in the range's local days.
async function countUnknownFates(filters: DashboardFilters): Promise<Partial<Record<VendorId, number>>> {
  const rows = await readDb.$queryRaw<{ vendor: VendorId; n: number }[]>`
    SELECT r."vendor"::text AS vendor, count(*)::int AS n
    FROM "VendorCallAttempt" a JOIN "VendorRun" r ON r."id" = a."vendorRunId"
    WHERE a."outcome" = 'unknown'
      AND a."sentAt" >= (${filters.from}::date::timestamp AT TIME ZONE ${filters.tz})
      AND a."sentAt" < ((${filters.to}::date + 1)::timestamp AT TIME ZONE ${filters.tz})
      AND (${filters.vendor ?? null}::text IS NULL OR r."vendor"::text = ${filters.vendor ?? null})
      AND (${filters.checkType ?? null}::text IS NULL OR r."checkType"::text = ${filters.checkType ?? null})
    GROUP BY 1`;
  return Object.fromEntries(rows.map((r) => [r.vendor, r.n]));
}

export async function getVendorHealth(filters: DashboardFilters): Promise<VendorHealthReport> {
  const dims = dimensionConditions(filters, { vendor: true });
  const [rows, errorRows, unknownFates] = await Promise.all([
    readDb.$queryRaw<HealthRow[]>`
      SELECT ${BUCKET_NAME} AS bucket, "vendor"::text AS vendor,
        sum("runs")::int AS runs, sum("finished")::int AS finished, sum("errors")::int AS errors,
        sum("timeouts")::int AS timeouts, sum("retries")::int AS retries,
        sum("latency_n")::int AS latency_n, sum("latency_sum_ms")::float8 AS latency_sum_ms,
        ${histogramSums("l")} AS bins
      FROM ${seriesRows(filters, "dash_vendor_runs", `"vendor", "runs", "finished", "errors", "timeouts", "retries", "latency_n", "latency_sum_ms", ${histogramColumns("l")}`, dims)} AS r
      GROUP BY "b", 2`,
    readDb.$queryRaw<ErrorRow[]>`
      SELECT "vendor"::text AS vendor, "code", sum("n")::int AS n
      FROM ${seriesRows(filters, "dash_vendor_errors", `"vendor", "code", "n"`, dims)} AS e
      GROUP BY 1, 2
      HAVING sum("n") <> 0`,
    countUnknownFates(filters),
  ]);
  return { ...shapeVendorHealth(filters, rows, errorRows), unknownFates };
}

export function shapeVendorHealth(filters: DashboardFilters, rows: HealthRow[], errorRows: ErrorRow[]): VendorHealthReport {
  const buckets = enumerateBuckets(filters.from, filters.to, filters.bucket);
  const byBucket = new Map(buckets.map((b) => [b, emptyAccumulator()]));
  const byVendor = new Map<VendorId, Accumulator>();
  const total = emptyAccumulator();
  for (const row of rows) {
    const bucket = byBucket.get(row.bucket);
    if (!bucket) continue;
    add(bucket, row);
    add(total, row);
    const vendor = byVendor.get(row.vendor) ?? emptyAccumulator();
    add(vendor, row);
    byVendor.set(row.vendor, vendor);
  }
  const finishedOf = (vendor: VendorId) => byVendor.get(vendor)?.finished ?? 0;
  return {
    buckets: buckets.map((b) => ({ bucket: b, ...figures(byBucket.get(b) ?? emptyAccumulator()) })),
    byVendor: vendorIds.filter((v) => byVendor.has(v)).map((v) => ({ vendor: v, ...figures(byVendor.get(v) ?? emptyAccumulator()) })),
    errorCodes: errorRows
      .map((r) => ({ vendor: r.vendor, code: r.code, count: r.n, rate: finishedOf(r.vendor) === 0 ? null : r.n / finishedOf(r.vendor) }))
      .sort((a, b) => b.count - a.count || a.vendor.localeCompare(b.vendor) || a.code.localeCompare(b.code)),
    totals: figures(total),
  };
}
