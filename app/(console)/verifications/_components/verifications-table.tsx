"use client";

import { ReferenceLink } from "@/components/subjects/reference-link";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { DataTable, type DataTableColumn } from "@/components/data-table/data-table";
import { StackedDateTime } from "@/components/data-table/stacked-date-time";
import { useUrlColumnVisibility, useUrlSorting } from "@/components/data-table/use-url-table-state";
import { MediaThumbnail } from "@/components/media/media-thumbnail";
import { VendorRunChip, VerificationStatusBadge } from "@/components/verifications/status-badges";
import type { VerificationSortColumn } from "@/lib/verifications/find-verifications";
import { CHECK_TYPE_LABELS, ROLE_LABELS, SOURCE_LABELS, VENDOR_SHORT_NAMES } from "@/lib/verifications/verification-labels";
import type { MediaRole } from "@/lib/generated/prisma/enums";
import type { CheckType, VendorId } from "@/lib/vendors/types";
import { HIDEABLE_COLUMNS } from "../_lib/list-columns";

export interface VerificationTableRow {
  id: string;
  checkType: CheckType;
  status: string;
  source: keyof typeof SOURCE_LABELS;
  reference: string | null;
  createdAt: string;
  createdBy: string | null;
  runs: { vendor: VendorId; attempt: number; status: string; outcome: string | null; sandbox: boolean }[];
  thumbnail: { mediaId: string; role: MediaRole; kind: "thumb" | "filmstrip" } | null;
}

type Column = DataTableColumn<VerificationTableRow>;

// Sortable columns read their row field (accessorKey): TanStack sorts only columns with an accessor;
// the server does the sorting (the table is manualSorting). Fixed widths (table-fixed) so the list
// fits a 1280 px window; "Reference" takes what is left.
const columns: Column[] = [
  {
    id: "media",
    header: () => <span className="sr-only">Media</span>,
    meta: { label: "Media", width: "w-14" },
    cell: ({ row }) => {
      const thumb = row.original.thumbnail;
      if (!thumb) return <span className="block size-10 rounded bg-zinc-100 dark:bg-zinc-800" aria-label="no media" role="img" />;
      return <MediaThumbnail mediaId={thumb.mediaId} kind={thumb.kind} alt={ROLE_LABELS[thumb.role]} size={40} />;
    },
  },
  {
    id: "id",
    header: "Verification",
    enableHiding: false,
    meta: { width: "w-28" },
    cell: ({ row }) => (
      <Link href={`/verifications/${row.original.id}`} className="font-mono text-xs underline-offset-2 hover:underline">
        {row.original.id.slice(0, 8)}
      </Link>
    ),
  },
  { accessorKey: "createdAt", header: "Created", sortDescFirst: true, meta: { width: "w-24" }, cell: ({ row }) => <StackedDateTime value={row.original.createdAt} /> },
  { accessorKey: "checkType", header: "Check type", meta: { width: "w-28" }, cell: ({ row }) => <span className="text-xs">{CHECK_TYPE_LABELS[row.original.checkType].title}</span> },
  {
    id: "reference",
    header: "Reference",
    cell: ({ row }) => (
      <span className="block truncate font-mono text-xs" title={row.original.reference ?? undefined}>
        <ReferenceLink reference={row.original.reference} />
      </span>
    ),
  },
  {
    id: "vendors",
    header: "Vendors",
    meta: { width: "w-36" },
    cell: ({ row }) =>
      row.original.runs.length ? (
        <div className="flex flex-wrap gap-2">
          {row.original.runs.map((r) => (
            <VendorRunChip key={r.vendor} vendor={VENDOR_SHORT_NAMES[r.vendor]} status={r.status} outcome={r.outcome} sandbox={r.sandbox} />
          ))}
        </div>
      ) : (
        <span className="text-xs text-zinc-500">no runs</span>
      ),
  },
  { accessorKey: "status", header: "Status", meta: { width: "w-28" }, cell: ({ row }) => <VerificationStatusBadge status={row.original.status} /> },
  { accessorKey: "source", header: "Source", meta: { width: "w-24" }, cell: ({ row }) => SOURCE_LABELS[row.original.source] },
  {
    id: "createdBy",
    header: "Created by",
    meta: { width: "w-32" },
    cell: ({ row }) => (
      <span className="block truncate text-xs text-zinc-600 dark:text-zinc-400" title={row.original.createdBy ?? undefined}>
        {row.original.createdBy ?? "—"}
      </span>
    ),
  },
];

// Sorting and hidden columns live in the URL; the server sorts and only lays out the page it was
// given. Rows open the detail on click or Enter.
export function VerificationsTable({
  rows,
  sort,
  dir,
}: {
  rows: VerificationTableRow[];
  sort: VerificationSortColumn;
  dir: "asc" | "desc";
}) {
  const router = useRouter();
  const sorting = useUrlSorting({ sort, dir, defaultSort: { id: "createdAt", desc: true } });
  const columnVisibility = useUrlColumnVisibility(HIDEABLE_COLUMNS);
  return (
    <DataTable
      caption="Verifications (select a row to open it)"
      columns={columns}
      data={rows}
      getRowId={(row) => row.id}
      empty="No verifications match these filters."
      layout="fixed"
      sorting={sorting}
      columnVisibility={columnVisibility}
      onOpenRow={(row) => router.push(`/verifications/${row.id}`)}
      rowLabel={(row) => `Verification ${row.reference ?? row.id.slice(0, 8)}, ${CHECK_TYPE_LABELS[row.checkType].title}`}
    />
  );
}
