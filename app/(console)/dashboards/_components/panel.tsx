import { Download } from "lucide-react";
import Link from "next/link";

// One dashboard panel: a chart with its numbers beside it, and the CSV of those numbers.
export function Panel({
  id,
  title,
  description,
  exportHref,
  chart,
  table,
}: {
  id: string;
  title: string;
  description?: string;
  exportHref?: string;
  chart?: React.ReactNode;
  table: React.ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-title`} data-testid={`panel-${id}`} className="rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900/40">
      <header className="mb-3 flex flex-wrap items-start justify-between gap-2">
        <div>
          <h3 id={`${id}-title`} className="text-sm font-semibold">
            {title}
          </h3>
          {description ? <p className="mt-0.5 max-w-3xl text-xs text-zinc-600 dark:text-zinc-400">{description}</p> : null}
        </div>
        {exportHref ? (
          // A plain link: the browser downloads the route handler's CSV (attachment).
          <a
            href={exportHref}
            download
            className="inline-flex h-8 items-center gap-1.5 rounded-md border border-zinc-300 px-2.5 text-xs font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
          >
            <Download className="size-3.5" aria-hidden /> Export CSV<span className="sr-only"> of {title}</span>
          </a>
        ) : null}
      </header>
      {chart ? (
        // Side by side only where the table has room for its columns (2xl); below, the table goes
        // under the chart at full width rather than scrolling sideways in a narrow column.
        <div className="grid gap-4 2xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
          <div className="min-w-0">{chart}</div>
          <div className="max-h-80 min-w-0 overflow-auto" data-testid="panel-table">
            {table}
          </div>
        </div>
      ) : (
        <div className="overflow-auto" data-testid="panel-table">
          {table}
        </div>
      )}
    </section>
  );
}

export interface Column<R> {
  label: string;
  numeric?: boolean;
  cell: (row: R) => React.ReactNode;
}

export function NumberTable<R>({ caption, columns, rows, footer, empty = "Nothing in this range." }: { caption: string; columns: Column<R>[]; rows: R[]; footer?: R; empty?: string }) {
  const cellClass = (numeric?: boolean) => `px-2 py-1 ${numeric ? "whitespace-nowrap text-right tabular-nums" : "text-left"}`;
  return (
    <table className="w-full border-collapse text-xs">
      <caption className="sr-only">{caption}</caption>
      <thead className="sticky top-0 bg-white dark:bg-zinc-900">
        <tr className="border-b border-zinc-200 text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
          {columns.map((c) => (
            <th key={c.label} scope="col" className={`${cellClass(c.numeric)} font-medium`}>
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <tr>
            <td colSpan={columns.length} className="px-2 py-3 text-zinc-500">
              {empty}
            </td>
          </tr>
        ) : (
          rows.map((row, i) => (
            <tr key={i} className="border-b border-zinc-100 dark:border-zinc-800">
              {columns.map((c) => (
                <td key={c.label} className={cellClass(c.numeric)}>
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))
        )}
      </tbody>
      {footer && rows.length > 0 ? (
        <tfoot>
          <tr className="font-medium">
            {columns.map((c) => (
              <td key={c.label} className={cellClass(c.numeric)}>
                {c.cell(footer)}
              </td>
            ))}
          </tr>
        </tfoot>
      ) : null}
    </table>
  );
}

export function Kpi({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <div className="rounded-lg border border-zinc-200 bg-white px-3 py-2 dark:border-zinc-800 dark:bg-zinc-900/40">
      <p className="text-xs text-zinc-600 dark:text-zinc-400">{label}</p>
      <p className="text-lg font-semibold tabular-nums">{value}</p>
      {hint ? <p className="text-xs text-zinc-500">{hint}</p> : null}
    </div>
  );
}

export function DrillLink({ href, children }: { href: string; children: React.ReactNode }) {
  return (
    <Link href={href} className="text-sky-700 underline-offset-2 hover:underline dark:text-sky-400">
      {children}
    </Link>
  );
}
