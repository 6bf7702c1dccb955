"use client";

import Link from "next/link";
import { DataTable, type DataTableColumn } from "@/components/data-table/data-table";
import { Badge } from "@/components/ui/badge";
import type { QueueStats } from "@/lib/jobs/job-stats";

function count(n: number, tone: "warning" | "danger" | "info" | "neutral" = "neutral") {
  return n > 0 && tone !== "neutral" ? <Badge tone={tone}>{n}</Badge> : <span className="tabular-nums">{n}</span>;
}

export function QueueStatsTable({ stats }: { stats: QueueStats[] }) {
  const columns: DataTableColumn<QueueStats>[] = [
    { id: "queue", header: "Queue", cell: ({ row }) => <code className="text-xs">{row.original.queue}</code> },
    { id: "queued", header: "Queued", cell: ({ row }) => count(row.original.queued) },
    { id: "retrying", header: "Waiting to retry", cell: ({ row }) => count(row.original.retrying, "warning") },
    { id: "active", header: "Running", cell: ({ row }) => count(row.original.active, "info") },
    { id: "completed", header: "Done (12 h)", cell: ({ row }) => count(row.original.completed) },
    { id: "failed", header: "Failed", cell: ({ row }) => count(row.original.failed) },
    {
      id: "dead",
      header: "Dead letters",
      cell: ({ row }) =>
        row.original.dead > 0 ? (
          <Link href={`/admin/jobs?queue=${encodeURIComponent(row.original.queue)}`} className="underline">
            <Badge tone="danger">{row.original.dead}</Badge>
          </Link>
        ) : (
          count(0)
        ),
    },
  ];
  return <DataTable caption="Job queues" columns={columns} data={stats} getRowId={(s) => s.queue} />;
}
