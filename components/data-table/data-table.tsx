"use client";

import { tableFeatures, useTable, type ColumnDef, type RowData } from "@tanstack/react-table";
import { cn } from "@/components/ui/cn";

// Tables in Verdict are server-driven: the page parses sort/filter/cursor from the URL and passes
// one page of rows. TanStack Table lays the columns out; no client-side row processing.
export const dataTableFeatures = tableFeatures({});
export type DataTableColumn<T extends RowData> = ColumnDef<typeof dataTableFeatures, T>;

export function DataTable<T extends RowData>({
  columns,
  data,
  getRowId,
  caption,
  empty = "Nothing here yet.",
}: {
  columns: DataTableColumn<T>[];
  data: T[];
  getRowId: (row: T) => string;
  caption: string;
  empty?: string;
}) {
  const table = useTable({ features: dataTableFeatures, columns, data, getRowId: (row) => getRowId(row) });
  return (
    <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-zinc-200 bg-zinc-50 text-xs uppercase tracking-wide text-zinc-500 dark:border-zinc-800 dark:bg-zinc-900">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => (
                <th key={header.id} scope="col" className="px-3 py-2 font-medium">
                  {header.isPlaceholder ? null : <table.FlexRender header={header} />}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="px-3 py-8 text-center text-zinc-500">
                {empty}
              </td>
            </tr>
          ) : (
            table.getRowModel().rows.map((row) => (
              <tr key={row.id} className={cn("border-b border-zinc-100 last:border-0 dark:border-zinc-800")} data-row-id={row.id}>
                {row.getAllCells().map((cell) => (
                  <td key={cell.id} className="px-3 py-2 align-middle">
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
