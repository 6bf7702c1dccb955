import type { Metadata } from "next";
import Link from "next/link";
import { SimpleTable } from "@/components/ui/simple-table";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { VendorRunChip } from "@/components/verifications/status-badges";
import { CHECK_TYPE_LABELS, VENDOR_SHORT_NAMES } from "@/lib/verifications/verification-labels";
import { formatDateTime } from "@/lib/format/date-time";
import { hasRole, requirePageUser } from "@/lib/auth/current-user";
import { getTestSet } from "@/lib/test-sets/manage-test-sets";
import { labelsFor } from "@/lib/test-sets/test-set-schemas";
import { listTestSetVendors } from "@/lib/test-sets/vendors-for-test-set";
import type { VendorId } from "@/lib/vendors/types";
import { ImportItemsForm } from "./_components/import-items-form";
import { RunTestSetForm } from "./_components/run-test-set-form";

export const metadata: Metadata = { title: "Test set" };

export default async function TestSetPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser();
  const { id } = await params;
  const testSet = await getTestSet(id);
  if (!testSet) notFound();
  const canOperate = hasRole(user, ["admin", "operator"]);
  const vendors = await listTestSetVendors(testSet.id, testSet.checkType);
  const shownVendors = [...new Set(testSet.items.flatMap((i) => i.verification.runs.map((r) => r.vendor)))].sort() as VendorId[];
  const counts = new Map<string, number>();
  for (const item of testSet.items) {
    const key = item.attackType ? `${item.label} · ${item.attackType}` : item.label;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href="/test-sets" className="text-zinc-600 underline-offset-2 hover:underline dark:text-zinc-400">
          Test sets
        </Link>
      </nav>
      <PageHeader
        title={testSet.name}
        description={`${CHECK_TYPE_LABELS[testSet.checkType].title} · ${testSet._count.items} item${testSet._count.items === 1 ? "" : "s"}${testSet.description ? ` · ${testSet.description}` : ""}`}
        actions={
          <Link href={`/test-sets/${testSet.id}/report`} className="inline-flex h-9 items-center rounded-md bg-sky-700 px-3.5 text-sm font-medium text-white hover:bg-sky-800 dark:bg-sky-600">
            Report
          </Link>
        }
      />
      <div className="mb-6 flex flex-wrap gap-2 text-sm" aria-label="Items by label">
        {[...counts.entries()].map(([label, n]) => (
          <Badge key={label}>
            {label}: {n}
          </Badge>
        ))}
      </div>
      {canOperate ? (
        <div className="mb-8 grid gap-6 lg:grid-cols-[2fr_1fr]">
          <ImportItemsForm testSetId={testSet.id} labels={labelsFor(testSet.checkType)} singleMedia={testSet.checkType === "liveness_selfie" || testSet.checkType === "liveness_video"} />
          <RunTestSetForm testSetId={testSet.id} vendors={vendors} />
        </div>
      ) : null}

      {testSet.batches.length ? (
        <section aria-labelledby="runs-heading" className="mb-8">
          <h2 id="runs-heading" className="mb-2 text-lg font-medium">
            Runs
          </h2>
          <ul className="flex flex-col gap-1 text-sm">
            {testSet.batches.map((b) => (
              <li key={b.id}>
                <Link href={`/reruns/${b.id}`} className="text-sky-700 underline dark:text-sky-400">
                  {formatDateTime(b.createdAt)}
                </Link>{" "}
                · {b.vendors.map((v) => VENDOR_SHORT_NAMES[v]).join(", ")} · {b.plannedRuns} runs · <Badge>{b.status}</Badge>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="items-heading">
        <h2 id="items-heading" className="mb-2 text-lg font-medium">
          Items
        </h2>
        {testSet.items.length === 0 ? (
          <p className="text-sm text-zinc-500">No items yet: import media above.</p>
        ) : (
          <SimpleTable
            data-testid="test-set-items"
            rows={testSet.items}
            rowKey={(item) => item.id}
            columns={[
              {
                header: "Item",
                cell: (item) => (
                  <Link href={`/verifications/${item.verificationId}`} className="text-sky-700 underline dark:text-sky-400">
                    {item.verification.reference ?? item.verificationId.slice(0, 8)}
                  </Link>
                ),
              },
              {
                header: "Label",
                cell: (item) => (
                  <>
                    {item.label}
                    {item.attackType ? <span className="text-zinc-500"> · {item.attackType}</span> : null}
                  </>
                ),
              },
              { header: "Media", className: "text-xs text-zinc-500", cell: (item) => item.verification.media.map((m) => m.role).join(", ") },
              {
                header: "Latest runs",
                cell: (item) => (
                  <div className="flex flex-wrap gap-2">
                    {shownVendors.map((vendor) => {
                      const runs = item.verification.runs.filter((r) => r.vendor === vendor);
                      const latest = runs.reduce<(typeof runs)[number] | null>((a, r) => (!a || r.attempt > a.attempt ? r : a), null);
                      return latest ? <VendorRunChip key={vendor} vendor={VENDOR_SHORT_NAMES[vendor]} status={latest.status} outcome={latest.outcome} /> : null;
                    })}
                    {item.verification.runs.length === 0 ? <span className="text-xs text-zinc-500">not run yet: no vendor asked</span> : null}
                  </div>
                ),
              },
            ]}
          />
        )}
        {testSet._count.items > testSet.items.length ? <p className="mt-2 text-xs text-zinc-500">Showing the first {testSet.items.length} of {testSet._count.items} items; the report covers all.</p> : null}
      </section>
    </>
  );
}
