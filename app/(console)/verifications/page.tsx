import { Plus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { BulkRerunDialog } from "@/app/(console)/reruns/_components/bulk-rerun-dialog";
import { PageLinks } from "@/components/data-table/page-links";
import { PageHeader } from "@/components/ui/page-header";
import { db } from "@/lib/db";
import { describeSelection, type VerificationFilter } from "@/lib/reruns/rerun-selection";
import { vendorRegistry } from "@/lib/vendors/vendor-registry";
import { vendorIds } from "@/lib/vendors/types";
import { hasRole, requirePageUser } from "@/lib/auth/current-user";
import { findVerifications, verificationSearchSchema } from "@/lib/verifications/find-verifications";
import { VerificationFilters } from "./_components/verification-filters";
import { VerificationsTable } from "./_components/verifications-table";

export const metadata: Metadata = { title: "Verifications" };

type SearchParams = Record<string, string | string[] | undefined>;

function hrefWith(params: SearchParams, changes: Record<string, string | null>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (typeof value === "string" && !(key in changes)) query.set(key, value);
  }
  for (const [key, value] of Object.entries(changes)) if (value !== null) query.set(key, value);
  const text = query.toString();
  return text ? `/verifications?${text}` : "/verifications";
}

export default async function VerificationsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePageUser();
  const params = await searchParams;
  const search = verificationSearchSchema.parse(params);
  const { rows, nextCursor, prevCursor } = await findVerifications(search);
  const canCreate = hasRole(user, ["admin", "operator"]);
  // "Rerun these…" works on the filters (every page), not on the rows shown.
  const filter: VerificationFilter = { checkType: search.checkType, vendor: search.vendor, outcome: search.outcome, source: search.source, from: search.from, to: search.to, reference: search.reference };
  const vendorConfigs = canCreate ? await db.vendorConfig.findMany({ select: { vendor: true, enabled: true } }) : [];
  const bulkVendors = vendorIds.map((vendor) => ({ vendor, displayName: vendorRegistry[vendor].displayName, enabled: vendorConfigs.find((c) => c.vendor === vendor)?.enabled ?? false }));

  return (
    <>
      <PageHeader
        title="Verifications"
        description="Every check run through Verdict, with its media and each vendor's answer. Newest first unless sorted otherwise."
        actions={
          canCreate ? (
            <div className="flex flex-wrap items-center gap-2">
            {rows.length ? <BulkRerunDialog filter={filter} vendors={bulkVendors} describe={describeSelection({ kind: "filter", filter })} /> : null}
            <Link
              href="/verifications/new"
              className="inline-flex h-9 items-center gap-1.5 rounded-md bg-sky-700 px-3.5 text-sm font-medium text-white hover:bg-sky-800 dark:bg-sky-600 dark:hover:bg-sky-500"
            >
              <Plus className="size-4" aria-hidden /> New verification
            </Link>
            </div>
          ) : null
        }
      />
      <VerificationFilters
        values={{
          checkType: search.checkType,
          vendor: search.vendor,
          outcome: search.outcome,
          source: search.source,
          from: search.from,
          to: search.to,
          reference: search.reference,
        }}
      />
      <VerificationsTable
        rows={rows.map((r) => ({
          id: r.id,
          checkType: r.checkType,
          status: r.status,
          source: r.source,
          reference: r.reference,
          createdAt: r.createdAt.toISOString(),
          createdBy: r.createdBy,
          runs: r.runs,
          thumbnail: r.thumbnail,
        }))}
        sort={search.sort}
        dir={search.dir}
      />
      <PageLinks
        first={prevCursor ? hrefWith(params, { cursor: null, before: null }) : null}
        previous={prevCursor ? hrefWith(params, { cursor: null, before: prevCursor }) : null}
        next={nextCursor ? hrefWith(params, { cursor: nextCursor, before: null }) : null}
      />
    </>
  );
}
