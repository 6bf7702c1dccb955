import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { CHECK_TYPE_LABELS, formatDateTime } from "@/lib/verifications/verification-labels";
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
          <table className="w-full text-left text-sm">
            <thead className="text-xs text-zinc-500">
              <tr>
                <th className="py-1 pr-4 font-medium">Name</th>
                <th className="py-1 pr-4 font-medium">Check</th>
                <th className="py-1 pr-4 font-medium">Items</th>
                <th className="py-1 font-medium">Created</th>
              </tr>
            </thead>
            <tbody>
              {sets.map((s) => (
                <tr key={s.id} className="border-t border-zinc-100 dark:border-zinc-800">
                  <td className="py-1 pr-4">
                    <Link href={`/test-sets/${s.id}`} className="font-medium text-sky-700 underline dark:text-sky-400">
                      {s.name}
                    </Link>
                  </td>
                  <td className="py-1 pr-4">{CHECK_TYPE_LABELS[s.checkType].title}</td>
                  <td className="py-1 pr-4 tabular-nums">{s.items}</td>
                  <td className="py-1 font-mono text-xs">{formatDateTime(s.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {hasRole(user, ["admin", "operator"]) ? <CreateTestSetForm /> : null}
      </div>
    </>
  );
}
