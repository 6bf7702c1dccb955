import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { KappaText, pct, ProportionText } from "@/components/test-sets/metric-text";
import { PageHeader } from "@/components/ui/page-header";
import { CHECK_TYPE_LABELS, VENDOR_SHORT_NAMES } from "@/lib/verifications/verification-labels";
import { requirePageUser } from "@/lib/auth/current-user";
import { buildReviewerTruthReport } from "@/lib/test-sets/build-reviewer-truth-report";

export const metadata: Metadata = { title: "Vendors against reviewer decisions" };

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)));

function daysAgo(n: number) {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() - n);
  return d.toISOString().slice(0, 10);
}

export default async function ReviewerTruthPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageUser();
  const query = await searchParams;
  const range = z.object({ from: day.catch(daysAgo(30)), to: day.catch(daysAgo(0)) }).parse({ from: query.from, to: query.to });
  const includeSandbox = query.sandbox === "include";
  const report = await buildReviewerTruthReport(range, { includeSandbox });

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href="/test-sets" className="text-zinc-600 underline-offset-2 hover:underline dark:text-zinc-400">
          Test sets
        </Link>
      </nav>
      <PageHeader
        title="Vendors against reviewer decisions"
        description="Decided cases as ground truth: approve = genuine (bona fide / same person), reject = attack / different person. Each vendor's latest answer on the case's verification."
      />
      <form method="get" className="mb-6 flex flex-wrap items-end gap-3 text-sm" aria-label="Date range">
        <label className="flex flex-col gap-1">
          <span className="text-xs text-zinc-500">Decided from (UTC)</span>
          <input type="date" name="from" defaultValue={range.from} className="h-9 rounded-md border border-zinc-300 bg-white px-2 dark:border-zinc-700 dark:bg-zinc-900" />
        </label>
        <label className="flex flex-col gap-1">
          <span className="text-xs text-zinc-500">to</span>
          <input type="date" name="to" defaultValue={range.to} className="h-9 rounded-md border border-zinc-300 bg-white px-2 dark:border-zinc-700 dark:bg-zinc-900" />
        </label>
        <label className="flex items-center gap-2 self-end pb-2">
          <input type="checkbox" name="sandbox" value="include" defaultChecked={includeSandbox} className="size-4" />
          Include sandbox answers (test answers, not real vendors)
        </label>
        <button type="submit" className="h-9 rounded-md border border-zinc-300 px-3 dark:border-zinc-700">
          Apply
        </button>
      </form>
      <p className="mb-4 text-sm">
        {report.cases} decided case{report.cases === 1 ? "" : "s"} (approve or reject) between {report.from} and {report.to}
        {report.truncated ? " — the most recent ones only; narrow the range" : ""}.
      </p>
      {report.groups.map((g) => (
        <section key={g.checkType} aria-labelledby={`g-${g.checkType}`} className="mb-8">
          <h2 id={`g-${g.checkType}`} className="mb-2 text-lg font-medium">
            {CHECK_TYPE_LABELS[g.checkType].title} · {g.cases} cases
          </h2>
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="text-xs text-zinc-500">
                <tr>
                  <th className="py-1 pr-4 font-medium">Vendor</th>
                  <th className="py-1 pr-4 font-medium">Agreement with reviewers</th>
                  <th className="py-1 pr-4 font-medium">κ</th>
                  {g.kind === "liveness" ? (
                    <>
                      <th className="py-1 pr-4 font-medium">APCER (rejected, vendor accepted)</th>
                      <th className="py-1 pr-4 font-medium">BPCER (approved, vendor rejected)</th>
                      <th className="py-1 pr-4 font-medium">ACER</th>
                    </>
                  ) : (
                    <>
                      <th className="py-1 pr-4 font-medium">FMR</th>
                      <th className="py-1 pr-4 font-medium">FNMR</th>
                    </>
                  )}
                  <th className="py-1 pr-4 font-medium">Error rate</th>
                </tr>
              </thead>
              <tbody>
                {g.vendors.map((v) => (
                  <tr key={v.vendor} className="border-t border-zinc-100 align-top dark:border-zinc-800">
                    <th scope="row" className="py-1 pr-4 font-medium">
                      {VENDOR_SHORT_NAMES[v.vendor]}
                    </th>
                    <td className="py-1 pr-4">
                      <ProportionText value={v.humanAgreement.agreement} />
                    </td>
                    <td className="py-1 pr-4">
                      <KappaText kappa={v.humanAgreement.kappa} />
                    </td>
                    {v.pad ? (
                      <>
                        <td className="py-1 pr-4">
                          <ProportionText value={v.pad.apcerPooled} />
                        </td>
                        <td className="py-1 pr-4">
                          <ProportionText value={v.pad.bpcer} />
                        </td>
                        <td className="py-1 pr-4 font-mono">{pct(v.pad.acer)}</td>
                      </>
                    ) : (
                      <>
                        <td className="py-1 pr-4">
                          <ProportionText value={v.match?.fmr} />
                        </td>
                        <td className="py-1 pr-4">
                          <ProportionText value={v.match?.fnmr} />
                        </td>
                      </>
                    )}
                    <td className="py-1 pr-4">
                      <ProportionText value={v.errorRate} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
      {report.groups.length === 0 ? <p className="text-sm text-zinc-500">No case was decided in this range.</p> : null}
      <p className="text-xs text-zinc-500">
        Vendor calls are taken at the vendor&apos;s threshold (live / match), review bands aside; errors have no call. Agreement: the vendor&apos;s call against the reviewer&apos;s approve / reject,
        with Cohen&apos;s κ. Reviewers see only the cases Verdict flagged, so these rates describe the grey zone, not all traffic. Intervals: 95 % Wilson.
      </p>
    </>
  );
}
