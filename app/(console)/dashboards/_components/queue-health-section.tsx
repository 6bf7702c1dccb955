import Link from "next/link";
import type { DashboardFilters } from "@/lib/dashboards/dashboard-filters";
import { formatValue } from "@/lib/dashboards/format";
import { AGE_BUCKETS, type QueueHealthReport, type ReviewerRow } from "@/lib/dashboards/get-queue-health";
import { ruleShortLabel, ruleTitle } from "@/components/review/case-labels";
import { CHECK_TYPE_LABELS, VENDOR_SHORT_NAMES } from "@/lib/verifications/verification-labels";
import type { QualitySampleRow } from "@/lib/dashboards/get-quality-samples";
import { Lines, StackedBars, type ChartRow } from "./charts";
import { bucketHeader, bucketLabel } from "./bucket-label";
import { Kpi, NumberTable, Panel } from "./panel";
import { OUTCOME_COLORS, SERIES_COLORS } from "./palette";

const count = (v: number) => formatValue("count", v);
const pct = (v: number | null) => formatValue("percent", v);
const minutes = (v: number | null) => formatValue("minutes", v);
const AGE_COLORS = ["#10b981", "#0ea5e9", "#f59e0b", "#f97316", "#f43f5e"];
const ruleLabel = (rule: string) => <span title={ruleTitle(rule)}>{ruleShortLabel(rule)}</span>;

export function QueueHealthSection({
  report,
  qualitySamples,
  filters,
  exportHref,
}: {
  report: QueueHealthReport;
  qualitySamples: QualitySampleRow[];
  filters: DashboardFilters;
  exportHref: (dataset: string) => string;
}) {
  const openRows: ChartRow[] = report.open.byRule.map((r) => ({ x: ruleShortLabel(r.rule), values: Object.fromEntries(AGE_BUCKETS.map((a) => [a.key, r[a.key]])) }));
  const flowRows: ChartRow[] = report.flow.map((f) => ({ x: bucketLabel(f.bucket, filters.bucket), values: { opened: f.opened, decided: f.decided, breached: f.breached } }));
  const ttdRows: ChartRow[] = report.flow.map((f) => ({ x: bucketLabel(f.bucket, filters.bucket), values: { p50: f.ttdP50Minutes, p90: f.ttdP90Minutes } }));
  const reviewerRows: ChartRow[] = report.reviewers.slice(0, 12).map((r) => ({ x: r.reviewer, values: { approve: r.approve, reject: r.reject, escalate: r.escalate } }));
  const reviewerTotals: ReviewerRow | undefined = report.reviewers.length ? { reviewerId: "", reviewer: "Total", ...report.reviewerTotals } : undefined;

  return (
    <section aria-labelledby="queue-health-title" className="space-y-4">
      <h2 id="queue-health-title" className="text-lg font-semibold">
        Review queue health
      </h2>
      {filters.vendor ? <p className="text-xs text-zinc-500">Cases belong to verifications, not vendors: the vendor filter does not apply here.</p> : null}
      <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
        <Kpi label="Open now" value={count(report.open.total)} />
        <Kpi label="Past SLA now" value={count(report.open.breachedNow)} />
        <Kpi label="Decided in range" value={count(report.flowTotals.decided)} hint={`${count(report.flowTotals.breached)} after their SLA`} />
        <Kpi label="Time to decision, median" value={minutes(report.flowTotals.ttdP50Minutes)} />
        <Kpi label="Time to decision, p90" value={minutes(report.flowTotals.ttdP90Minutes)} />
        <Kpi label="Override rate" value={pct(report.reviewerTotals.overrideRate)} hint="decisions against the vendors" />
      </div>
      <Panel
        id="open-cases"
        title="Open cases by rule and age"
        description="Cases not yet decided (open, awaiting confirmation, escalated), by the rules that flagged them — a case flagged by two rules counts under both — and how long ago they were opened (to the hour)."
        exportHref={exportHref("queue-open")}
        chart={
          openRows.length ? (
            <StackedBars label="Open cases by rule and age" rows={openRows} series={AGE_BUCKETS.map((a, i) => ({ key: a.key, label: a.label, color: AGE_COLORS[i] ?? SERIES_COLORS[0] }))} />
          ) : undefined
        }
        table={
          <>
            <NumberTable
              caption="Open cases by rule and age"
              rows={report.open.byRule}
              empty="No open cases."
              columns={[
                { label: "Rule", cell: (r) => ruleLabel(r.rule) },
                ...AGE_BUCKETS.map((a) => ({ label: a.label, numeric: true, cell: (r: (typeof report.open.byRule)[number]) => count(r[a.key]) })),
                { label: "Total", numeric: true, cell: (r) => count(r.total) },
              ]}
            />
            <p className="mt-2 text-xs">
              <Link href="/queue" className="text-sky-700 hover:underline dark:text-sky-400">
                Open the review queue
              </Link>
            </p>
          </>
        }
      />
      <Panel
        id="case-flow"
        title="Cases opened and decided"
        description="Cases opened and decided per bucket, and those decided after their SLA was due."
        exportHref={exportHref("queue-flow")}
        chart={
          <StackedBars
            label="Cases opened and decided"
            stacked={false}
            rows={flowRows}
            series={[
              { key: "opened", label: "opened", color: SERIES_COLORS[0] },
              { key: "decided", label: "decided", color: OUTCOME_COLORS.pass },
              { key: "breached", label: "decided after SLA", color: OUTCOME_COLORS.fail },
            ]}
          />
        }
        table={
          <NumberTable
            caption="Cases per bucket"
            rows={report.flow}
            columns={[
              { label: bucketHeader(filters.bucket), cell: (f) => bucketLabel(f.bucket, filters.bucket) },
              { label: "Opened", numeric: true, cell: (f) => count(f.opened) },
              { label: "Decided", numeric: true, cell: (f) => count(f.decided) },
              { label: "After SLA", numeric: true, cell: (f) => count(f.breached) },
              { label: "Median", numeric: true, cell: (f) => minutes(f.ttdP50Minutes) },
              { label: "p90", numeric: true, cell: (f) => minutes(f.ttdP90Minutes) },
            ]}
          />
        }
      />
      <Panel
        id="time-to-decision"
        title="Time to decision"
        description="From a case's opening to its decision, median and 90th percentile, per bucket of decision (from the rollup's histograms)."
        exportHref={exportHref("queue-flow")}
        chart={
          <Lines
            label="Time to decision"
            kind="minutes"
            rows={ttdRows}
            series={[
              { key: "p50", label: "median", color: SERIES_COLORS[0] },
              { key: "p90", label: "p90", color: SERIES_COLORS[1], dashed: true },
            ]}
          />
        }
        table={
          <NumberTable
            caption="Time to decision per bucket"
            rows={report.flow.filter((f) => f.decided > 0)}
            empty="No decisions in this range."
            columns={[
              { label: bucketHeader(filters.bucket), cell: (f) => bucketLabel(f.bucket, filters.bucket) },
              { label: "Decided", numeric: true, cell: (f) => count(f.decided) },
              { label: "Median", numeric: true, cell: (f) => minutes(f.ttdP50Minutes) },
              { label: "p90", numeric: true, cell: (f) => minutes(f.ttdP90Minutes) },
              { label: "Mean", numeric: true, cell: (f) => minutes(f.ttdMeanMinutes) },
            ]}
          />
        }
      />
      <Panel
        id="quality-samples"
        title="QA samples of automatic passes"
        description="Passes sampled for a person to check (Admin → Review rules → Quality sample), opened in the range, and how many a reviewer overturned: the automation's real miss rate, with its 95 % interval. Read directly from the sample cases, not from a rollup."
        table={
          <NumberTable
            caption="QA samples of automatic passes"
            rows={qualitySamples}
            empty="No quality samples in this range. Set a share under Admin → Review rules to sample automatic passes."
            columns={[
              { label: "Check type", cell: (r) => CHECK_TYPE_LABELS[r.checkType].title },
              { label: "Vendor", cell: (r) => VENDOR_SHORT_NAMES[r.vendor] },
              { label: "Sampled", numeric: true, cell: (r) => count(r.sampled) },
              { label: "Decided", numeric: true, cell: (r) => count(r.decided) },
              { label: "Overturned", numeric: true, cell: (r) => count(r.overturned) },
              {
                label: "Miss rate (95 % CI)",
                numeric: true,
                cell: (r) => (r.missRate.ci ? `${pct(r.missRate.rate)} (${pct(r.missRate.ci.lower)}–${pct(r.missRate.ci.upper)})` : "—"),
              },
            ]}
          />
        }
      />
      <Panel
        id="reviewers"
        title="Reviewer throughput"
        description="Decisions each reviewer recorded in the range, and how often they overturned the vendors."
        exportHref={exportHref("reviewers")}
        chart={
          reviewerRows.length ? (
            <StackedBars
              label="Decisions per reviewer"
              layout="vertical"
              rows={reviewerRows}
              series={[
                { key: "approve", label: "approve", color: OUTCOME_COLORS.pass },
                { key: "reject", label: "reject", color: OUTCOME_COLORS.fail },
                { key: "escalate", label: "escalate", color: OUTCOME_COLORS.review },
              ]}
            />
          ) : undefined
        }
        table={
          <NumberTable
            caption="Decisions per reviewer"
            rows={report.reviewers}
            footer={reviewerTotals}
            empty="No decisions in this range."
            columns={[
              { label: "Reviewer", cell: (r) => r.reviewer },
              { label: "Decisions", numeric: true, cell: (r) => count(r.decisions) },
              { label: "Approve", numeric: true, cell: (r) => count(r.approve) },
              { label: "Reject", numeric: true, cell: (r) => count(r.reject) },
              { label: "Escalate", numeric: true, cell: (r) => count(r.escalate) },
              { label: "Overrides", numeric: true, cell: (r) => `${count(r.overrides)} (${pct(r.overrideRate)})` },
            ]}
          />
        }
      />
    </section>
  );
}
