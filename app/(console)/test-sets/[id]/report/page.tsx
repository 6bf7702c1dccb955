import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { KappaText, pct, ProportionText } from "@/components/test-sets/metric-text";
import { PageHeader } from "@/components/ui/page-header";
import { SandboxBadge } from "@/components/verifications/sandbox-badge";
import { OutcomeBadge } from "@/components/verifications/status-badges";
import { CHECK_TYPE_LABELS, VENDOR_SHORT_NAMES } from "@/lib/verifications/verification-labels";
import { requirePageUser } from "@/lib/auth/current-user";
import { buildTestSetReport } from "@/lib/test-sets/build-test-set-report";
import type { Proportion } from "@/lib/test-sets/metrics";
import type { VendorId } from "@/lib/vendors/types";
import { ErrorRateChart, LatencyChart, TradeoffChart, type RateBar } from "./_components/report-charts";

export const metadata: Metadata = { title: "Test set report" };

const name = (v: VendorId) => VENDOR_SHORT_NAMES[v];

function bar(p: Proportion | null | undefined): { rate: number | null; error: [number, number] } {
  if (!p || p.rate === null || !p.ci) return { rate: null, error: [0, 0] };
  return { rate: p.rate * 100, error: [(p.rate - p.ci.lower) * 100, (p.ci.upper - p.rate) * 100] };
}

export default async function TestSetReportPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageUser();
  const { id } = await params;
  const includeSandbox = (await searchParams).sandbox === "include";
  const report = z.uuid().safeParse(id).success ? await buildTestSetReport(id, { includeSandbox }) : null;
  if (!report) notFound();
  const sandboxTotal = Object.values(report.sandboxRuns).reduce((n, v) => n + (v ?? 0), 0);
  const liveness = report.kind === "liveness";
  const pendingTotal = Object.values(report.pending).reduce((n, v) => n + (v ?? 0), 0);
  const attackTypes = [...new Set(report.vendors.flatMap((v) => Object.keys(v.pad?.apcerByType ?? {})))].sort();
  const rateBars: RateBar[] = report.vendors.map((v) => {
    const [a, b] = liveness ? [bar(v.pad?.apcerWorst), bar(v.pad?.bpcer)] : [bar(v.match?.fmr), bar(v.match?.fnmr)];
    return { vendor: name(v.vendor), first: a.rate, firstError: a.error, second: b.rate, secondError: b.error };
  });
  const exportHref = (format: string, table?: string) =>
    `/api/test-sets/${report.testSet.id}/report?format=${format}${table ? `&table=${table}` : ""}${includeSandbox ? "&sandbox=include" : ""}`;

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href="/test-sets" className="text-zinc-600 underline-offset-2 hover:underline dark:text-zinc-400">
          Test sets
        </Link>
        {" · "}
        <Link href={`/test-sets/${report.testSet.id}`} className="text-zinc-600 underline-offset-2 hover:underline dark:text-zinc-400">
          {report.testSet.name}
        </Link>
      </nav>
      <PageHeader
        title={`Report · ${report.testSet.name}`}
        description={`${CHECK_TYPE_LABELS[report.testSet.checkType].title} · ${report.itemCount} items · each vendor's latest run on each item`}
        actions={
          <div className="flex flex-wrap gap-3 text-sm">
            <a href={exportHref("json")} className="text-sky-700 underline dark:text-sky-400" download>
              Export JSON
            </a>
            <a href={exportHref("csv", "metrics")} className="text-sky-700 underline dark:text-sky-400" download>
              Metrics CSV
            </a>
            <a href={exportHref("csv", "items")} className="text-sky-700 underline dark:text-sky-400" download>
              Items CSV
            </a>
          </div>
        }
      />
      <div className="mb-4 flex flex-wrap items-center gap-3 rounded-md border border-dashed border-violet-300 px-3 py-2 text-sm dark:border-violet-800" data-testid="sandbox-switch">
        <span>
          {includeSandbox
            ? `Built-in sandbox answers are counted (${sandboxTotal} run${sandboxTotal === 1 ? "" : "s"}): they are test answers, not real vendors'.`
            : `Built-in sandbox answers are left out (${sandboxTotal} run${sandboxTotal === 1 ? "" : "s"}): they are test answers, not real vendors'.`}
        </span>
        <Link
          href={includeSandbox ? `/test-sets/${report.testSet.id}/report` : `/test-sets/${report.testSet.id}/report?sandbox=include`}
          role="switch"
          aria-checked={includeSandbox}
          className="text-sky-700 underline dark:text-sky-400"
        >
          {includeSandbox ? "Leave sandbox answers out" : "Include sandbox answers"}
        </Link>
      </div>
      {pendingTotal ? (
        <p role="status" className="mb-4 rounded-md bg-sky-50 px-3 py-2 text-sm text-sky-900 dark:bg-sky-950 dark:text-sky-200">
          {pendingTotal} run(s) still in progress ({Object.entries(report.pending).map(([v, n]) => `${name(v as VendorId)} ${n}`).join(", ")}); reload for the final figures.
        </p>
      ) : null}
      {report.vendors.length === 0 ? (
        <p className="text-sm text-zinc-500">
          {sandboxTotal && !includeSandbox ? "Only built-in sandboxes have answered on this test set: include their answers to see test figures." : "No vendor has run on this test set yet."}
        </p>
      ) : null}

      {report.vendors.length ? (
        <section aria-labelledby="metrics-heading" className="mb-8 flex flex-col gap-4">
          <h2 id="metrics-heading" className="text-lg font-medium">
            {liveness ? "Presentation attack detection (ISO/IEC 30107-3)" : "Face matching"} at each vendor&apos;s threshold
          </h2>
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm" data-testid="vendor-metrics">
              <thead className="text-xs text-zinc-500">
                <tr>
                  <th className="py-1 pr-4 font-medium">Vendor</th>
                  <th className="py-1 pr-4 font-medium">Runs</th>
                  {liveness ? (
                    <>
                      <th className="py-1 pr-4 font-medium">APCER (worst type)</th>
                      {attackTypes.map((t) => (
                        <th key={t} className="py-1 pr-4 font-medium">
                          APCER {t}
                        </th>
                      ))}
                      <th className="py-1 pr-4 font-medium">BPCER</th>
                      <th className="py-1 pr-4 font-medium">ACER</th>
                    </>
                  ) : (
                    <>
                      <th className="py-1 pr-4 font-medium">FMR</th>
                      <th className="py-1 pr-4 font-medium">FNMR</th>
                    </>
                  )}
                  <th className="py-1 pr-4 font-medium">EER (scores)</th>
                  <th className="py-1 pr-4 font-medium">Error rate</th>
                  <th className="py-1 pr-4 font-medium">Latency p50 / p95</th>
                </tr>
              </thead>
              <tbody>
                {report.vendors.map((v) => (
                  <tr key={v.vendor} className="border-t border-zinc-100 align-top dark:border-zinc-800" data-testid={`metrics-${v.vendor}`}>
                    <th scope="row" className="py-2 pr-4 font-medium">
                      {name(v.vendor)}
                      {includeSandbox && report.sandboxRuns[v.vendor] ? <SandboxBadge compact className="ml-2" /> : null}
                    </th>
                    <td className="py-2 pr-4 tabular-nums">{v.runs}</td>
                    {liveness ? (
                      <>
                        <td className="py-2 pr-4">
                          <ProportionText value={v.pad?.apcerWorst} testId={`apcer-${v.vendor}`} />
                          {v.pad?.apcerWorst ? <span className="block text-xs text-zinc-500">{v.pad.apcerWorst.attackType}</span> : null}
                        </td>
                        {attackTypes.map((t) => (
                          <td key={t} className="py-2 pr-4">
                            <ProportionText value={v.pad?.apcerByType[t]} />
                          </td>
                        ))}
                        <td className="py-2 pr-4">
                          <ProportionText value={v.pad?.bpcer} testId={`bpcer-${v.vendor}`} />
                        </td>
                        <td className="py-2 pr-4 font-mono tabular-nums" data-testid={`acer-${v.vendor}`}>
                          {pct(v.pad?.acer)}
                        </td>
                      </>
                    ) : (
                      <>
                        <td className="py-2 pr-4">
                          <ProportionText value={v.match?.fmr} testId={`fmr-${v.vendor}`} />
                        </td>
                        <td className="py-2 pr-4">
                          <ProportionText value={v.match?.fnmr} testId={`fnmr-${v.vendor}`} />
                        </td>
                      </>
                    )}
                    <td className="py-2 pr-4 font-mono tabular-nums">{v.curve.eer ? `${pct(v.curve.eer.rate)} @ ${v.curve.eer.threshold.toFixed(3)}` : "—"}</td>
                    <td className="py-2 pr-4">
                      <ProportionText value={v.errorRate} testId={`errors-${v.vendor}`} />
                    </td>
                    <td className="py-2 pr-4 font-mono tabular-nums">
                      {v.latency.p50 ?? "—"} / {v.latency.p95 ?? "—"} ms
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="grid gap-6 lg:grid-cols-2">
            <ErrorRateChart data={rateBars} labels={liveness ? ["APCER (worst)", "BPCER"] : ["FMR", "FNMR"]} />
            <TradeoffChart
              series={report.vendors.filter((v) => v.curve.points.length).map((v) => ({ vendor: name(v.vendor), points: v.curve.points }))}
              labels={liveness ? { falseAccept: "APCER", falseReject: "BPCER" } : { falseAccept: "FMR", falseReject: "FNMR" }}
            />
          </div>
          <LatencyChart data={report.vendors.map((v) => ({ vendor: name(v.vendor), p50: v.latency.p50, p95: v.latency.p95 }))} />
          <details className="text-xs text-zinc-600 dark:text-zinc-400">
            <summary className="cursor-pointer font-medium">How these are computed</summary>
            <ul className="mt-2 list-disc pl-5">
              {liveness ? (
                <>
                  <li>APCER: attacks accepted as bona fide / attacks, per attack type; the headline APCER is the worst type (ISO/IEC 30107-3). BPCER: bona fide rejected / bona fide. ACER = (worst APCER + BPCER) / 2.</li>
                  <li>“At the vendor&apos;s threshold”: the vendor&apos;s live / not-live call under the active policy; a review band does not change the call.</li>
                </>
              ) : (
                <li>FMR: different-person pairs decided “match” / different-person pairs. FNMR: same-person pairs not decided “match” (borderline counts as no match) / same-person pairs.</li>
              )}
              <li>Intervals: 95 % Wilson score intervals. An empty class has no rate (—), not 0 %.</li>
              <li>Runs that ended in an error have no decision: they count in the error rate, not in the error rates above.</li>
              <li>Curves: the same rates over every threshold the vendor&apos;s scores allow (accept when score ≥ threshold); EER where they meet.</li>
              <li>Latency: nearest-rank p50 and p95 of each run&apos;s wall time, vendor retries included.</li>
            </ul>
          </details>
        </section>
      ) : null}

      {report.agreements.length ? (
        <section aria-labelledby="agreement-heading" className="mb-8 flex flex-col gap-3">
          <h2 id="agreement-heading" className="text-lg font-medium">
            Vendor × vendor agreement
          </h2>
          <table className="w-full max-w-3xl text-left text-sm" data-testid="agreement">
            <thead className="text-xs text-zinc-500">
              <tr>
                <th className="py-1 pr-4 font-medium">Vendors</th>
                <th className="py-1 pr-4 font-medium">Items both answered</th>
                <th className="py-1 pr-4 font-medium">Same outcome</th>
                <th className="py-1 pr-4 font-medium">Cohen&apos;s κ</th>
              </tr>
            </thead>
            <tbody>
              {report.agreements.map((p) => (
                <tr key={`${p.a}-${p.b}`} className="border-t border-zinc-100 dark:border-zinc-800" data-testid={`agreement-${p.a}-${p.b}`}>
                  <th scope="row" className="py-1 pr-4 font-medium">
                    {name(p.a)} × {name(p.b)}
                  </th>
                  <td className="py-1 pr-4 tabular-nums">{p.agreement.n}</td>
                  <td className="py-1 pr-4">
                    <ProportionText value={p.agreement.agreement} testId={`agreement-rate-${p.a}-${p.b}`} />
                  </td>
                  <td className="py-1 pr-4">
                    <KappaText kappa={p.agreement.kappa} testId={`kappa-${p.a}-${p.b}`} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="text-xs text-zinc-500">Outcomes compared: pass / fail / review / error. κ is n/a when both vendors always gave the same single outcome.</p>
          {report.agreements.map((p) =>
            p.disagreements.length ? (
              <details key={`d-${p.a}-${p.b}`} open={p.disagreements.length <= 10}>
                <summary className="cursor-pointer text-sm font-medium">
                  {name(p.a)} and {name(p.b)} disagree on {p.disagreements.length} item{p.disagreements.length === 1 ? "" : "s"}
                </summary>
                <ul className="mt-2 flex flex-col gap-1 text-sm">
                  {p.disagreements.slice(0, 200).map((d) => (
                    <li key={d.itemId} className="flex flex-wrap items-center gap-2">
                      <Link href={`/compare/${d.verificationId}`} className="text-sky-700 underline dark:text-sky-400">
                        {d.name ?? d.verificationId.slice(0, 8)}
                      </Link>
                      <span className="text-xs text-zinc-500">{d.label}</span>
                      <span className="text-xs">{name(p.a)}</span> <OutcomeBadge outcome={d.a} />
                      <span className="text-xs">{name(p.b)}</span> <OutcomeBadge outcome={d.b} />
                    </li>
                  ))}
                </ul>
              </details>
            ) : null,
          )}
        </section>
      ) : null}
    </>
  );
}
