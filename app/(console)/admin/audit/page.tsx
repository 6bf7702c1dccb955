import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { inputClass } from "@/components/ui/field";
import { auditSearchSchema, findAuditEvents } from "@/lib/audit/find-audit-events";
import { requirePageUser } from "@/lib/auth/current-user";
import { AuditChainBanner } from "./_components/audit-chain-banner";
import { AuditTable } from "./_components/audit-table";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageUser(["admin"]);
  const search = auditSearchSchema.parse(await searchParams);
  const { events, nextCursor } = await findAuditEvents(search);
  const base = new URLSearchParams(
    Object.entries({ action: search.action, actor: search.actor, targetType: search.targetType, targetId: search.targetId }).filter(
      (e): e is [string, string] => Boolean(e[1]),
    ),
  );
  return (
    <>
      <PageHeader title="Audit log" description="Append-only record of who did what, and when. Newest first." />
      <AuditChainBanner />
      <form className="mb-4 flex flex-wrap items-end gap-3" role="search">
        <label className="flex flex-col gap-1 text-sm">
          Action starts with
          <input name="action" defaultValue={search.action} placeholder="user." className={`${inputClass} w-44`} />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          Actor
          <input name="actor" defaultValue={search.actor} placeholder="email" className={`${inputClass} w-56`} />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          Target type
          <input name="targetType" defaultValue={search.targetType} placeholder="user" className={`${inputClass} w-36`} />
        </label>
        <button type="submit" className="h-9 rounded-md bg-sky-700 px-3 text-sm font-medium text-white hover:bg-sky-800">
          Filter
        </button>
        <Link href="/admin/audit" className="h-9 px-2 py-2 text-sm underline">
          Clear
        </Link>
      </form>
      <AuditTable
        events={events.map((e) => ({
          id: e.id,
          at: e.at.toISOString(),
          actor: e.actorLabel,
          action: e.action,
          target: e.targetId ? `${e.targetType} ${e.targetId}` : e.targetType,
          change: [e.before ? `before ${JSON.stringify(e.before)}` : null, e.after ? `after ${JSON.stringify(e.after)}` : null]
            .filter(Boolean)
            .join("\n"),
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
