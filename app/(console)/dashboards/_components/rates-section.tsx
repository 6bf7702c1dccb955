import { CHECK_TYPE_LABELS, VENDOR_SHORT_NAMES } from "@/lib/verifications/verification-labels";
import type { DashboardFilters } from "@/lib/dashboards/dashboard-filters";
import { verificationsHref } from "@/lib/dashboards/drill-down";
import { formatValue } from "@/lib/dashboards/format";
import type { OutcomeGroupRow, OutcomeRatesReport } from "@/lib/dashboards/get-outcome-rates";
import { StackedBars, type ChartRow } from "./charts";
import { bucketHeader, bucketLabel } from "./bucket-label";
import { DrillLink, Kpi, NumberTable, Panel } from "./panel";
import { OUTCOME_COLORS, VENDOR_COLORS } from "./palette";

const OUTCOMES = ["pass", "review", "fail", "error"] as const;
const pct = (v: number | null) => formatValue("percent", v);
const count = (v: number) => formatValue("count", v);

export function RatesSection({ report, filters, exportHref }: { report: OutcomeRatesReport; filters: DashboardFilters; exportHref: (dataset: string) => string }) {
  const rows: ChartRow[] = report.buckets.map((b) => ({
    x: bucketLabel(b.bucket, filters.bucket),
    values: { pass: b.pass, review: b.review, fail: b.fail, error: b.error },
    links: Object.fromEntries<string>([["*", verificationsHref(filters, { bucket: b.bucket })], ...OUTCOMES.map((o) => [o, verificationsHref(filters, { bucket: b.bucket, outcome: o })] as const)]),
  }));
  const vendorRows: ChartRow[] = report.passRateByVendor.map((p, i) => ({
    x: bucketLabel(p.bucket, filters.bucket),
    values: Object.fromEntries(report.vendors.map((v) => [v, p[v] ?? null])),
    counts: Object.fromEntries(report.vendors.map((v) => [v, report.answersByVendor[i]?.[v] ?? 0])),
    links: { "*": verificationsHref(filters, { bucket: p.bucket, outcome: "pass" }) },
  }));
  const totalsRow: OutcomeGroupRow | undefined = report.byVendorAndCheckType.length
    ? { vendor: "cvs", checkType: "face_match", ...report.totals }
    : undefined;
  const isTotal = (g: OutcomeGroupRow) => g === totalsRow;

  return (
    <section aria-labelledby="rates-title" className="space-y-4">
      <h2 id="rates-title" className="text-lg font-semibold">
        Outcome rates
      </h2>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
        <Kpi label="Verifications" value={count(report.totals.verifications)} hint={filters.vendor ? "all vendors" : undefined} />
        <Kpi label="Vendor answers" value={count(report.totals.answers)} hint={report.totals.pending ? `${count(report.totals.pending)} pending` : undefined} />
        <Kpi label="Pass" value={pct(report.totals.passRate)} />
        <Kpi label="Review" value={pct(report.totals.reviewRate)} />
        <Kpi label="Fail" value={pct(report.totals.failRate)} />
        <Kpi label="Error" value={pct(report.totals.errorRate)} />
      </div>
      <Panel
        id="outcomes"
        title="Outcomes over time"
        description="Each vendor's latest answer on each verification, in the bucket the verification was created. Click a bar to open those verifications."
        exportHref={exportHref("rates")}
        chart={<StackedBars label="Outcomes over time" rows={rows} series={OUTCOMES.map((o) => ({ key: o, label: o, color: OUTCOME_COLORS[o] }))} />}
        table={
          <NumberTable
            caption="Outcomes over time"
            rows={report.buckets}
            columns={[
              { label: bucketHeader(filters.bucket), cell: (b) => <span className="whitespace-nowrap"><DrillLink href={verificationsHref(filters, { bucket: b.bucket })}>{bucketLabel(b.bucket, filters.bucket)}</DrillLink></span> },
              { label: "Verifications", numeric: true, cell: (b) => count(b.verifications) },
              { label: "Answers", numeric: true, cell: (b) => count(b.answers) },
              { label: "Pass", numeric: true, cell: (b) => pct(b.passRate) },
              { label: "Review", numeric: true, cell: (b) => pct(b.reviewRate) },
              { label: "Fail", numeric: true, cell: (b) => pct(b.failRate) },
              { label: "Error", numeric: true, cell: (b) => pct(b.errorRate) },
            ]}
          />
        }
      />
      <Panel
        id="rates-by-vendor"
        title="Pass rate per vendor and check type"
        description="Each vendor's pass rate per bucket, as bars side by side (no bar: no answer that bucket; n = the answers it is out of). The table has every vendor and check type over the whole range, with the totals."
        exportHref={exportHref("rates-by-vendor")}
        chart={
          <StackedBars
            label="Pass rate per vendor"
            kind="percent"
            stacked={false}
            domainMax={1}
            rows={vendorRows.filter((r) => Object.values(r.counts ?? {}).some((n) => n > 0))}
            series={report.vendors.map((v) => ({ key: v, label: VENDOR_SHORT_NAMES[v], color: VENDOR_COLORS[v] }))}
          />
        }
        table={
          <NumberTable
            caption="Outcomes per vendor and check type"
            rows={report.byVendorAndCheckType}
            footer={totalsRow}
            columns={[
              { label: "Vendor", cell: (g) => (isTotal(g) ? "Total" : <DrillLink href={verificationsHref(filters, { vendor: g.vendor, checkType: g.checkType })}>{VENDOR_SHORT_NAMES[g.vendor]}</DrillLink>) },
              { label: "Check type", cell: (g) => (isTotal(g) ? "" : CHECK_TYPE_LABELS[g.checkType].title) },
              { label: "Answers", numeric: true, cell: (g) => count(g.answers) },
              { label: "Pass", numeric: true, cell: (g) => pct(g.passRate) },
              { label: "Review", numeric: true, cell: (g) => pct(g.reviewRate) },
              { label: "Fail", numeric: true, cell: (g) => pct(g.failRate) },
              { label: "Error", numeric: true, cell: (g) => pct(g.errorRate) },
            ]}
          />
        }
      />
    </section>
  );
}
