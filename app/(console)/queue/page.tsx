import type { Metadata } from "next";
import { PageLinks } from "@/components/data-table/page-links";
import { TableLink } from "@/components/data-table/table-link";
import { PageHeader } from "@/components/ui/page-header";
import { CASE_STATUS_LABELS } from "@/components/review/case-labels";
import { cn } from "@/components/ui/cn";
import { hasRole, requirePageUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db";
import { DECIDED_COUNT_CAP, findCases } from "@/lib/review/find-cases";
import { queueQueryString, queueSearchSchema } from "@/lib/review/queue-search";
import { listSavedViews } from "@/lib/review/saved-views";
import { getReviewerSettings } from "@/lib/users/manage-users";
import { SandboxVendorsNotice } from "@/components/verifications/sandbox-vendors-notice";
import { findSandboxVendors } from "@/lib/vendor-settings/find-sandbox-vendors";
import { ClaimNextButton } from "./_components/claim-next-button";
import { QueueFilters } from "./_components/queue-filters";
import { QueueTable } from "./_components/queue-table";
import { SavedViews } from "./_components/saved-views";

export const metadata: Metadata = { title: "Review queue" };

type SearchParams = Record<string, string | string[] | undefined>;

const STATUS_TABS = ["active", "open", "awaiting_confirmation", "escalated", "decided", "all"] as const;

export default async function QueuePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePageUser();
  const params = await searchParams;
  const search = queueSearchSchema.parse(params);
  const canDecide = hasRole(user, ["admin", "reviewer"]);
  const isAdmin = user.role === "admin";
  const [{ rows, nextCursor, prevCursor, counts, decidedCapped }, views, reviewers, settings, sandboxVendors] = await Promise.all([
    findCases(search, user.id),
    listSavedViews(user.id),
    isAdmin ? db.user.findMany({ where: { role: { in: ["admin", "reviewer"] }, disabledAt: null }, select: { id: true, email: true }, orderBy: { email: "asc" } }) : Promise.resolve([]),
    getReviewerSettings(user.id),
    findSandboxVendors(),
  ]);
  const escalatedView = search.status === "escalated";
  const query = queueQueryString(search);
  const active = counts.open + counts.awaiting_confirmation + counts.escalated;
  // Decided cases are counted up to a cap: past it, the tab (and All) says "at least".
  const tabCount = (tab: (typeof STATUS_TABS)[number]): { text: string; title?: string } => {
    const n = tab === "active" ? active : tab === "all" ? active + counts.decided : counts[tab];
    return decidedCapped && (tab === "decided" || tab === "all")
      ? { text: `${n.toLocaleString("en-US")}+`, title: `More than ${(tab === "all" ? n : DECIDED_COUNT_CAP).toLocaleString("en-US")}: the queue counts decided cases up to ${DECIDED_COUNT_CAP.toLocaleString("en-US")}; the dashboards give exact totals.` }
      : { text: n.toLocaleString("en-US") };
  };
  // Links to other tabs and pages: TableLink adds the columns hidden (a saved view holds the filters only).
  const hrefFor = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(query);
    next.delete("cursor");
    next.delete("before");
    for (const [k, v] of Object.entries(changes)) {
      if (v === null) next.delete(k);
      else next.set(k, v);
    }
    const text = next.toString();
    return text ? `/queue?${text}` : "/queue";
  };

  return (
    <>
      <PageHeader
        title="Review queue"
        description="Flagged verifications waiting for a person. Highest priority first, then oldest."
        actions={canDecide ? <ClaimNextButton escalated={escalatedView && settings.senior} /> : null}
      />
      <SandboxVendorsNotice vendors={sandboxVendors} isAdmin={isAdmin} />
      <nav aria-label="Case status" className="mb-4 flex flex-wrap gap-1 border-b border-zinc-200 dark:border-zinc-800">
        {STATUS_TABS.map((tab) => {
          const current = search.status === tab;
          const count = tabCount(tab);
          return (
            <TableLink
              key={tab}
              href={hrefFor({ status: tab === "active" ? null : tab })}
              aria-current={current ? "page" : undefined}
              data-testid={`status-tab-${tab}`}
              className={cn(
                "-mb-px inline-flex items-center gap-1.5 border-b-2 px-3 py-2 text-sm focus-visible:outline-2 focus-visible:outline-sky-600",
                current ? "border-sky-600 font-medium text-sky-800 dark:text-sky-300" : "border-transparent text-zinc-600 hover:text-zinc-900 dark:text-zinc-400",
              )}
            >
              {tab === "active" ? "To do" : tab === "all" ? "All" : CASE_STATUS_LABELS[tab]}
              <span className="rounded bg-zinc-100 px-1.5 text-xs tabular-nums dark:bg-zinc-800" title={count.title} data-testid={`status-count-${tab}`}>
                {count.text}
              </span>
            </TableLink>
          );
        })}
      </nav>
      {escalatedView ? (
        <p className="mb-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950/50 dark:text-amber-200" data-testid="escalated-view-note">
          {settings.senior
            ? "Escalated cases wait for a senior reviewer or an admin. Claim next escalated takes the oldest highest-priority one that you did not escalate yourself."
            : "Escalated cases are decided by senior reviewers and admins (Admin → Users grants the senior reviewer permission). You can read them here."}
        </p>
      ) : null}
      <QueueFilters values={{ rule: search.rule, checkType: search.checkType, vendor: search.vendor, assignee: search.assignee, age: search.age, sla: search.sla, reference: search.reference, sort: search.sort }} reviewers={reviewers} />
      <SavedViews views={views.map((v) => ({ id: v.id, name: v.name, query: v.query }))} currentQuery={query} />
      <QueueTable
        now={Date.now()}
        rows={rows.map((r) => ({
          id: r.id,
          status: r.status,
          priority: r.priority,
          rules: r.rules,
          checkType: r.checkType,
          reference: r.reference,
          assignee: r.assignee?.email ?? null,
          mine: r.assignee?.id === user.id,
          openedAt: r.openedAt.toISOString(),
          slaDueAt: r.slaDueAt?.toISOString() ?? null,
          decision: r.decision,
          vendors: r.vendors,
          thumbnail: r.thumbnail,
        }))}
        reviewers={reviewers}
        canAssign={isAdmin}
      />
      <PageLinks
        first={prevCursor ? hrefFor({}) : null}
        previous={prevCursor ? hrefFor({ before: prevCursor }) : null}
        next={nextCursor ? hrefFor({ cursor: nextCursor }) : null}
      />
    </>
  );
}
