import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { SimpleTable } from "@/components/ui/simple-table";
import { CHECK_TYPE_LABELS } from "@/lib/verifications/verification-labels";
import { formatDateTime } from "@/lib/format/date-time";
import { hasRole, requirePageUser } from "@/lib/auth/current-user";
import { listTestSets } from "@/lib/test-sets/manage-test-sets";
import { CreateTestSetForm } from "./_components/create-test-set-form";

export const metadata: Metadata = { title: "Test sets" };

export default async function TestSetsPage() {
  const user = await requirePageUser();
  const sets = await listTestSets();
  return (
    <>
      <PageHeader
        title="Test sets"
        description="Labelled media (bona fide or attack, same or different person) run through vendors to measure them: APCER/BPCER/ACER, FMR/FNMR, agreement, latency."
        actions={
          <Link href="/test-sets/reviewer-truth" className="text-sm font-medium text-sky-700 underline dark:text-sky-400">
            Vendors against reviewer decisions
          </Link>
        }
      />
      <div className="flex flex-col gap-8">
        {sets.length === 0 ? (
          <p className="text-sm text-zinc-500">No test set yet.</p>
        ) : (
          <SimpleTable
            rows={sets}
            rowKey={(s) => s.id}
            columns={[
              {
                header: "Name",
                cell: (s) => (
                  <Link href={`/test-sets/${s.id}`} className="font-medium text-sky-700 underline dark:text-sky-400">
                    {s.name}
                  </Link>
                ),
              },
              { header: "Check", cell: (s) => CHECK_TYPE_LABELS[s.checkType].title },
              { header: "Items", className: "tabular-nums", cell: (s) => s.items },
              { header: "Created", className: "font-mono text-xs", cell: (s) => formatDateTime(s.createdAt) },
            ]}
          />
        )}
        {hasRole(user, ["admin", "operator"]) ? <CreateTestSetForm /> : null}
      </div>
    </>
  );
}
