import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { SandboxBadge } from "@/components/verifications/sandbox-badge";
import { CHECK_TYPE_LABELS, formatDateTime, VENDOR_SHORT_NAMES } from "@/lib/verifications/verification-labels";
import { hasRole, requirePageUser } from "@/lib/auth/current-user";
import { findMultiVendorVerifications } from "@/lib/compare/find-multi-vendor-verifications";

export const metadata: Metadata = { title: "Compare" };

export default async function ComparePage() {
  const user = await requirePageUser();
  const rows = await findMultiVendorVerifications(50);
  return (
    <>
      <PageHeader
        title="Compare"
        description="Verifications run on several vendors: open one to see the vendors side by side, disagreements highlighted and raw answers diffed."
        actions={
          hasRole(user, ["admin", "operator"]) ? (
            <Link href="/verifications/new" className="text-sm font-medium text-sky-700 underline dark:text-sky-400">
              Upload and compare vendors
            </Link>
          ) : null
        }
      />
      {rows.length === 0 ? (
        <p className="text-sm text-zinc-500">No verification has been run on two vendors yet. Use “Compare vendors” on the upload page, or rerun a verification on another vendor.</p>
      ) : (
        <table className="w-full text-left text-sm">
          <thead className="text-xs text-zinc-500">
            <tr>
              <th className="py-1 pr-4 font-medium">Created</th>
              <th className="py-1 pr-4 font-medium">Check</th>
              <th className="py-1 pr-4 font-medium">Reference</th>
              <th className="py-1 pr-4 font-medium">Vendors</th>
              <th className="py-1 font-medium">Agreement</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className="border-t border-zinc-100 dark:border-zinc-800">
                <td className="py-1 pr-4 font-mono text-xs">
                  <Link href={`/compare/${r.id}`} className="text-sky-700 underline dark:text-sky-400">
                    {formatDateTime(r.createdAt)}
                  </Link>
                </td>
                <td className="py-1 pr-4">{CHECK_TYPE_LABELS[r.checkType].title}</td>
                <td className="py-1 pr-4">{r.reference ?? "—"}</td>
                <td className="py-1 pr-4">
                  {r.vendors.map((v) => VENDOR_SHORT_NAMES[v]).join(", ")}
                  {r.sandboxVendors.length ? <SandboxBadge compact className="ml-2" /> : null}
                </td>
                <td className="py-1">{r.outcomes.length > 1 ? <Badge tone="warning">disagree: {r.outcomes.join(" / ")}</Badge> : <Badge>agree: {r.outcomes[0]}</Badge>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
