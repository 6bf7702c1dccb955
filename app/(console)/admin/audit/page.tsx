import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { inputClass } from "@/components/ui/field";
import { auditTargetHref, describeAuditChange } from "@/lib/audit/describe-audit-event";
import { auditFilterParams, findAuditEvents, parseAuditSearch } from "@/lib/audit/find-audit-events";
import { requirePageUser } from "@/lib/auth/current-user";
import { AuditChainBanner } from "./_components/audit-chain-banner";
import { AuditTable } from "./_components/audit-table";
import { cn } from "@/components/ui/cn";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageUser(["admin"]);
  const { search, errors } = parseAuditSearch(await searchParams);
  const dateErrors = Object.values(errors);
  // A bad date is an error to fix, not a filter to drop: no rows rather than unfiltered ones.
  const { events, nextCursor } = dateErrors.length ? { events: [], nextCursor: null } : await findAuditEvents(search);
  const base = auditFilterParams(search);
  const scope = search.verification
    ? `verification ${search.verification}`
    : search.reference
      ? `subject “${search.reference}”`
      : null;
  const faceViews = search.action === "media.viewed";
  return (
    <>
      <PageHeader
        title={scope && faceViews ? `Who looked at the faces of ${scope}` : "Audit log"}
        description="Append-only record of who did what, and when (UTC). Newest first."
      />
      <AuditChainBanner />
      <form className="mb-4 flex flex-wrap items-end gap-3" role="search">
        <label className="flex flex-col gap-1 text-sm">
          From (UTC day)
          <input type="date" name="from" defaultValue={search.from} aria-invalid={errors.from ? true : undefined} className={cn(inputClass, "w-40")} />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          To (UTC day)
          <input type="date" name="to" defaultValue={search.to} aria-invalid={errors.to ? true : undefined} className={cn(inputClass, "w-40")} />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          Actor
          <input name="actor" defaultValue={search.actor} placeholder="email or api-key:name" className={cn(inputClass, "w-52")} />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          Action starts with
          <input name="action" defaultValue={search.action} placeholder="media.viewed" className={cn(inputClass, "w-40")} />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          Target type
          <input name="targetType" defaultValue={search.targetType} placeholder="verification" className={cn(inputClass, "w-32")} />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          Target id
          <input name="targetId" defaultValue={search.targetId} className={cn(inputClass, "w-44")} />
        </label>
        {search.verification ? <input type="hidden" name="verification" value={search.verification} /> : null}
        {search.reference ? <input type="hidden" name="reference" value={search.reference} /> : null}
        <button type="submit" className="h-9 rounded-md bg-sky-700 px-3 text-sm font-medium text-white hover:bg-sky-800">
          Filter
        </button>
        <Link href="/admin/audit" className="h-9 px-2 py-2 text-sm underline">
          Clear
        </Link>
        <a href={`/api/v1/audit/export?${base}`} className="h-9 px-2 py-2 text-sm font-medium text-sky-700 underline dark:text-sky-400" download>
          Export CSV
        </a>
      </form>
      {dateErrors.length ? (
        <div role="alert" data-testid="audit-date-error" className="mb-3 rounded-md bg-red-50 px-3 py-2 text-sm font-medium text-red-800 dark:bg-red-950 dark:text-red-300">
          {dateErrors.map((e) => (
            <p key={e}>{e}</p>
          ))}
        </div>
      ) : null}
      {scope ? (
        <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-400">
          Showing events about {scope} (its verifications, media and cases).{" "}
          <Link className="underline" href={`/admin/audit?${new URLSearchParams([...base].filter(([k]) => k !== "verification" && k !== "reference"))}`}>Show all targets</Link>
        </p>
      ) : null}
      <AuditTable
        events={events.map((e) => ({
          id: e.id,
          at: e.at.toISOString(),
          actor: e.actorLabel,
          action: e.action,
          targetType: e.targetType,
          targetId: e.targetId,
          targetHref: auditTargetHref(e.targetType, e.targetId, e.after),
          changes: describeAuditChange(e.before, e.after),
        }))}
      />
      <div className="mt-4 flex gap-4 text-sm">
        {search.before ? <Link href={`/admin/audit?${base}`} className="underline">Newest</Link> : null}
        {nextCursor ? (
          <Link href={`/admin/audit?${new URLSearchParams([...base, ["before", nextCursor]])}`} className="underline">
            Older events
          </Link>
        ) : null}
      </div>
    </>
  );
}
