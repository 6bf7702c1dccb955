import Link from "next/link";
import { subjectHref } from "@/components/subjects/reference-link";
import type { Role } from "@/lib/generated/prisma/enums";

interface NoticeHold {
  id: string;
  scope: "case" | "reference";
  reason: string;
  createdBy: string;
  createdAt: Date;
}

interface NoticeVerification {
  id: string;
  reference: string | null;
  erased: { at: Date; by: string | null; reason: string | null } | null;
  media: { purged: unknown }[];
}

// The data-protection facts of a verification (its page and its case's page): the subject's
// reference with its links (subject page, export, who looked at the faces), legal holds, erasure.
export function DataProtectionNotice({ role, verification, holds }: { role: Role; verification: NoticeVerification; holds: NoticeHold[] }) {
  const { reference, erased, id: verificationId } = verification;
  const purgedMedia = verification.media.filter((m) => m.purged).length;
  const admin = role === "admin";
  const mayExport = admin || role === "reviewer";
  const link = "text-sky-700 underline-offset-2 hover:underline dark:text-sky-400";
  return (
    <div className="flex flex-col gap-2 text-sm" data-testid="data-protection">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
        <span>
          <span className="text-zinc-500">Subject </span>
          {reference ? (
            <Link className={`font-medium ${link}`} href={subjectHref(reference)}>{reference}</Link>
          ) : (
            <span className="text-zinc-500">no reference</span>
          )}
        </span>
        {admin ? (
          <Link className={link} href={`/admin/audit?verification=${verificationId}&action=media.viewed`}>Who looked at these faces</Link>
        ) : null}
        {reference && mayExport ? (
          <a className={link} href={`/api/v1/subjects/${encodeURIComponent(reference)}/export`} download>Export subject (zip)</a>
        ) : null}
      </div>
      {holds.map((h) => (
        <p key={h.id} role="note" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200">
          On legal hold ({h.scope === "case" ? "its case" : "its reference"}): {h.reason} — placed by {h.createdBy} on {h.createdAt.toISOString().slice(0, 10)}. Retention and erasure skip it until the hold is released.
        </p>
      ))}
      {erased ? (
        <p role="note" className="rounded-md border border-zinc-300 bg-zinc-100 px-3 py-2 dark:border-zinc-700 dark:bg-zinc-900">
          Subject erased on {erased.at.toISOString().slice(0, 10)} by {erased.by ?? "an admin"}{erased.reason ? ` (${erased.reason})` : ""}: media and personal fields destroyed; results and decisions kept.
        </p>
      ) : purgedMedia > 0 ? (
        <p role="note" className="text-zinc-600 dark:text-zinc-400">{purgedMedia} media purged by the retention schedule; results and decisions are kept.</p>
      ) : null}
    </div>
  );
}
