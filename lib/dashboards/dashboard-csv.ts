import { toCsv as writeCsv, type CsvCell } from "@/lib/csv/to-csv";
import type { DashboardFilters } from "@/lib/dashboards/dashboard-filters";
import type { OutcomeRatesReport } from "@/lib/dashboards/get-outcome-rates";
import { AGE_BUCKETS, type QueueHealthReport } from "@/lib/dashboards/get-queue-health";
import type { VendorHealthReport } from "@/lib/dashboards/get-vendor-health";

// Each dashboard table as CSV (RFC 4180, CRLF). Text cells that a spreadsheet would run as a formula
// get a leading apostrophe (CSV injection), numbers are written plainly, rates as fractions.

export const DASHBOARD_DATASETS = ["rates", "rates-by-vendor", "vendor-health", "vendor-health-by-vendor", "vendor-errors", "queue-open", "queue-flow", "reviewers"] as const;
export type DashboardDataset = (typeof DASHBOARD_DATASETS)[number];

/** Which report a dataset is cut from. */
export function reportOf(dataset: DashboardDataset): "rates" | "vendorHealth" | "queueHealth" {
  if (dataset.startsWith("rates")) return "rates";
  if (dataset.startsWith("vendor")) return "vendorHealth";
  return "queueHealth";
}

// Rates to four decimals; a rate over nothing (NaN) is an empty cell.
const dashboardNumber = (value: number) => (Number.isFinite(value) ? String(Math.round(value * 10_000) / 10_000) : "");

export function toCsv(header: string[], rows: CsvCell[][]): string {
  return writeCsv([header, ...rows], dashboardNumber);
}

/** One cell as the dashboards write it. */
export function csvCell(value: CsvCell): string {
  return writeCsv([[value]], dashboardNumber).slice(0, -2);
}

export interface DashboardReports {
  rates?: OutcomeRatesReport;
  vendorHealth?: VendorHealthReport;
  queueHealth?: QueueHealthReport;
}

export function dashboardCsv(dataset: DashboardDataset, reports: DashboardReports, filters: DashboardFilters): { filename: string; csv: string } {
  const filename = `verdict-${dataset}-${filters.from}-to-${filters.to}.csv`;
  const { rates, vendorHealth, queueHealth } = reports;
  const missing = () => new Error(`the ${reportOf(dataset)} report is needed for ${dataset}`);
  switch (dataset) {
    case "rates": {
      if (!rates) throw missing();
      return {
        filename,
        csv: toCsv(
          ["bucket", "time_zone", "verifications", "answers", "pass", "fail", "review", "error", "pending", "pass_rate", "fail_rate", "review_rate", "error_rate"],
          rates.buckets.map((b) => [b.bucket, filters.tz, b.verifications, b.answers, b.pass, b.fail, b.review, b.error, b.pending, b.passRate, b.failRate, b.reviewRate, b.errorRate]),
        ),
      };
    }
    case "rates-by-vendor": {
      if (!rates) throw missing();
      return {
        filename,
        csv: toCsv(
          ["vendor", "check_type", "answers", "pass", "fail", "review", "error", "pending", "pass_rate", "fail_rate", "review_rate", "error_rate"],
          [
            ...rates.byVendorAndCheckType.map((g) => [g.vendor, g.checkType, g.answers, g.pass, g.fail, g.review, g.error, g.pending, g.passRate, g.failRate, g.reviewRate, g.errorRate]),
            ["total", "", rates.totals.answers, rates.totals.pass, rates.totals.fail, rates.totals.review, rates.totals.error, rates.totals.pending, rates.totals.passRate, rates.totals.failRate, rates.totals.reviewRate, rates.totals.errorRate],
          ],
        ),
      };
    }
    case "vendor-health": {
      if (!vendorHealth) throw missing();
      return {
        filename,
        csv: toCsv(
          ["bucket", "time_zone", "runs", "finished", "errors", "error_rate", "timeouts", "retries", "latency_mean_ms", "latency_p50_ms", "latency_p95_ms"],
          vendorHealth.buckets.map((b) => [b.bucket, filters.tz, b.runs, b.finished, b.errors, b.errorRate, b.timeouts, b.retries, b.meanMs, b.p50Ms, b.p95Ms]),
        ),
      };
    }
    case "vendor-health-by-vendor": {
      if (!vendorHealth) throw missing();
      return {
        filename,
        csv: toCsv(
          ["vendor", "runs", "finished", "errors", "error_rate", "timeouts", "retries", "latency_mean_ms", "latency_p50_ms", "latency_p95_ms"],
          vendorHealth.byVendor.map((v) => [v.vendor, v.runs, v.finished, v.errors, v.errorRate, v.timeouts, v.retries, v.meanMs, v.p50Ms, v.p95Ms]),
        ),
      };
    }
    case "vendor-errors": {
      if (!vendorHealth) throw missing();
      return { filename, csv: toCsv(["vendor", "code", "errors", "share_of_finished_runs"], vendorHealth.errorCodes.map((e) => [e.vendor, e.code, e.count, e.rate])) };
    }
    case "queue-open": {
      if (!queueHealth) throw missing();
      return {
        filename,
        csv: toCsv(
          ["rule", ...AGE_BUCKETS.map((a) => `age_${a.key}`), "total"],
          [
            ...queueHealth.open.byRule.map((r) => [r.rule, ...AGE_BUCKETS.map((a) => r[a.key]), r.total]),
            ["all open cases", ...AGE_BUCKETS.map(() => null), queueHealth.open.total],
            ["past SLA now", ...AGE_BUCKETS.map(() => null), queueHealth.open.breachedNow],
          ],
        ),
      };
    }
    case "queue-flow": {
      if (!queueHealth) throw missing();
      return {
        filename,
        csv: toCsv(
          ["bucket", "time_zone", "opened", "decided", "decided_after_sla", "time_to_decision_p50_min", "time_to_decision_p90_min", "time_to_decision_mean_min"],
          queueHealth.flow.map((f) => [f.bucket, filters.tz, f.opened, f.decided, f.breached, f.ttdP50Minutes, f.ttdP90Minutes, f.ttdMeanMinutes]),
        ),
      };
    }
    case "reviewers": {
      if (!queueHealth) throw missing();
      return {
        filename,
        csv: toCsv(
          ["reviewer", "decisions", "approve", "reject", "escalate", "overrides", "override_rate"],
          queueHealth.reviewers.map((r) => [r.reviewer, r.decisions, r.approve, r.reject, r.escalate, r.overrides, r.overrideRate]),
        ),
      };
    }
  }
}
