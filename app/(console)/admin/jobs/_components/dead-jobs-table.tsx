"use client";

import { useState, useTransition } from "react";
import { DataTable, type DataTableColumn } from "@/components/data-table/data-table";
import { Button } from "@/components/ui/button";
import { retryDeadJobAction } from "../actions";

export interface DeadJobRow {
  id: string;
  queue: string;
  payload: string;
  error: string | null;
  deadAt: string;
}

export function DeadJobsTable({ jobs }: { jobs: DeadJobRow[] }) {
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null);

  function retry(job: DeadJobRow) {
    startTransition(async () => {
      const result = await retryDeadJobAction({ jobId: job.id });
      setMessage(result.ok ? { kind: "ok", text: `Queued again on ${result.data.queue} as job ${result.data.jobId}.` } : { kind: "error", text: result.error });
    });
  }

  const columns: DataTableColumn<DeadJobRow>[] = [
    {
      id: "job",
      header: "Job",
      cell: ({ row }) => (
        <div>
          <code className="text-xs">{row.original.queue}</code>
          <p className="font-mono text-xs text-zinc-500">{row.original.id}</p>
        </div>
      ),
    },
    { id: "payload", header: "Payload", cell: ({ row }) => <code className="break-all text-xs">{row.original.payload}</code> },
    { id: "error", header: "Last error", cell: ({ row }) => <span className="text-red-800 dark:text-red-300">{row.original.error ?? "unknown"}</span> },
    { id: "deadAt", header: "Dead since", cell: ({ row }) => `${row.original.deadAt.slice(0, 16).replace("T", " ")} UTC` },
    {
      id: "actions",
      header: () => <span className="sr-only">Actions</span>,
      cell: ({ row }) => (
        <div className="flex justify-end">
          <Button size="sm" variant="secondary" disabled={pending} onClick={() => retry(row.original)} aria-label={`Retry job ${row.original.id}`}>
            Retry
          </Button>
        </div>
      ),
    },
  ];

  return (
    <div className="flex flex-col gap-3">
      {message ? (
        <p
          role={message.kind === "error" ? "alert" : "status"}
          className={
            message.kind === "error"
              ? "rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-300"
              : "rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300"
          }
        >
          {message.text}
        </p>
      ) : null}
      <DataTable caption="Dead-letter jobs" columns={columns} data={jobs} getRowId={(j) => j.id} empty="No dead jobs: every job either ran or is still being retried." />
    </div>
  );
}
