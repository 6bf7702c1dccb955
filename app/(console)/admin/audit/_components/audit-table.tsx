"use client";

import { DataTable, type DataTableColumn } from "@/components/data-table/data-table";

export interface AuditRow {
  id: string;
  at: string;
  actor: string;
  action: string;
  target: string;
  change: string;
}

const columns: DataTableColumn<AuditRow>[] = [
  { id: "at", header: "When", cell: ({ row }) => <time dateTime={row.original.at}>{new Date(row.original.at).toLocaleString()}</time> },
  { id: "actor", header: "Who", cell: ({ row }) => row.original.actor },
  { id: "action", header: "What", cell: ({ row }) => <code className="text-xs">{row.original.action}</code> },
  { id: "target", header: "Target", cell: ({ row }) => <span className="font-mono text-xs">{row.original.target}</span> },
  {
    id: "change",
    header: "Change",
    cell: ({ row }) => <pre className="max-w-xl whitespace-pre-wrap break-all font-mono text-xs text-zinc-600 dark:text-zinc-400">{row.original.change}</pre>,
  },
];

export function AuditTable({ events }: { events: AuditRow[] }) {
  return <DataTable caption="Audit events" columns={columns} data={events} getRowId={(e) => e.id} empty="No audit events match." />;
}
