import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/current-user";
import { buildTestSetReport } from "@/lib/test-sets/build-test-set-report";
import type { VendorId } from "@/lib/vendors/types";
import { CHECK_TYPE_LABELS, VENDOR_SHORT_NAMES } from "@/lib/verifications/verification-labels";
import { SandboxSwitch, VendorAgreement, VendorMetrics } from "./_components/report-sections";
import { isUuid } from "@/lib/validation/uuid";

export const metadata: Metadata = { title: "Test set report" };

const name = (v: VendorId) => VENDOR_SHORT_NAMES[v];

export default async function TestSetReportPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageUser();
  const { id } = await params;
  const includeSandbox = (await searchParams).sandbox === "include";
  const report = isUuid(id) ? await buildTestSetReport(id, { includeSandbox }) : null;
  if (!report) notFound();
  const sandboxTotal = Object.values(report.sandboxRuns).reduce((n, v) => n + (v ?? 0), 0);
  const pendingTotal = Object.values(report.pending).reduce((n, v) => n + (v ?? 0), 0);
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
      <SandboxSwitch report={report} includeSandbox={includeSandbox} />
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
      {report.vendors.length ? <VendorMetrics report={report} includeSandbox={includeSandbox} /> : null}
      {report.agreements.length ? <VendorAgreement report={report} /> : null}
    </>
  );
}
