import Link from "next/link";
import { formatDateTime } from "@/lib/format/date-time";
import type { Subject } from "@/lib/subjects/get-subject";
import { PlaceHoldForm, ReleaseHoldForm } from "../../../admin/retention/_components/hold-forms";
import { EraseSubjectForm } from "../../../admin/subjects/_components/erase-subject-form";

// An admin's actions on a subject (data protection): export, legal hold, erase. Shown on the
// subject page to admins only; the actions check the role again on the server.
export function SubjectAdminSections({ subject }: { subject: Subject }) {
  const { reference, holds } = subject;
  return (
    <div className="flex flex-col gap-8">
      <section aria-labelledby="subject-rights" className="flex flex-col gap-2">
        <h2 id="subject-rights" className="text-lg font-medium">Data protection</h2>
        <div className="flex flex-wrap gap-4 text-sm">
          <a className="font-medium text-sky-700 underline dark:text-sky-400" href={`/api/v1/subjects/${encodeURIComponent(reference)}/export`} download>Export everything (zip)</a>
          <Link className="font-medium text-sky-700 underline dark:text-sky-400" href={`/admin/audit?reference=${encodeURIComponent(reference)}&action=media.viewed`}>Who looked at these faces</Link>
          <Link className="text-sky-700 underline dark:text-sky-400" href={`/admin/audit?reference=${encodeURIComponent(reference)}`}>Every audit event</Link>
        </div>
      </section>

      <section aria-labelledby="subject-holds" className="flex flex-col gap-2">
        <h2 id="subject-holds" className="text-lg font-medium">Legal hold</h2>
        {holds.length ? (
          <ul className="flex max-w-4xl flex-col gap-2">
            {holds.map((h) => (
              <li key={h.id} className="flex flex-wrap items-start justify-between gap-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-800 dark:bg-amber-950">
                <p>
                  <span className="font-medium">On hold{h.scope === "case" && h.caseId ? <> (case <Link className="font-mono underline" href={`/cases/${h.caseId}`}>{h.caseId.slice(0, 8)}</Link>)</> : null}:</span> {h.reason} · placed by {h.createdBy} on {formatDateTime(h.createdAt)}. Retention and erasure skip {h.scope === "case" ? "this case" : "this subject"}.
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
          Destroys now, for every verification of this reference: the media files, thumbnails and filmstrips, face crops in vendor answers, the engine&apos;s faces (and so
          their place in face search), notes and file names. The verifications stay as tombstones with their results, decisions, comments and audit trail. Verifications
          under legal hold are skipped. Erasing again changes nothing.
        </p>
        <EraseSubjectForm reference={reference} />
      </section>
    </div>
  );
}
