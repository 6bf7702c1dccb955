import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

// The console's small read-only tables (lists of batches, sets, runs): one markup, with column
// headers scoped for screen readers. Sorting, selection and row opening are the DataTable's.

export interface SimpleColumn<Row> {
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** Classes for this column's cells (and its header), e.g. "tabular-nums" or "text-right". */
  className?: string;
}

export function SimpleTable<Row>({
  columns,
  rows,
  rowKey,
  label,
  className,
  rowProps,
  "data-testid": testId,
}: {
  columns: SimpleColumn<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
  /** The table's accessible name, when no heading names it. */
  label?: string;
  className?: string;
  rowProps?: (row: Row) => { "data-testid"?: string };
  "data-testid"?: string;
}) {
  return (
    <table className={cn("w-full text-left text-sm", className)} aria-label={label} data-testid={testId}>
      <thead className="text-xs text-zinc-500">
        <tr>
          {columns.map((column, i) => (
            <th key={i} scope="col" className={cn("py-1 pr-4 font-medium last:pr-0", column.className?.includes("text-right") && "text-right")}>
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)} className="border-t border-zinc-100 dark:border-zinc-800" {...rowProps?.(row)}>
            {columns.map((column, i) => (
              <td key={i} className={cn("py-1 pr-4 last:pr-0", column.className)}>
                {column.cell(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
