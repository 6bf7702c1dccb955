import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { SimpleTable } from "@/components/ui/simple-table";
import { VENDOR_SHORT_NAMES } from "@/lib/verifications/verification-labels";
import { formatDateTime } from "@/lib/format/date-time";
import { requirePageUser } from "@/lib/auth/current-user";
import { listRecentRerunBatches } from "@/lib/reruns/get-rerun-batch";

export const metadata: Metadata = { title: "Rerun batches" };

export default async function RerunBatchesPage() {
  await requirePageUser();
  const batches = await listRecentRerunBatches(50);
  return (
    <>
      <PageHeader title="Rerun batches" description="Background reruns started from a filtered verifications list, a review-queue rule or a test set. Newest first." />
      {batches.length === 0 ? (
        <p className="text-sm text-zinc-500">
          No batch yet. Filter the <Link href="/verifications" className="underline">verifications</Link> and choose “Rerun these…”.
        </p>
      ) : (
        <SimpleTable
          rows={batches}
          rowKey={(b) => b.id}
          columns={[
            {
              header: "Started",
              className: "font-mono text-xs",
              cell: (b) => (
                <Link href={`/reruns/${b.id}`} className="text-sky-700 underline dark:text-sky-400">
                  {formatDateTime(b.createdAt)}
                </Link>
              ),
            },
            { header: "Status", cell: (b) => <Badge>{b.status}</Badge> },
            { header: "Vendors", cell: (b) => b.vendors.map((v) => VENDOR_SHORT_NAMES[v]).join(", ") },
            { header: "Runs", className: "tabular-nums", cell: (b) => b.plannedRuns },
            { header: "Reason", cell: (b) => b.reason },
          ]}
        />
      )}
    </>
  );
}
