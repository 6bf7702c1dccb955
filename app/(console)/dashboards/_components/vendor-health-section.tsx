import { VENDOR_SHORT_NAMES } from "@/lib/verifications/verification-labels";
import type { DashboardFilters } from "@/lib/dashboards/dashboard-filters";
import { verificationsHref } from "@/lib/dashboards/drill-down";
import { formatValue } from "@/lib/dashboards/format";
import type { HealthVendorRow, VendorHealthReport } from "@/lib/dashboards/get-vendor-health";
import { Lines, StackedBars, type ChartRow } from "./charts";
import { bucketHeader, bucketLabel } from "./bucket-label";
import { DrillLink, NumberTable, Panel } from "./panel";
import { SERIES_COLORS } from "./palette";

const count = (v: number) => formatValue("count", v);
const ms = (v: number | null) => formatValue("ms", v);
const pct = (v: number | null) => formatValue("percent", v);

export function VendorHealthSection({ report, filters, exportHref }: { report: VendorHealthReport; filters: DashboardFilters; exportHref: (dataset: string) => string }) {
  const latencyRows: ChartRow[] = report.buckets.map((b) => ({
    x: bucketLabel(b.bucket, filters.bucket),
    values: { p50: b.p50Ms, p95: b.p95Ms },
    links: { "*": verificationsHref(filters, { bucket: b.bucket }) },
  }));
  const problemRows: ChartRow[] = report.buckets.map((b) => ({
    x: bucketLabel(b.bucket, filters.bucket),
    values: { errors: b.errors, timeouts: b.timeouts, retries: b.retries },
    links: { "*": verificationsHref(filters, { bucket: b.bucket, outcome: "error" }) },
  }));
  const codeRows: ChartRow[] = report.errorCodes.slice(0, 12).map((e) => ({
    x: `${VENDOR_SHORT_NAMES[e.vendor]} · ${e.code}`,
    values: { count: e.count },
    links: { "*": verificationsHref(filters, { vendor: e.vendor, outcome: "error" }) },
  }));
  const totals: HealthVendorRow | undefined = report.byVendor.length ? { vendor: "cvs", ...report.totals } : undefined;

  return (
    <section aria-labelledby="vendor-health-title" className="space-y-4">
      <h2 id="vendor-health-title" className="text-lg font-semibold">
        Vendor health
      </h2>
      <Panel
        id="latency"
        title="Latency"
        description="Median and 95th percentile of each finished run's whole call (retries included), in the bucket it was requested; read from the rollup's histograms, exact to within a few per cent."
        exportHref={exportHref("vendor-health")}
        chart={
          <Lines
            label="Latency p50 and p95"
            kind="ms"
            rows={latencyRows}
            series={[
              { key: "p50", label: "p50", color: SERIES_COLORS[0] },
              { key: "p95", label: "p95", color: SERIES_COLORS[1], dashed: true },
            ]}
          />
        }
        table={
          <NumberTable
            caption="Latency and errors per bucket"
            rows={report.buckets}
            columns={[
              { label: bucketHeader(filters.bucket), cell: (b) => bucketLabel(b.bucket, filters.bucket) },
              { label: "Runs", numeric: true, cell: (b) => count(b.runs) },
              { label: "p50", numeric: true, cell: (b) => ms(b.p50Ms) },
              { label: "p95", numeric: true, cell: (b) => ms(b.p95Ms) },
              { label: "Errors", numeric: true, cell: (b) => pct(b.errorRate) },
              { label: "Timeouts", numeric: true, cell: (b) => count(b.timeouts) },
              { label: "Retries", numeric: true, cell: (b) => count(b.retries) },
            ]}
          />
        }
      />
      <Panel
        id="vendor-problems"
        title="Errors, timeouts and retries"
        description="Runs that ended in an error; HTTP attempts that timed out; HTTP attempts beyond each run's first. Click a bar for the verifications with an error answer."
        exportHref={exportHref("vendor-health")}
        chart={
          <StackedBars
            label="Errors, timeouts and retries"
            stacked={false}
            rows={problemRows}
            series={[
              { key: "errors", label: "errors", color: SERIES_COLORS[3] },
              { key: "timeouts", label: "timeouts", color: SERIES_COLORS[4] },
              { key: "retries", label: "retries", color: SERIES_COLORS[1] },
            ]}
          />
        }
        table={
          <NumberTable
            caption="Each vendor over the range"
            rows={report.byVendor}
            footer={totals}
            columns={[
              { label: "Vendor", cell: (v) => (v === totals ? "Total" : VENDOR_SHORT_NAMES[v.vendor]) },
              { label: "Runs", numeric: true, cell: (v) => count(v.runs) },
              { label: "Error rate", numeric: true, cell: (v) => pct(v.errorRate) },
              { label: "Timeouts", numeric: true, cell: (v) => count(v.timeouts) },
              { label: "Retries", numeric: true, cell: (v) => count(v.retries) },
              {
                label: "Fate unknown",
                numeric: true,
                cell: (v) => count(v === totals ? Object.values(report.unknownFates ?? {}).reduce((a, b) => a + (b ?? 0), 0) : (report.unknownFates?.[v.vendor] ?? 0)),
              },
              { label: "p50", numeric: true, cell: (v) => ms(v.p50Ms) },
              { label: "p95", numeric: true, cell: (v) => ms(v.p95Ms) },
            ]}
          />
        }
      />
      <Panel
        id="error-codes"
        title="Errors by reason code"
        description="The reason codes of runs that ended in an error (one run may carry several), as a share of that vendor's finished runs."
        exportHref={exportHref("vendor-errors")}
        chart={codeRows.length ? <StackedBars label="Errors by reason code" layout="vertical" rows={codeRows} series={[{ key: "count", label: "errors", color: SERIES_COLORS[3] }]} /> : undefined}
        table={
          <NumberTable
            caption="Errors by vendor and reason code"
            rows={report.errorCodes}
            empty="No vendor errors in this range."
            columns={[
              { label: "Vendor", cell: (e) => <DrillLink href={verificationsHref(filters, { vendor: e.vendor, outcome: "error" })}>{VENDOR_SHORT_NAMES[e.vendor]}</DrillLink> },
              { label: "Code", cell: (e) => <code>{e.code}</code> },
              { label: "Errors", numeric: true, cell: (e) => count(e.count) },
              { label: "Share of runs", numeric: true, cell: (e) => pct(e.rate) },
            ]}
          />
        }
      />
    </section>
  );
}
