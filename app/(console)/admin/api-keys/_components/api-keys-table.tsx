"use client";

import { useState } from "react";
import { FormError, useServerAction } from "@/components/ui/action-form";
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
  const [confirming, setConfirming] = useState<string | null>(null);
  const { pending, formError, run } = useServerAction(revokeApiKeyAction, { onSuccess: () => setConfirming(null) });

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
            <Button size="sm" variant="danger" disabled={pending} onClick={() => run({ apiKeyId: key.id })}>
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
      <FormError error={formError} banner />
      <DataTable caption="API keys" columns={columns} data={keys} getRowId={(k) => k.id} empty="No API keys yet." />
    </div>
  );
}
