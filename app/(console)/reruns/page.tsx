import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { formatDateTime, VENDOR_SHORT_NAMES } from "@/lib/verifications/verification-labels";
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
        <table className="w-full text-left text-sm">
          <thead className="text-xs text-zinc-500">
            <tr>
              <th className="py-1 pr-4 font-medium">Started</th>
              <th className="py-1 pr-4 font-medium">Status</th>
              <th className="py-1 pr-4 font-medium">Vendors</th>
              <th className="py-1 pr-4 font-medium">Runs</th>
              <th className="py-1 font-medium">Reason</th>
            </tr>
          </thead>
          <tbody>
            {batches.map((b) => (
              <tr key={b.id} className="border-t border-zinc-100 dark:border-zinc-800">
                <td className="py-1 pr-4 font-mono text-xs">
                  <Link href={`/reruns/${b.id}`} className="text-sky-700 underline dark:text-sky-400">
                    {formatDateTime(b.createdAt)}
                  </Link>
                </td>
                <td className="py-1 pr-4">
                  <Badge>{b.status}</Badge>
                </td>
                <td className="py-1 pr-4">{b.vendors.map((v) => VENDOR_SHORT_NAMES[v]).join(", ")}</td>
                <td className="py-1 pr-4 tabular-nums">{b.plannedRuns}</td>
                <td className="py-1">{b.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
