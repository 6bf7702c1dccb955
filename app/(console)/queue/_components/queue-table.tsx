"use client";

import { ReferenceLink } from "@/components/subjects/reference-link";
import type { RowSelectionState } from "@tanstack/react-table";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { DataTable, type DataTableColumn } from "@/components/data-table/data-table";
import { MediaThumbnail } from "@/components/media/media-thumbnail";
import { CaseStatusBadge, DecisionBadge, ruleShortLabel, ruleTitle } from "@/components/review/case-labels";
import { isPageShortcut, ShortcutsDialog } from "@/components/review/shortcuts-dialog";
import { usePageShortcuts } from "@/components/review/use-page-shortcuts";
import { SlaCountdown } from "@/components/review/sla-countdown";
import { useServerAction } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { VendorRunChip } from "@/components/verifications/status-badges";
import { StackedDateTime } from "@/components/data-table/stacked-date-time";
import { useUrlColumnVisibility } from "@/components/data-table/use-url-table-state";
import { CHECK_TYPE_LABELS, ROLE_LABELS, VENDOR_SHORT_NAMES } from "@/lib/verifications/verification-labels";
import type { MediaRole } from "@/lib/generated/prisma/enums";
import type { CheckType, Outcome, VendorId } from "@/lib/vendors/types";
import { QUEUE_HIDEABLE_COLUMNS } from "../_lib/queue-columns";
import { assignCasesAction } from "../actions";
import { cn } from "@/components/ui/cn";

export interface QueueTableRow {
  id: string;
  status: "open" | "awaiting_confirmation" | "escalated" | "decided";
  priority: number;
  rules: string[];
  checkType: CheckType;
  reference: string | null;
  assignee: string | null;
  mine: boolean;
  openedAt: string;
  slaDueAt: string | null;
  decision: string | null;
  vendors: { vendor: VendorId; outcome: Outcome | null; sandbox: boolean }[];
  thumbnail: { mediaId: string; role: MediaRole; kind: "thumb" | "filmstrip" } | null;
}

type Column = DataTableColumn<QueueTableRow>;

const QUEUE_SHORTCUTS = [
  { keys: ["j", "↓"], does: "Next case" },
  { keys: ["k", "↑"], does: "Previous case" },
  { keys: ["Enter"], does: "Open the selected case" },
  { keys: ["c"], does: "Claim the next case" },
  { keys: ["?"], does: "Show these shortcuts" },
];

// Fixed widths (table-fixed) so the table fits a 1280 px window: "Why" takes what is left. The
// case and the selection are always shown; the others can be hidden from the Columns menu.
function columns(now: number, selectable: boolean): Column[] {
  const list: Column[] = [
    {
      id: "media",
      meta: { label: "Face", width: "w-14" },
      header: () => <span className="sr-only">Face</span>,
      cell: ({ row }) => {
        const thumb = row.original.thumbnail;
        if (!thumb) return <span className="block size-10 rounded bg-zinc-100 dark:bg-zinc-800" aria-label="no media" role="img" />;
        return <MediaThumbnail mediaId={thumb.mediaId} kind={thumb.kind} alt={ROLE_LABELS[thumb.role]} size={40} />;
      },
    },
    {
      id: "case",
      enableHiding: false,
      meta: { width: "w-24" },
      header: "Case",
      cell: ({ row }) => (
        <span className="flex min-w-0 flex-col">
          <Link href={`/cases/${row.original.id}`} tabIndex={-1} className="font-mono text-xs underline-offset-2 hover:underline">
            {row.original.id.slice(0, 8)}
          </Link>
          {row.original.reference ? (
            <span className="truncate font-mono text-[11px] text-zinc-500" title={`Reference ${row.original.reference}`}>
              <ReferenceLink reference={row.original.reference} />
            </span>
          ) : null}
        </span>
      ),
    },
    { id: "priority", meta: { width: "w-[4.75rem]" }, header: "Priority", cell: ({ row }) => <span className="tabular-nums">{row.original.priority}</span> },
    {
      id: "rules",
      header: "Why",
      cell: ({ row }) => (
        <ul className="flex flex-wrap gap-1 text-xs">
          {row.original.rules.map((r) => (
            <li key={r} title={ruleTitle(r)} className="whitespace-nowrap rounded bg-zinc-100 px-1.5 py-0.5 dark:bg-zinc-800">
              {ruleShortLabel(r)}
            </li>
          ))}
        </ul>
      ),
    },
    { id: "checkType", meta: { width: "w-24" }, header: "Check", cell: ({ row }) => <span className="text-xs">{CHECK_TYPE_LABELS[row.original.checkType].title}</span> },
    {
      id: "vendors",
      meta: { width: "w-28" },
      header: "Vendors",
      cell: ({ row }) => (
        <div className="flex flex-wrap gap-2">
          {row.original.vendors.map((v) => (
            <VendorRunChip key={v.vendor} vendor={VENDOR_SHORT_NAMES[v.vendor]} status="completed" outcome={v.outcome} sandbox={v.sandbox} />
          ))}
        </div>
      ),
    },
    {
      id: "status",
      meta: { width: "w-28" },
      header: "Status",
      cell: ({ row }) => (
        <span className="flex flex-wrap items-center gap-1">
          <CaseStatusBadge status={row.original.status} />
          <DecisionBadge decision={row.original.decision} />
        </span>
      ),
    },
    {
      id: "assignee",
      meta: { width: "w-24" },
      header: "Assignee",
      cell: ({ row }) => (
        <span className="block truncate text-xs" title={row.original.assignee ?? undefined}>
          {row.original.mine ? "me" : (row.original.assignee ?? "—")}
        </span>
      ),
    },
    { id: "opened", meta: { width: "w-24" }, header: "Opened", cell: ({ row }) => <StackedDateTime value={row.original.openedAt} /> },
    { id: "sla", meta: { width: "w-24" }, header: "SLA", cell: ({ row }) => <SlaCountdown dueAt={row.original.slaDueAt} decided={row.original.status === "decided"} now={now} /> },
  ];
  if (!selectable) return list;
  return [
    {
      id: "select",
      enableHiding: false,
      meta: { width: "w-8" },
      header: ({ table }) => (
        <input type="checkbox" aria-label="Select every case on this page" checked={table.getIsAllRowsSelected()} onChange={table.getToggleAllRowsSelectedHandler()} />
      ),
      cell: ({ row }) => (
        <input type="checkbox" aria-label={`Select case ${row.original.id.slice(0, 8)}`} checked={row.getIsSelected()} onChange={(e) => row.toggleSelected(e.target.checked)} />
      ),
    },
    ...list,
  ];
}

// The queue as a server-driven table: the page passes one page of rows (filters, sort and cursor
// are in the URL, and so are the hidden columns). Rows are focusable: j/k or arrows move, Enter
// opens. Admins select rows to assign.
export function QueueTable({
  rows,
  now,
  canAssign,
  reviewers,
}: {
  rows: QueueTableRow[];
  now: number;
  canAssign: boolean;
  reviewers: { id: string; email: string }[];
}) {
  const router = useRouter();
  const columnVisibility = useUrlColumnVisibility(QUEUE_HIDEABLE_COLUMNS);
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  const [assignee, setAssignee] = useState("");
  const assignment = useServerAction(assignCasesAction, { fields: ["assigneeId"], onSuccess: () => setRowSelection({}) });

  function focusRow(delta: number) {
    const items = [...(bodyRef.current?.querySelectorAll<HTMLTableRowElement>("tr[data-row-id]") ?? [])];
    if (items.length === 0) return;
    const current = items.findIndex((r) => r === document.activeElement);
    const next = current === -1 ? (delta > 0 ? 0 : items.length - 1) : Math.min(items.length - 1, Math.max(0, current + delta));
    items[next]?.focus();
  }

  usePageShortcuts("queue-rows", (event) => {
    if (!isPageShortcut(event)) return;
    const onRow = (event.target as HTMLElement | null)?.closest?.("tr[data-row-id]");
    if (event.key === "j" || (event.key === "ArrowDown" && onRow)) {
      event.preventDefault();
      focusRow(1);
    } else if (event.key === "k" || (event.key === "ArrowUp" && onRow)) {
      event.preventDefault();
      focusRow(-1);
    }
  });

  const selected = Object.keys(rowSelection);
  const done = assignment.data;
  const error = assignment.fieldErrors.assigneeId?.join(" ") ?? assignment.formError;

  const toolbar = (
    <>
      {canAssign ? (
        <div role="group" aria-label="Assign selected cases" className="flex flex-wrap items-center gap-2 text-sm">
          <span>{selected.length} selected</span>
          <label className="sr-only" htmlFor="bulk-assignee">
            Assign to
          </label>
          <select id="bulk-assignee" value={assignee} onChange={(e) => setAssignee(e.target.value)} className={cn(inputClass, "h-8 w-auto")}>
            <option value="">Nobody (unassign)</option>
            {reviewers.map((r) => (
              <option key={r.id} value={r.id}>
                {r.email}
              </option>
            ))}
          </select>
          <Button size="sm" variant="secondary" disabled={assignment.pending || selected.length === 0} onClick={() => assignment.run({ caseIds: selected, assigneeId: assignee })}>
            Assign selected
          </Button>
          {error ? (
            <span role="alert" className="text-red-700 dark:text-red-400">
              {error}
            </span>
          ) : done ? (
            <span role="status" className="text-emerald-700 dark:text-emerald-400">
              {done.assigned} case(s) {done.unassigned ? "unassigned" : "assigned"}
              {done.skipped ? `, ${done.skipped} decided case(s) skipped` : ""}.
            </span>
          ) : null}
        </div>
      ) : null}
      <div className="ml-auto">
        <ShortcutsDialog shortcuts={QUEUE_SHORTCUTS} />
      </div>
    </>
  );

  return (
    <DataTable
      caption="Review cases (j/k to move, Enter to open)"
      columns={columns(now, canAssign)}
      data={rows}
      getRowId={(row) => row.id}
      empty="No cases match these filters."
      layout="fixed"
      columnVisibility={columnVisibility}
      rowSelection={canAssign ? { state: rowSelection, onChange: setRowSelection } : undefined}
      onOpenRow={(row) => router.push(`/cases/${row.id}`)}
      rowLabel={(row) => `Case ${row.id.slice(0, 8)}, priority ${row.priority}, ${row.rules.map(ruleTitle).join(", ")}${row.reference ? `, reference ${row.reference}` : ""}`}
      rowTestId="queue-row"
      toolbar={toolbar}
      bodyRef={bodyRef}
    />
  );
}
