import type { Metadata } from "next";
import Link from "next/link";
import { PageLinks } from "@/components/data-table/page-links";
import { CASE_STATUS_LABELS } from "@/components/review/case-labels";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { PageHeader } from "@/components/ui/page-header";
import { formatDateTime } from "@/lib/verifications/verification-labels";
import { requirePageUser } from "@/lib/auth/current-user";
import { listMentions } from "@/lib/review/mentions";
import { MarkReadButton } from "./_components/mark-read-button";

export const metadata: Metadata = { title: "Mentions" };

export default async function MentionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser();
  const params = await searchParams;
  const cursor = typeof params.cursor === "string" ? params.cursor : undefined;
  const { mentions, nextCursor } = await listMentions(user.id, { cursor });
  const unread = mentions.filter((m) => m.unread).length;

  return (
    <>
      <PageHeader
        title="Mentions"
        description="Comments on review cases that mention you, newest first. New ones stay marked until you mark them read."
        actions={unread > 0 ? <MarkReadButton /> : null}
      />
      {mentions.length === 0 ? (
        <p className="text-sm text-zinc-500">{cursor ? "No older mentions." : "Nobody has mentioned you in a comment yet."}</p>
      ) : (
        <ol className="flex flex-col gap-2" aria-label="Comments that mention you">
          {mentions.map((m) => (
            <li
              key={m.commentId}
              className={cn(
                "rounded-md border p-3 text-sm",
                m.unread ? "border-sky-300 bg-sky-50/60 dark:border-sky-800 dark:bg-sky-950/30" : "border-zinc-200 dark:border-zinc-800",
              )}
            >
              <p className="flex flex-wrap items-center gap-2 text-xs text-zinc-500">
                {m.unread ? <Badge tone="info">New</Badge> : null}
                <span>
                  {m.author} · {formatDateTime(m.createdAt)} · case{" "}
                  <Link href={`/cases/${m.caseId}`} className="font-mono text-sky-700 underline dark:text-sky-400">
                    {m.caseReference ?? m.caseId.slice(0, 8)}
                  </Link>{" "}
                  ({CASE_STATUS_LABELS[m.caseStatus]})
                </span>
              </p>
              <p className="mt-1 whitespace-pre-wrap">{m.body}</p>
            </li>
          ))}
        </ol>
      )}
      <PageLinks first={cursor ? "/mentions" : null} previous={null} next={nextCursor ? `/mentions?cursor=${nextCursor}` : null} />
    </>
  );
}
