import type { Metadata } from "next";
import { ReferenceLink } from "@/components/subjects/reference-link";
import Link from "next/link";
import { SimpleTable } from "@/components/ui/simple-table";
import { PageHeader } from "@/components/ui/page-header";
import { formatBytes } from "@/lib/verifications/verification-labels";
import { formatDateTime } from "@/lib/format/date-time";
import { requirePageUser } from "@/lib/auth/current-user";
import { findActiveHolds } from "@/lib/data-protection/legal-holds";
import { getRetentionSchedule } from "@/lib/data-protection/retention-job";
import { listRetentionRules, previewRetention } from "@/lib/data-protection/retention-policies";
import { CASE_STATE_WORDS, RETENTION_CASE_STATES, RETENTION_SOURCES, SOURCE_WORDS } from "@/lib/data-protection/retention-rules";
import { findRecentRetentionRuns } from "@/lib/data-protection/purge-stats";
import { PlaceHoldForm, ReleaseHoldForm } from "./_components/hold-forms";
import { RetentionForm } from "./_components/retention-form";
import { RunNowButton } from "./_components/run-now-button";

export const metadata: Metadata = { title: "Data retention" };
export const dynamic = "force-dynamic";

export default async function RetentionPage() {
  await requirePageUser(["admin"]);
  const rules = await listRetentionRules();
  const [preview, schedule, holds, runs] = await Promise.all([previewRetention(rules), getRetentionSchedule(), findActiveHolds(), findRecentRetentionRuns(10)]);
  const rows = RETENTION_SOURCES.map((source) => ({
    source,
    label: SOURCE_WORDS[source].label,
    cells: RETENTION_CASE_STATES.map((caseState) => {
      const rule = rules.find((r) => r.source === source && r.caseState === caseState)!;
      return { key: rule.key, name: rule.name, mediaDays: rule.mediaDays, preview: preview.get(rule.key) ?? null };
    }),
  }));

  return (
    <>
      <PageHeader title="Data retention" description="How long face images and videos are kept, the purge that destroys them, and legal holds." />

      <section aria-labelledby="notice" className="mb-8 max-w-3xl rounded-lg border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900">
        <h2 id="notice" className="mb-2 font-medium">Retention and destruction schedule</h2>
        <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-400">
          As published to the people whose faces are checked (BIPA §15(a), GDPR Art. 13): generated from the rules below.
        </p>
        <ul className="flex list-disc flex-col gap-1.5 pl-5 text-sm" data-testid="retention-notice">
          {rules.map((r) => (
            <li key={r.key}>{r.sentence}</li>
          ))}
          <li>A person may ask for the erasure of their face data at any time; it is destroyed at once.</li>
          <li>Media under a legal hold are kept until the hold is released, then follow this schedule.</li>
          <li>Destroyed means the original file, its thumbnails and any face crops in vendor answers; the verification, its results and decisions are kept without the face.</li>
        </ul>
      </section>

      <section aria-labelledby="rules" className="mb-8 flex flex-col gap-3">
        <h2 id="rules" className="text-lg font-medium">Rules</h2>
        <p className="max-w-3xl text-sm text-zinc-600 dark:text-zinc-400">
          Days media are kept: counted from creation, or from the last decision for decided cases. Empty keeps them. Under each rule, what the next run would destroy now.
        </p>
        <RetentionForm rows={rows} states={RETENTION_CASE_STATES.map((c) => ({ key: c, label: CASE_STATE_WORDS[c].label.replace(/^./, (x) => x.toUpperCase()) }))} />
      </section>

      <section aria-labelledby="purge" className="mb-8 flex flex-col gap-3">
        <h2 id="purge" className="text-lg font-medium">Purge runs</h2>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {schedule ? `Runs on the schedule "${schedule.cron}" (${schedule.timezone}), as a background job.` : "No periodic run is scheduled (a worker registers it when it starts; RETENTION_PURGE_CRON=off disables it)."}
        </p>
        <RunNowButton />
        {runs.length ? (
          <SimpleTable
            label="Recent purge runs"
            className="max-w-3xl"
            rows={runs}
            rowKey={(run) => run.id}
            columns={[
              { header: "Finished", className: "font-mono text-xs", cell: (run) => formatDateTime(run.at) },
              { header: "Trigger", cell: (run) => run.trigger },
              { header: "Media purged", className: "tabular-nums", cell: (run) => run.media },
              { header: "Bytes", cell: (run) => formatBytes(run.bytes) },
              { header: "Kept by holds", className: "tabular-nums", cell: (run) => run.heldMedia },
            ]}
          />
        ) : (
          <p className="text-sm text-zinc-500">No purge has run yet.</p>
        )}
        <p className="text-sm"><Link href="/admin/audit?action=media.purged" className="underline">Every purged verification in the audit log</Link></p>
      </section>

      <section aria-labelledby="holds" className="flex flex-col gap-3">
        <h2 id="holds" className="text-lg font-medium">Legal holds</h2>
        <p className="max-w-3xl text-sm text-zinc-600 dark:text-zinc-400">Held references and cases are skipped by the purge and by erasure until the hold is released. A case is held from its page.</p>
        {holds.length ? (
          <ul className="flex max-w-4xl flex-col gap-2" aria-label="Active legal holds">
            {holds.map((h) => (
              <li key={h.id} className="flex flex-wrap items-start justify-between gap-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-800 dark:bg-amber-950">
                <div>
                  <p className="font-medium">
                    {h.scope === "reference" ? (
                      <>Reference <ReferenceLink reference={h.reference} className="underline" /></>
                    ) : (
                      <>Case <Link className="font-mono underline" href={`/cases/${h.caseId}`}>{h.caseId}</Link></>
                    )}
                  </p>
                  <p className="text-zinc-600 dark:text-zinc-400">{h.reason} · placed by {h.createdBy} on {formatDateTime(h.createdAt)}</p>
                </div>
                <ReleaseHoldForm holdId={h.id} />
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-zinc-500">No active legal hold.</p>
        )}
        <h3 className="mt-2 text-sm font-medium">Hold a reference</h3>
        <PlaceHoldForm />
      </section>
    </>
  );
}
