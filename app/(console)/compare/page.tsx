import type { Metadata } from "next";
import { ReferenceLink } from "@/components/subjects/reference-link";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { SimpleTable } from "@/components/ui/simple-table";
import { SandboxBadge } from "@/components/verifications/sandbox-badge";
import { CHECK_TYPE_LABELS, VENDOR_SHORT_NAMES } from "@/lib/verifications/verification-labels";
import { formatDateTime } from "@/lib/format/date-time";
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
        <SimpleTable
          rows={rows}
          rowKey={(r) => r.id}
          columns={[
            {
              header: "Created",
              className: "font-mono text-xs",
              cell: (r) => (
                <Link href={`/compare/${r.id}`} className="text-sky-700 underline dark:text-sky-400">
                  {formatDateTime(r.createdAt)}
                </Link>
              ),
            },
            { header: "Check", cell: (r) => CHECK_TYPE_LABELS[r.checkType].title },
            { header: "Reference", cell: (r) => <ReferenceLink reference={r.reference} /> },
            {
              header: "Vendors",
              cell: (r) => (
                <>
                  {r.vendors.map((v) => VENDOR_SHORT_NAMES[v]).join(", ")}
                  {r.sandboxVendors.length ? <SandboxBadge compact className="ml-2" /> : null}
                </>
              ),
            },
            { header: "Agreement", cell: (r) => (r.outcomes.length > 1 ? <Badge tone="warning">disagree: {r.outcomes.join(" / ")}</Badge> : <Badge>agree: {r.outcomes[0]}</Badge>) },
          ]}
        />
      )}
    </>
  );
}
