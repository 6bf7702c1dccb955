import { toCsv as writeCsv, type CsvCell } from "@/lib/csv/to-csv";
import type { Proportion } from "@/lib/test-sets/metrics";
import type { TestSetReport } from "@/lib/test-sets/build-test-set-report";

// CSV exports of a test set report: the metrics (one row per vendor × metric) and the items (one
// row per item, one column group per vendor). Cells that a spreadsheet would run as a formula are
// prefixed with a quote (CSV injection).

const reportNumber = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(6));

function toCsv(rows: CsvCell[][]): string {
  return writeCsv(rows, reportNumber);
}

export function reportMetricsCsv(report: TestSetReport): string {
  const rows: (string | number | null)[][] = [["vendor", "metric", "attack_type", "count", "total", "rate", "ci95_lower", "ci95_upper", "ci_method"]];
  const push = (vendor: string, metric: string, p: Proportion, attackType: string | null = null) =>
    rows.push([vendor, metric, attackType, p.count, p.total, p.rate, p.ci?.lower ?? null, p.ci?.upper ?? null, "wilson"]);
  for (const v of report.vendors) {
    if (v.pad) {
      for (const [type, p] of Object.entries(v.pad.apcerByType)) push(v.vendor, "APCER", p, type);
      if (v.pad.apcerWorst) push(v.vendor, "APCER_worst", v.pad.apcerWorst, v.pad.apcerWorst.attackType);
      push(v.vendor, "BPCER", v.pad.bpcer);
      rows.push([v.vendor, "ACER", null, null, null, v.pad.acer, null, null, null]);
    }
    if (v.match) {
      push(v.vendor, "FMR", v.match.fmr);
      push(v.vendor, "FNMR", v.match.fnmr);
    }
    if (v.curve.eer) rows.push([v.vendor, "EER", null, null, null, v.curve.eer.rate, null, null, `threshold ${v.curve.eer.threshold}`]);
    push(v.vendor, "error_rate", v.errorRate);
    rows.push([v.vendor, "latency_p50_ms", null, null, null, v.latency.p50, null, null, null]);
    rows.push([v.vendor, "latency_p95_ms", null, null, null, v.latency.p95, null, null, null]);
    rows.push([v.vendor, report.includeSandbox ? "sandbox_runs_counted" : "sandbox_runs_left_out", null, report.sandboxRuns[v.vendor] ?? 0, null, null, null, null, null]);
  }
  for (const pair of report.agreements) {
    push(`${pair.a}×${pair.b}`, "agreement", pair.agreement.agreement);
    rows.push([`${pair.a}×${pair.b}`, "cohens_kappa", null, null, pair.agreement.n, pair.agreement.kappa, null, null, null]);
  }
  return toCsv(rows);
}

export function reportItemsCsv(report: TestSetReport): string {
  const vendors = report.vendors.map((v) => v.vendor);
  const header = ["item", "verification_id", "label", "attack_type", ...vendors.flatMap((v) => [`${v}_outcome`, `${v}_score`, `${v}_latency_ms`, `${v}_sandbox`])];
  const rows = report.items.map((it) => [
    it.name,
    it.verificationId,
    it.label,
    it.attackType,
    ...vendors.flatMap((v) => {
      const r = it.results[v];
      return [r?.outcome ?? (it.pendingVendors.includes(v) ? "pending" : null), r?.score ?? null, r?.latencyMs ?? null, r ? String(r.sandbox) : null];
    }),
  ]);
  return toCsv([header, ...rows]);
}
