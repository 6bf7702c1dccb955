"use client";

import { DataTable, type DataTableColumn } from "@/components/data-table/data-table";
import { FormError, useServerAction } from "@/components/ui/action-form";
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
  const { pending, data: retried, formError, run } = useServerAction(retryDeadJobAction);

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
          <Button size="sm" variant="secondary" disabled={pending} onClick={() => run({ jobId: row.original.id })} aria-label={`Retry job ${row.original.id}`}>
            Retry
          </Button>
        </div>
      ),
    },
  ];

  return (
    <div className="flex flex-col gap-3">
      {retried ? (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300">
          Queued again on {retried.queue} as job {retried.jobId}.
        </p>
      ) : null}
      <FormError error={formError} banner />
      <DataTable caption="Dead-letter jobs" columns={columns} data={jobs} getRowId={(j) => j.id} empty="No dead jobs: every job either ran or is still being retried." />
    </div>
  );
}
