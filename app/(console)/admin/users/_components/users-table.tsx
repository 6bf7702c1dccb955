"use client";

import { DataTable, type DataTableColumn } from "@/components/data-table/data-table";
import { Badge } from "@/components/ui/badge";
import { FormError, useServerAction } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions/safe-action";
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

type UserChange =
  | { kind: "role"; userId: string; role: string }
  | { kind: "senior"; userId: string; senior: boolean }
  | { kind: "disabled"; userId: string; disabled: boolean }
  | { kind: "password"; userId: string };

// The row controls call four actions; through one hook they share one pending state and one error
// line. Only a password reset answers with something to show.
async function changeUser(change: UserChange): Promise<ActionResult<{ email: string; password: string } | null>> {
  const { userId } = change;
  if (change.kind === "password") return resetPasswordAction({ userId });
  const result =
    change.kind === "role"
      ? await changeRoleAction({ userId, role: change.role })
      : change.kind === "senior"
        ? await setSeniorReviewerAction({ userId, senior: change.senior })
        : await setDisabledAction({ userId, disabled: change.disabled });
  return result.ok ? { ok: true, data: null } : result;
}

export function UsersTable({ users, currentUserId }: { users: UserRow[]; currentUserId: string }) {
  const { pending, data: newPassword, formError, run, reset } = useServerAction(changeUser);

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
          onChange={(e) => run({ kind: "role", userId: row.original.id, role: e.target.value })}
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
              onChange={(e) => run({ kind: "senior", userId: row.original.id, senior: e.target.checked })}
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
            onClick={() => run({ kind: "password", userId: row.original.id })}
          >
            Reset password
          </Button>
          <Button
            size="sm"
            variant={row.original.disabled ? "secondary" : "danger"}
            disabled={pending}
            onClick={() => run({ kind: "disabled", userId: row.original.id, disabled: !row.original.disabled })}
          >
            {row.original.disabled ? "Enable" : "Disable"}
          </Button>
        </div>
      ),
    },
  ];

  return (
    <div className="flex flex-col gap-3">
      <FormError error={formError} banner />
      {newPassword ? <OneTimePassword email={newPassword.email} password={newPassword.password} onDone={reset} /> : null}
      <DataTable caption="Users" columns={columns} data={users} getRowId={(u) => u.id} />
    </div>
  );
}
