"use client";

import { useState, useTransition } from "react";
import { DataTable, type DataTableColumn } from "@/components/data-table/data-table";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { ROLES } from "@/lib/users/role-list";
import { revokeApiKeyAction } from "../actions";
import { formatDateTime } from "@/lib/format/date-time";

export interface ApiKeyRow {
  id: string;
  name: string;
  prefix: string;
  role: (typeof ROLES)[number];
  createdBy: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export function ApiKeysTable({ keys }: { keys: ApiKeyRow[] }) {
  const [pending, startTransition] = useTransition();
  const [confirming, setConfirming] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  function revoke(id: string) {
    startTransition(async () => {
      const result = await revokeApiKeyAction({ apiKeyId: id });
      setError(result.ok ? null : result.error);
      setConfirming(null);
    });
  }

  const columns: DataTableColumn<ApiKeyRow>[] = [
    { id: "name", header: "Name", cell: ({ row }) => <span className="font-medium">{row.original.name}</span> },
    { id: "prefix", header: "Key", cell: ({ row }) => <code className="text-xs">{row.original.prefix}…</code> },
    { id: "role", header: "Role", cell: ({ row }) => row.original.role },
    { id: "createdBy", header: "Created by", cell: ({ row }) => row.original.createdBy ?? "command line" },
    { id: "createdAt", header: "Created", cell: ({ row }) => formatDateTime(row.original.createdAt, { seconds: false, empty: "never" }) },
    { id: "lastUsedAt", header: "Last used", cell: ({ row }) => formatDateTime(row.original.lastUsedAt, { seconds: false, empty: "never" }) },
    {
      id: "status",
      header: "Status",
      cell: ({ row }) =>
        row.original.revokedAt ? (
          <span title={`revoked ${formatDateTime(row.original.revokedAt, { seconds: false, empty: "never" })}`}>
            <Badge tone="danger">revoked</Badge>
          </span>
        ) : (
          <Badge tone="success">active</Badge>
        ),
    },
    {
      id: "actions",
      header: () => <span className="sr-only">Actions</span>,
      cell: ({ row }) => {
        const key = row.original;
        if (key.revokedAt) return null;
        return confirming === key.id ? (
          <div className="flex justify-end gap-2">
            <Button size="sm" variant="danger" disabled={pending} onClick={() => revoke(key.id)}>
              Confirm revoke
            </Button>
            <Button size="sm" variant="secondary" disabled={pending} onClick={() => setConfirming(null)}>
              Cancel
            </Button>
          </div>
        ) : (
          <div className="flex justify-end">
            <Button size="sm" variant="secondary" disabled={pending} onClick={() => setConfirming(key.id)} aria-label={`Revoke ${key.name}`}>
              Revoke
            </Button>
          </div>
        );
      },
    },
  ];

  return (
    <div className="flex flex-col gap-3">
      {error ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-300">
          {error}
        </p>
      ) : null}
      <DataTable caption="API keys" columns={columns} data={keys} getRowId={(k) => k.id} empty="No API keys yet." />
    </div>
  );
}
