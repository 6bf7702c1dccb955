"use client";

import {
  columnVisibilityFeature,
  rowSelectionFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type ColumnDef,
  type ColumnVisibilityState,
  type OnChangeFn,
  type RowData,
  type RowSelectionState,
  type SortingState,
  type TableState,
} from "@tanstack/react-table";
import type { ReactNode, Ref } from "react";
import { ColumnVisibilityMenu } from "@/components/data-table/column-visibility-menu";
import { openRowProps } from "@/components/data-table/open-row";
import { SortableHeader } from "@/components/data-table/sortable-header";
import { cn } from "@/components/ui/cn";

interface DataTableColumnMeta {
  /** The column's name in the Columns menu, where its header is not plain text. */
  label?: string;
  /** Width class of a fixed-layout table's column (the column without one takes what is left). */
  width?: string;
}

// Tables in Verdict are server-driven: the page parses sort/filter/cursor from the URL and passes
// one page of rows. TanStack Table lays the columns out; no client-side row processing. A table
// opts into sorting, column visibility and row selection by passing their state.
// `columnMeta` only carries the type of `columnDef.meta` (TanStack Table v9 strips it at runtime).
const columnMeta: DataTableColumnMeta = {};
export const dataTableFeatures = tableFeatures({ columnVisibilityFeature, rowSortingFeature, rowSelectionFeature, columnMeta });
export type DataTableColumn<T extends RowData> = ColumnDef<typeof dataTableFeatures, T>;

/** A slice of table state the page owns, and what to call when the table changes it. */
interface Controlled<S> {
  state: S;
  onChange: OnChangeFn<S>;
}

export interface DataTableProps<T extends RowData> {
  columns: DataTableColumn<T>[];
  data: T[];
  getRowId: (row: T) => string;
  caption: string;
  empty?: string;
  /** "fixed": columns take their `meta.width` (table-fixed), so a wide table fits its box. */
  layout?: "auto" | "fixed";
  /** Rows open on click or Enter (links and controls inside a row keep their own meaning). */
  onOpenRow?: (row: T) => void;
  rowLabel?: (row: T) => string;
  rowTestId?: string;
  /** Sorting is done by the server (manualSorting): the table shows it and asks for another. */
  sorting?: Controlled<SortingState>;
  /** Adds a Columns menu for the columns that may be hidden. */
  columnVisibility?: Controlled<ColumnVisibilityState>;
  rowSelection?: Controlled<RowSelectionState>;
  /** Shown above the table, left of the Columns menu. */
  toolbar?: ReactNode;
  bodyRef?: Ref<HTMLTableSectionElement>;
}

export function DataTable<T extends RowData>({
  columns,
  data,
  getRowId,
  caption,
  empty = "Nothing here yet.",
  layout = "auto",
  onOpenRow,
  rowLabel,
  rowTestId,
  sorting,
  columnVisibility,
  rowSelection,
  toolbar,
  bodyRef,
}: DataTableProps<T>) {
  const state: Partial<TableState<typeof dataTableFeatures>> = {};
  if (sorting) state.sorting = sorting.state;
  if (columnVisibility) state.columnVisibility = columnVisibility.state;
  if (rowSelection) state.rowSelection = rowSelection.state;
  const table = useTable({
    features: dataTableFeatures,
    columns,
    data,
    getRowId: (row) => getRowId(row),
    state,
    manualSorting: true,
    enableSorting: Boolean(sorting),
    enableSortingRemoval: false,
    onSortingChange: sorting?.onChange,
    enableHiding: Boolean(columnVisibility),
    onColumnVisibilityChange: columnVisibility?.onChange,
    enableRowSelection: Boolean(rowSelection),
    onRowSelectionChange: rowSelection?.onChange,
  });
  const fixed = layout === "fixed";
  const hideable = table.getAllLeafColumns().filter((column) => column.getCanHide());

  const grid = (
    <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <table className={cn("w-full text-left text-sm", fixed && "table-fixed")}>
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-zinc-200 bg-zinc-50 text-xs uppercase tracking-wide text-zinc-500 dark:border-zinc-800 dark:bg-zinc-900">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                return (
                  <th
                    key={header.id}
                    scope="col"
                    className={cn("py-2 font-medium", fixed ? "px-2" : "px-3", fixed && header.column.columnDef.meta?.width)}
                    aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                  >
                    {header.isPlaceholder ? null : header.column.getCanSort() ? (
                      <SortableHeader sorted={sorted} onToggle={header.column.getToggleSortingHandler()}>
                        <table.FlexRender header={header} />
                      </SortableHeader>
                    ) : (
                      <table.FlexRender header={header} />
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody ref={bodyRef}>
          {data.length === 0 ? (
            <tr>
              <td colSpan={table.getVisibleLeafColumns().length} className="px-3 py-8 text-center text-zinc-500">
                {empty}
              </td>
            </tr>
          ) : (
            table.getRowModel().rows.map((row) => (
              <tr
                key={row.id}
                data-row-id={row.id}
                data-testid={rowTestId}
                aria-label={rowLabel?.(row.original)}
                className={cn(
                  "border-b border-zinc-100 last:border-0 dark:border-zinc-800",
                  onOpenRow &&
                    "cursor-pointer hover:bg-zinc-50 focus:bg-sky-50 focus:outline-2 focus:-outline-offset-2 focus:outline-sky-600 dark:hover:bg-zinc-800/50 dark:focus:bg-sky-950",
                )}
                {...(onOpenRow ? openRowProps(() => onOpenRow(row.original)) : {})}
              >
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} className={cn("py-2 align-middle", fixed ? "overflow-hidden px-2" : "px-3")}>
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

  if (!toolbar && !columnVisibility) return grid;
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2">
        {/* The toolbar takes the row's free space: an item of it with ml-auto sits just left of the Columns menu. */}
        {toolbar ? <div className="flex flex-1 flex-wrap items-center gap-2">{toolbar}</div> : null}
        {columnVisibility ? (
          <div className="ml-auto">
            <ColumnVisibilityMenu
              columns={hideable.map((column) => ({
                id: column.id,
                label: column.columnDef.meta?.label ?? (typeof column.columnDef.header === "string" ? column.columnDef.header : column.id),
                visible: column.getIsVisible(),
                setVisible: (visible) => column.toggleVisibility(visible),
              }))}
            />
          </div>
        ) : null}
      </div>
      {grid}
    </div>
  );
}
