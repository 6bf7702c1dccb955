import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { Badge } from "@/components/ui/badge";
import { inputClass } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { CHECK_TYPE_LABELS, formatDateTime } from "@/lib/verifications/verification-labels";
import { requirePageUser } from "@/lib/auth/current-user";
import { findHoldsOfReference } from "@/lib/data-protection/legal-holds";
import { db } from "@/lib/db";
import { PlaceHoldForm, ReleaseHoldForm } from "../retention/_components/hold-forms";
import { EraseSubjectForm } from "./_components/erase-subject-form";

export const metadata: Metadata = { title: "Subjects" };
export const dynamic = "force-dynamic";

const searchSchema = z.object({ reference: z.string().trim().max(200).optional().catch(undefined) });

export default async function SubjectsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageUser(["admin"]);
  const { reference } = searchSchema.parse(await searchParams);
  const [verifications, holds] = reference
    ? await Promise.all([
        db.verification.findMany({
          where: { reference },
          orderBy: { createdAt: "desc" },
          take: 500,
          select: { id: true, checkType: true, status: true, createdAt: true, erasedAt: true, media: { select: { purgedAt: true } }, cases: { select: { id: true, status: true } } },
        }),
        findHoldsOfReference(reference),
      ])
    : [[], []];

  return (
    <>
      <PageHeader title="Subjects" description="A person, by the reference your backend gave their verifications: export what Verdict holds, erase it, or put it on legal hold." />
      <form className="mb-6 flex items-end gap-3" role="search">
        <label className="flex flex-col gap-1 text-sm">
          Reference
          <input name="reference" defaultValue={reference} className={`${inputClass} w-72`} maxLength={200} />
        </label>
        <button type="submit" className="h-9 rounded-md bg-sky-700 px-3 text-sm font-medium text-white hover:bg-sky-800">Find</button>
      </form>
      {reference && verifications.length === 0 ? <p className="text-sm text-zinc-600">No verification has the reference “{reference}”.</p> : null}
      {reference && verifications.length > 0 ? (
        <div className="flex flex-col gap-8">
          <section aria-labelledby="subject-verifications" className="flex flex-col gap-2">
            <h2 id="subject-verifications" className="text-lg font-medium">{verifications.length} verification{verifications.length === 1 ? "" : "s"} of “{reference}”</h2>
            <div className="flex flex-wrap gap-4 text-sm">
              <a className="font-medium text-sky-700 underline dark:text-sky-400" href={`/api/v1/subjects/${encodeURIComponent(reference)}/export`} download>Export everything (zip)</a>
              <Link className="font-medium text-sky-700 underline dark:text-sky-400" href={`/admin/audit?reference=${encodeURIComponent(reference)}&action=media.viewed`}>Who looked at these faces</Link>
              <Link className="text-sky-700 underline dark:text-sky-400" href={`/admin/audit?reference=${encodeURIComponent(reference)}`}>Every audit event</Link>
            </div>
            <table className="max-w-4xl text-sm" aria-label="Verifications of this subject">
              <thead className="text-left text-xs text-zinc-500">
                <tr><th className="py-1 pr-4">Created</th><th className="py-1 pr-4">Check</th><th className="py-1 pr-4">Status</th><th className="py-1 pr-4">Media</th><th className="py-1">Cases</th></tr>
              </thead>
              <tbody>
                {verifications.map((v) => {
                  const purged = v.media.filter((m) => m.purgedAt).length;
                  return (
                    <tr key={v.id} className="border-t border-zinc-200 dark:border-zinc-800">
                      <td className="py-1 pr-4 font-mono text-xs"><Link className="underline" href={`/verifications/${v.id}`}>{formatDateTime(v.createdAt)}</Link></td>
                      <td className="py-1 pr-4">{CHECK_TYPE_LABELS[v.checkType].title}</td>
                      <td className="py-1 pr-4">{v.status}{v.erasedAt ? <> · <Badge>erased {v.erasedAt.toISOString().slice(0, 10)}</Badge></> : null}</td>
                      <td className="py-1 pr-4">{v.media.length - purged} kept{purged ? `, ${purged} purged` : ""}</td>
                      <td className="py-1">{v.cases.map((c) => <Link key={c.id} className="mr-2 underline" href={`/cases/${c.id}`}>{c.status}</Link>)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </section>

          <section aria-labelledby="subject-holds" className="flex flex-col gap-2">
            <h2 id="subject-holds" className="text-lg font-medium">Legal hold</h2>
            {holds.length ? (
              <ul className="flex max-w-4xl flex-col gap-2">
                {holds.map((h) => (
                  <li key={h.id} className="flex flex-wrap items-start justify-between gap-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-800 dark:bg-amber-950">
                    <p>
                      <span className="font-medium">On hold{h.scope === "case" ? <> (case <Link className="font-mono underline" href={`/cases/${h.caseId}`}>{h.caseId?.slice(0, 8)}</Link>)</> : null}:</span> {h.reason} · placed by {h.createdBy} on {formatDateTime(h.createdAt)}. Retention and erasure skip {h.scope === "case" ? "this case" : "this subject"}.
                    </p>
                    <ReleaseHoldForm holdId={h.id} />
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-sm text-zinc-500">Not on hold.</p>
            )}
            {holds.some((h) => h.scope === "reference") ? null : <PlaceHoldForm reference={reference} />}
          </section>

          <section aria-labelledby="subject-erase" className="flex flex-col gap-2">
            <h2 id="subject-erase" className="text-lg font-medium">Erase</h2>
            <p className="max-w-3xl text-sm text-zinc-600 dark:text-zinc-400">
              Destroys now, for every verification of this reference: the media files, thumbnails and filmstrips, face crops in vendor answers, notes and file names.
              The verifications stay as tombstones with their results, decisions, comments and audit trail. Verifications under legal hold are skipped. Erasing again changes nothing.
            </p>
            <EraseSubjectForm reference={reference} />
          </section>
        </div>
      ) : null}
    </>
  );
}
