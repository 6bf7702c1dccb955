"use client";

import {
  columnVisibilityFeature,
  functionalUpdate,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type ColumnDef,
  type ColumnVisibilityState,
  type SortingState,
  type Updater,
} from "@tanstack/react-table";
import { ArrowDown, ArrowUp, ArrowUpDown, Columns3 } from "lucide-react";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { openRowProps } from "@/components/data-table/open-row";
import { StackedDateTime } from "@/components/data-table/stacked-date-time";
import { MediaThumbnail } from "@/components/media/media-thumbnail";
import { cn } from "@/components/ui/cn";
import { VendorRunChip, VerificationStatusBadge } from "@/components/verifications/status-badges";
import { CHECK_TYPE_LABELS, ROLE_LABELS, SOURCE_LABELS, VENDOR_SHORT_NAMES } from "@/lib/verifications/verification-labels";
import type { MediaRole } from "@/lib/generated/prisma/enums";
import type { CheckType, VendorId } from "@/lib/vendors/types";
import { HIDEABLE_COLUMNS, type HideableColumn } from "../_lib/list-columns";

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

type SortColumn = "createdAt" | "checkType" | "status" | "source";

const features = tableFeatures({ columnVisibilityFeature, rowSortingFeature });
type Column = ColumnDef<typeof features, VerificationTableRow>;

const COLUMN_LABELS: Record<HideableColumn | "id", string> = {
  id: "Verification",
  media: "Media",
  createdAt: "Created",
  checkType: "Check type",
  reference: "Reference",
  vendors: "Vendors",
  status: "Status",
  source: "Source",
  createdBy: "Created by",
};

const columns: Column[] = [
  {
    id: "media",
    header: () => <span className="sr-only">Media</span>,
    enableSorting: false,
    cell: ({ row }) => {
      const thumb = row.original.thumbnail;
      if (!thumb) return <span className="block size-10 rounded bg-zinc-100 dark:bg-zinc-800" aria-label="no media" role="img" />;
      return <MediaThumbnail mediaId={thumb.mediaId} kind={thumb.kind} alt={ROLE_LABELS[thumb.role]} size={40} />;
    },
  },
  {
    id: "id",
    header: "Verification",
    enableSorting: false,
    enableHiding: false,
    cell: ({ row }) => (
      <Link href={`/verifications/${row.original.id}`} className="font-mono text-xs underline-offset-2 hover:underline">
        {row.original.id.slice(0, 8)}
      </Link>
    ),
  },
  { id: "createdAt", header: "Created", sortDescFirst: true, cell: ({ row }) => <StackedDateTime value={row.original.createdAt} /> },
  { id: "checkType", header: "Check type", cell: ({ row }) => <span className="text-xs">{CHECK_TYPE_LABELS[row.original.checkType].title}</span> },
  {
    id: "reference",
    header: "Reference",
    enableSorting: false,
    cell: ({ row }) => (
      <span className="block truncate font-mono text-xs" title={row.original.reference ?? undefined}>
        {row.original.reference ?? "—"}
      </span>
    ),
  },
  {
    id: "vendors",
    header: "Vendors",
    enableSorting: false,
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
  { id: "status", header: "Status", cell: ({ row }) => <VerificationStatusBadge status={row.original.status} /> },
  { id: "source", header: "Source", cell: ({ row }) => SOURCE_LABELS[row.original.source] },
  {
    id: "createdBy",
    header: "Created by",
    enableSorting: false,
    cell: ({ row }) => (
      <span className="block truncate text-xs text-zinc-600 dark:text-zinc-400" title={row.original.createdBy ?? undefined}>
        {row.original.createdBy ?? "—"}
      </span>
    ),
  },
];

// Fixed widths (table-fixed) so the list fits a 1280 px window; "Reference" takes what is left.
const COLUMN_WIDTHS: Record<string, string> = {
  media: "w-14",
  id: "w-28",
  createdAt: "w-24",
  checkType: "w-28",
  vendors: "w-36",
  status: "w-28",
  source: "w-24",
  createdBy: "w-32",
};

function isSortColumn(id: string): id is SortColumn {
  return id === "createdAt" || id === "checkType" || id === "status" || id === "source";
}

// Sorting and hidden columns live in the URL; the server sorts (manualSorting) and only lays out
// the page it was given. Rows open the detail on click or Enter.
export function VerificationsTable({
  rows,
  sort,
  dir,
  hidden,
}: {
  rows: VerificationTableRow[];
  sort: SortColumn;
  dir: "asc" | "desc";
  hidden: HideableColumn[];
}) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [columnVisibility, setColumnVisibility] = useState<ColumnVisibilityState>(() => Object.fromEntries(hidden.map((c) => [c, false])));
  const sorting: SortingState = [{ id: sort, desc: dir === "desc" }];

  function onSortingChange(updater: Updater<SortingState>) {
    const next = functionalUpdate(updater, sorting)[0];
    const params = new URLSearchParams(searchParams.toString());
    params.delete("cursor");
    params.delete("before");
    if (!next || !isSortColumn(next.id) || (next.id === "createdAt" && next.desc)) {
      params.delete("sort");
      params.delete("dir");
    } else {
      params.set("sort", next.id);
      params.set("dir", next.desc ? "desc" : "asc");
    }
    const query = params.toString();
    router.push(query ? `${pathname}?${query}` : pathname);
  }

  function onColumnVisibilityChange(updater: Updater<ColumnVisibilityState>) {
    const next = functionalUpdate(updater, columnVisibility);
    setColumnVisibility(next);
    const params = new URLSearchParams(searchParams.toString());
    const hide = HIDEABLE_COLUMNS.filter((c) => next[c] === false);
    if (hide.length) params.set("hide", hide.join(","));
    else params.delete("hide");
    // No server round trip for a layout change: the App Router picks up the new URL as is.
    window.history.replaceState(null, "", `${pathname}?${params.toString()}`);
  }

  const table = useTable({
    features,
    columns,
    data: rows,
    getRowId: (row) => row.id,
    state: { sorting, columnVisibility },
    manualSorting: true,
    enableSortingRemoval: false,
    onSortingChange,
    onColumnVisibilityChange,
  });

  return (
    <div className="flex flex-col gap-2">
      <div className="flex justify-end">
        <details className="relative">
          <summary className="inline-flex h-8 cursor-pointer list-none items-center gap-1.5 rounded-md border border-zinc-300 px-2.5 text-sm dark:border-zinc-700">
            <Columns3 className="size-4" aria-hidden /> Columns
          </summary>
          <fieldset className="absolute right-0 z-10 mt-1 flex w-48 flex-col gap-1 rounded-md border border-zinc-200 bg-white p-3 text-sm shadow-lg dark:border-zinc-700 dark:bg-zinc-900">
            <legend className="sr-only">Visible columns</legend>
            {table
              .getAllLeafColumns()
              .filter((c) => c.getCanHide())
              .map((column) => (
                <label key={column.id} className="flex items-center gap-2">
                  <input type="checkbox" checked={column.getIsVisible()} onChange={(e) => column.toggleVisibility(e.target.checked)} />
                  {COLUMN_LABELS[column.id as HideableColumn]}
                </label>
              ))}
          </fieldset>
        </details>
      </div>
      <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
        <table className="w-full table-fixed text-left text-sm">
          <caption className="sr-only">Verifications (select a row to open it)</caption>
          <thead className="border-b border-zinc-200 bg-zinc-50 text-xs uppercase tracking-wide text-zinc-500 dark:border-zinc-800 dark:bg-zinc-900">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const column = header.column;
                  const sorted = column.getIsSorted();
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      className={cn("px-2 py-2 font-medium", COLUMN_WIDTHS[column.id])}
                      aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                    >
                      {column.getCanSort() ? (
                        <button type="button" onClick={column.getToggleSortingHandler()} className="inline-flex items-center gap-1 uppercase hover:text-zinc-900 dark:hover:text-white">
                          <table.FlexRender header={header} />
                          {sorted === "asc" ? <ArrowUp className="size-3" aria-hidden /> : sorted === "desc" ? <ArrowDown className="size-3" aria-hidden /> : <ArrowUpDown className="size-3 opacity-40" aria-hidden />}
                        </button>
                      ) : (
                        <table.FlexRender header={header} />
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={table.getVisibleLeafColumns().length} className="px-3 py-8 text-center text-zinc-500">
                  No verifications match these filters.
                </td>
              </tr>
            ) : (
              table.getRowModel().rows.map((row) => (
                <tr
                  key={row.id}
                  data-row-id={row.id}
                  aria-label={`Verification ${row.original.reference ?? row.id.slice(0, 8)}, ${CHECK_TYPE_LABELS[row.original.checkType].title}`}
                  className="cursor-pointer border-b border-zinc-100 last:border-0 hover:bg-zinc-50 focus:bg-sky-50 focus:outline-2 focus:outline-sky-600 dark:border-zinc-800 dark:hover:bg-zinc-800/50 dark:focus:bg-sky-950"
                  {...openRowProps(() => router.push(`/verifications/${row.id}`))}
                >
                  {row.getVisibleCells().map((cell) => (
                    <td key={cell.id} className="overflow-hidden px-2 py-2 align-middle">
                      <table.FlexRender cell={cell} />
                    </td>
                  ))}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
