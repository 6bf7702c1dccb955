"use client";

import { useState, useTransition } from "react";
import { DataTable, type DataTableColumn } from "@/components/data-table/data-table";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { formatDateTime } from "@/lib/format/date-time";
import { ROLES } from "@/lib/users/role-list";
import { changeRoleAction, resetPasswordAction, setDisabledAction, setSeniorReviewerAction } from "../actions";
import { OneTimePassword } from "./one-time-password";

export interface UserRow {
  id: string;
  email: string;
  name: string | null;
  role: (typeof ROLES)[number];
  disabled: boolean;
  seniorReviewer: boolean;
  sso: boolean;
  lastLoginAt: string | null;
}

type Feedback = { kind: "error"; text: string } | { kind: "password"; email: string; password: string } | null;

export function UsersTable({ users, currentUserId }: { users: UserRow[]; currentUserId: string }) {
  const [pending, startTransition] = useTransition();
  const [feedback, setFeedback] = useState<Feedback>(null);

  function run(action: () => Promise<{ ok: true } | { ok: false; error: string }>) {
    startTransition(async () => {
      const result = await action();
      setFeedback(result.ok ? null : { kind: "error", text: result.error });
    });
  }

  const columns: DataTableColumn<UserRow>[] = [
    {
      id: "user",
      header: "User",
      cell: ({ row }) => (
        <div>
          <p className="font-medium">{row.original.email}</p>
          {row.original.name ? <p className="text-xs text-zinc-500">{row.original.name}</p> : null}
        </div>
      ),
    },
    {
      id: "role",
      header: "Role",
      cell: ({ row }) => (
        <select
          aria-label={`Role of ${row.original.email}`}
          value={row.original.role}
          disabled={pending}
          onChange={(e) => run(() => changeRoleAction({ userId: row.original.id, role: e.target.value }))}
          className="h-8 rounded-md border border-zinc-300 bg-white px-2 text-sm dark:border-zinc-700 dark:bg-zinc-900"
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      ),
    },
    {
      id: "senior",
      header: () => <span title="Senior reviewers (and admins) decide escalated cases">Senior reviewer</span>,
      cell: ({ row }) =>
        row.original.role === "admin" ? (
          <span className="text-xs text-zinc-500">always (admin)</span>
        ) : row.original.role === "reviewer" ? (
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              aria-label={`${row.original.email} is a senior reviewer`}
              checked={row.original.seniorReviewer}
              disabled={pending}
              onChange={(e) => run(() => setSeniorReviewerAction({ userId: row.original.id, senior: e.target.checked }))}
            />
            <span className="text-xs text-zinc-600 dark:text-zinc-400">decides escalated cases</span>
          </label>
        ) : (
          <span className="text-xs text-zinc-500">—</span>
        ),
    },
    {
      id: "status",
      header: "Status",
      cell: ({ row }) => (
        <div className="flex gap-1">
          {row.original.disabled ? <Badge tone="danger">disabled</Badge> : <Badge tone="success">active</Badge>}
          {row.original.sso ? <Badge tone="info">SSO</Badge> : null}
          {row.original.id === currentUserId ? <Badge>you</Badge> : null}
        </div>
      ),
    },
    {
      id: "lastLogin",
      header: "Last sign-in",
      cell: ({ row }) => (
        <span className="text-zinc-600 dark:text-zinc-400">
          {formatDateTime(row.original.lastLoginAt, { empty: "never" })}
        </span>
      ),
    },
    {
      id: "actions",
      header: () => <span className="sr-only">Actions</span>,
      cell: ({ row }) => (
        <div className="flex justify-end gap-2">
          <Button
            size="sm"
            variant="secondary"
            disabled={pending}
            onClick={() =>
              startTransition(async () => {
                const result = await resetPasswordAction({ userId: row.original.id });
                setFeedback(result.ok ? { kind: "password", ...result.data } : { kind: "error", text: result.error });
              })
            }
          >
            Reset password
          </Button>
          <Button
            size="sm"
            variant={row.original.disabled ? "secondary" : "danger"}
            disabled={pending}
            onClick={() => run(() => setDisabledAction({ userId: row.original.id, disabled: !row.original.disabled }))}
          >
            {row.original.disabled ? "Enable" : "Disable"}
          </Button>
        </div>
      ),
    },
  ];

  return (
    <div className="flex flex-col gap-3">
      {feedback?.kind === "error" ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-300">
          {feedback.text}
        </p>
      ) : null}
      {feedback?.kind === "password" ? <OneTimePassword email={feedback.email} password={feedback.password} onDone={() => setFeedback(null)} /> : null}
      <DataTable caption="Users" columns={columns} data={users} getRowId={(u) => u.id} />
    </div>
  );
}
