"use client";

import Link from "next/link";
import { DataTable, type DataTableColumn } from "@/components/data-table/data-table";
import { formatDateTime } from "@/lib/verifications/verification-labels";

export interface AuditRow {
  id: string;
  at: string;
  actor: string;
  action: string;
  targetType: string;
  targetId: string | null;
  targetHref: string | null;
  changes: Array<{ field: string; before: string | null; after: string | null }>;
}

function Change({ row }: { row: AuditRow }) {
  if (row.changes.length === 0) return <span className="text-zinc-400">—</span>;
  return (
    <dl className="grid max-w-xl grid-cols-[auto_minmax(0,1fr)] gap-x-2 text-xs">
      {row.changes.map((c) => (
        <div key={c.field} className="contents">
          <dt className="font-mono text-zinc-500">{c.field}</dt>
          <dd className="break-words">
            {c.before === null ? (
              c.after
            ) : (
              <>
                <span className="text-red-800 line-through decoration-red-400 dark:text-red-300">{c.before}</span>
                {" → "}
                <span className="text-emerald-800 dark:text-emerald-300">{c.after ?? "(removed)"}</span>
              </>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}

const columns: DataTableColumn<AuditRow>[] = [
  { id: "at", header: "When (UTC)", cell: ({ row }) => <time dateTime={row.original.at} className="whitespace-nowrap font-mono text-xs">{formatDateTime(row.original.at)}</time> },
  { id: "actor", header: "Who", cell: ({ row }) => row.original.actor },
  { id: "action", header: "What", cell: ({ row }) => <code className="text-xs">{row.original.action}</code> },
  {
    id: "target",
    header: "Target",
    cell: ({ row }) => {
      const { targetType, targetId, targetHref } = row.original;
      const text = targetId ? `${targetType} ${targetId}` : targetType;
      return targetHref ? (
        <Link href={targetHref} className="font-mono text-xs text-sky-700 underline-offset-2 hover:underline dark:text-sky-400">{text}</Link>
      ) : (
        <span className="font-mono text-xs">{text}</span>
      );
    },
  },
  { id: "change", header: "Change", cell: ({ row }) => <Change row={row.original} /> },
];

export function AuditTable({ events }: { events: AuditRow[] }) {
  return <DataTable caption="Audit events" columns={columns} data={events} getRowId={(e) => e.id} empty="No audit events match." />;
}
