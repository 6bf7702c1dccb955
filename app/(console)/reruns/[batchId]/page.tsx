import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { FactList } from "@/components/ui/fact-list";
import { PageHeader } from "@/components/ui/page-header";
import { SimpleTable } from "@/components/ui/simple-table";
import { SandboxAnswersNotice, SandboxBadge } from "@/components/verifications/sandbox-badge";
import { OutcomeBadge } from "@/components/verifications/status-badges";
import { VENDOR_SHORT_NAMES } from "@/lib/verifications/verification-labels";
import { formatDateTime } from "@/lib/format/date-time";
import { hasRole, requirePageUser } from "@/lib/auth/current-user";
import { getRerunBatchProgress } from "@/lib/reruns/get-rerun-batch";
import { BatchLiveRefresh } from "./_components/batch-live-refresh";
import { CancelBatchButton } from "./_components/cancel-batch-button";

export const metadata: Metadata = { title: "Rerun batch" };

const STATUS_TONES = { running: "info", completed: "success", cancelled: "neutral", failed: "danger" } as const;

function formatSeconds(seconds: number | null): string {
  if (seconds === null) return "estimating…";
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
  return `${Math.floor(seconds / 3600)} h ${Math.floor((seconds % 3600) / 60)} min`;
}

export default async function RerunBatchPage({ params }: { params: Promise<{ batchId: string }> }) {
  const user = await requirePageUser();
  const { batchId } = await params;
  const p = await getRerunBatchProgress(batchId);
  if (!p) notFound();
  const expected = Math.max(1, p.plannedRuns - p.skippedRuns);
  const share = (n: number) => `${((n / expected) * 100).toFixed(2)}%`;
  const vendors = Object.keys(p.perVendor).sort();
  const flipsByVendor = new Map<string, typeof p.flips>();
  for (const flip of p.flips) flipsByVendor.set(flip.vendor, [...(flipsByVendor.get(flip.vendor) ?? []), flip]);

  return (
    <>
      <BatchLiveRefresh active={p.status === "running"} />
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href="/reruns" className="text-zinc-600 underline-offset-2 hover:underline dark:text-zinc-400">
          Rerun batches
        </Link>
        {p.testSetId ? (
          <>
            {" · "}
            <Link href={`/test-sets/${p.testSetId}`} className="text-zinc-600 underline-offset-2 hover:underline dark:text-zinc-400">
              Test set
            </Link>
          </>
        ) : null}
      </nav>
      <PageHeader
        title="Rerun batch"
        description={`${p.selection} on ${p.vendors.map((v) => VENDOR_SHORT_NAMES[v]).join(", ")} · why: ${p.reason}`}
        actions={
          <div className="flex items-center gap-3">
            <Badge tone={STATUS_TONES[p.status]}>
              <span data-testid="batch-status">{p.status}</span>
            </Badge>
            {p.status === "running" && hasRole(user, ["admin", "operator"]) ? <CancelBatchButton batchId={p.id} /> : null}
          </div>
        }
      />

      <div className="mb-4">
        <SandboxAnswersNotice vendors={Object.keys(p.sandboxRuns).sort().map((v) => VENDOR_SHORT_NAMES[v as keyof typeof VENDOR_SHORT_NAMES] ?? v)} />
      </div>
      <section aria-labelledby="progress-heading" className="mb-8 flex flex-col gap-3">
        <h2 id="progress-heading" className="text-lg font-medium">
          Progress
        </h2>
        <div
          role="progressbar"
          aria-label="Batch progress"
          aria-valuemin={0}
          aria-valuemax={expected}
          aria-valuenow={p.counts.completed + p.counts.failed}
          aria-valuetext={`${p.counts.completed} done, ${p.counts.failed} failed, ${p.remaining} remaining`}
          className="flex h-4 w-full overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800"
        >
          <div className="h-full bg-emerald-500" style={{ width: share(p.counts.completed) }} />
          <div className="h-full bg-red-500" style={{ width: share(p.counts.failed) }} />
          <div className="h-full bg-zinc-400 dark:bg-zinc-600" style={{ width: share(p.counts.cancelled) }} />
        </div>
        <FactList
          className="text-sm sm:grid-cols-4 lg:grid-cols-7"
          valueClassName="font-mono tabular-nums"
          items={[
            { label: "Done", value: p.counts.completed, testId: "batch-done" },
            { label: "Failed", value: p.counts.failed, testId: "batch-failed" },
            { label: "Remaining", value: p.remaining, testId: "batch-remaining" },
            { label: "Cancelled", value: p.counts.cancelled, testId: "batch-cancelled" },
            { label: "Skipped", value: p.skippedRuns, testId: "batch-skipped" },
            { label: "Rate", value: p.ratePerMinute ? `${p.ratePerMinute.toFixed(1)} runs/min` : "—" },
            { label: "Time left", value: p.status === "running" ? formatSeconds(p.secondsLeft) : "—" },
          ]}
        />
        <p className="text-xs text-zinc-500">
          {p.selectedCount} verification(s) selected, {p.plannedRuns} run(s) planned, {p.createdRuns} created so far
          {p.skippedRuns ? ` (${p.skippedRuns} skipped: the vendor needs media the verification lacks, or was still busy on it)` : ""}. Started {formatDateTime(p.createdAt)}
          {p.requestedBy ? ` by ${p.requestedBy}` : ""}
          {p.finishedAt ? `, ended ${formatDateTime(p.finishedAt)}` : ""}.
        </p>
        {p.error ? (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            The batch stopped: {p.error}
          </p>
        ) : null}
      </section>

      <section aria-labelledby="vendors-heading" className="mb-8">
        <h2 id="vendors-heading" className="mb-2 text-lg font-medium">
          Per vendor
        </h2>
        <SimpleTable
          className="max-w-3xl"
          rows={vendors}
          rowKey={(vendor) => vendor}
          rowProps={(vendor) => ({ "data-testid": `batch-vendor-${vendor}` })}
          columns={[
            {
              header: "Vendor",
              className: "font-medium",
              cell: (vendor) => (
                <>
                  {VENDOR_SHORT_NAMES[vendor as keyof typeof VENDOR_SHORT_NAMES] ?? vendor}
                  {p.sandboxRuns[vendor] ? (
                    <span className="ml-2 inline-flex items-center gap-1 text-xs font-normal text-zinc-500">
                      <SandboxBadge compact /> {p.sandboxRuns[vendor]}
                    </span>
                  ) : null}
                </>
              ),
            },
            { header: "Queued", className: "tabular-nums", cell: (vendor) => p.perVendor[vendor].queued },
            { header: "Running", className: "tabular-nums", cell: (vendor) => p.perVendor[vendor].running },
            { header: "Done", className: "tabular-nums", cell: (vendor) => p.perVendor[vendor].completed },
            { header: "Failed", className: "tabular-nums", cell: (vendor) => p.perVendor[vendor].failed },
            { header: "Cancelled", className: "tabular-nums", cell: (vendor) => p.perVendor[vendor].cancelled },
            {
              header: "Outcome changes",
              className: "tabular-nums",
              cell: (vendor) => (flipsByVendor.get(vendor) ?? []).filter((f) => f.before !== null && f.before !== f.after).reduce((n, f) => n + f.count, 0),
            },
          ]}
        />
      </section>

      <section aria-labelledby="flips-heading" className="mb-8">
        <h2 id="flips-heading" className="mb-2 text-lg font-medium">
          What changed
        </h2>
        <p className="mb-2 text-sm text-zinc-600 dark:text-zinc-400">Each new run against the previous run of the same vendor on the same verification.</p>
        {p.flips.length === 0 ? <p className="text-sm text-zinc-500">No run has finished yet.</p> : null}
        <div className="grid gap-4 md:grid-cols-2">
          {[...flipsByVendor.entries()].map(([vendor, flips]) => (
            <table key={vendor} className="text-left text-sm" data-testid={`flips-${vendor}`}>
              <caption className="mb-1 text-left font-medium">{VENDOR_SHORT_NAMES[vendor as keyof typeof VENDOR_SHORT_NAMES] ?? vendor}</caption>
              <thead className="text-xs text-zinc-500">
                <tr>
                  <th className="py-1 pr-4 font-medium">Before</th>
                  <th className="py-1 pr-4 font-medium">After</th>
                  <th className="py-1 font-medium">Runs</th>
                </tr>
              </thead>
              <tbody>
                {flips.map((f) => (
                  <tr key={`${f.before}-${f.after}`} className={f.before !== null && f.before !== f.after ? "bg-amber-50 dark:bg-amber-950/40" : undefined}>
                    <td className="py-1 pr-4">{f.before ? <OutcomeBadge outcome={f.before} /> : <span className="text-xs text-zinc-500">first run</span>}</td>
                    <td className="py-1 pr-4">
                      <OutcomeBadge outcome={f.after} />
                    </td>
                    <td className="py-1 tabular-nums">{f.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
        </div>
        {p.flippedRuns.some((r) => r.before !== null) ? (
          <details className="mt-4">
            <summary className="cursor-pointer text-sm font-medium">Verifications whose outcome changed (latest {p.flippedRuns.length})</summary>
            <ul className="mt-2 flex flex-col gap-1 text-sm">
              {p.flippedRuns
                .filter((r) => r.before !== null)
                .map((r) => (
                  <li key={`${r.verificationId}-${r.vendor}-${r.attempt}`}>
                    <Link href={`/verifications/${r.verificationId}`} className="font-mono text-xs text-sky-700 underline dark:text-sky-400">
                      {r.verificationId.slice(0, 8)}
                    </Link>{" "}
                    {VENDOR_SHORT_NAMES[r.vendor]} run {r.attempt}: {r.before} → {r.after ?? "—"}
                  </li>
                ))}
            </ul>
          </details>
        ) : null}
      </section>
    </>
  );
}
