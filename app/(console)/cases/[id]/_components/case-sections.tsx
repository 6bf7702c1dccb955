import Link from "next/link";
import { EngineFaceCrops } from "@/components/media/engine-faces";
import { FaceCompare } from "@/components/media/face-compare";
import { CaseStatusBadge, DecisionBadge, ruleTitle } from "@/components/review/case-labels";
import { Badge } from "@/components/ui/badge";
import { FactList } from "@/components/ui/fact-list";
import { ScoreBar } from "@/components/verifications/score-bar";
import { SandboxBadge } from "@/components/verifications/sandbox-badge";
import { OutcomeBadge } from "@/components/verifications/status-badges";
import { VendorRunCard } from "@/components/verifications/vendor-run-card";
import type { PictureFaces } from "@/lib/face-engine/find-engine-faces";
import { formatDateTime } from "@/lib/format/date-time";
import type { CaseDetail } from "@/lib/review/get-case";
import { describeScoreScales } from "@/lib/verifications/score-scales";
import { ROLE_LABELS, vendorDisplayName } from "@/lib/verifications/verification-labels";

// The parts of a case page (app/(console)/cases/[id]/page.tsx), each a server component.

type Run = CaseDetail["verification"]["runs"][number];

const iso = (d: Date | null) => d?.toISOString() ?? null;

function ActionName({ action }: { action: string }) {
  return <span className="font-mono text-xs">{action}</span>;
}

/** Priority, assignee, when it opened, what the vendors say, and the verification. */
export function CaseFacts({ c }: { c: CaseDetail }) {
  const v = c.verification;
  return (
    <FactList
      className="mb-6 text-sm sm:grid-cols-5"
      items={[
        { label: "Priority", value: c.priority, valueClassName: "tabular-nums" },
        { label: "Assignee", value: c.assignee?.email ?? "unassigned", testId: "case-assignee" },
        { label: "Opened", value: formatDateTime(c.openedAt), valueClassName: "font-mono text-xs" },
        { label: "Vendors say", value: <OutcomeBadge outcome={c.vendorVerdict} /> },
        {
          label: "Verification",
          value: (
            <Link href={`/verifications/${v.id}`} className="font-mono text-xs underline">
              {v.id.slice(0, 8)}
            </Link>
          ),
        },
      ]}
    />
  );
}

/** The review rules that put the case in the queue. */
export function CaseRules({ c }: { c: CaseDetail }) {
  return (
    <section aria-labelledby="rules-heading" className="mb-6 rounded-lg border border-amber-200 bg-amber-50 p-4 dark:border-amber-900 dark:bg-amber-950/40">
      <h2 id="rules-heading" className="mb-2 font-medium">
        Why this case is here
      </h2>
      <ul className="flex flex-col gap-2 text-sm" data-testid="case-rules">
        {c.ruleDetails.map((r) => (
          <li key={r.code}>
            <span className="font-medium">{ruleTitle(r.code)}</span>
            {r.details.length ? (
              <ul className="ml-5 list-disc text-zinc-700 dark:text-zinc-300">
                {r.details.map((d) => (
                  <li key={d}>{d}</li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
      {c.ruleSetVersion !== null ? <p className="mt-2 text-xs text-zinc-500">Flagged by review rules {c.ruleSetVersion === 0 ? "(built-in defaults)" : `v${c.ruleSetVersion}`}.</p> : null}
    </section>

  );
}

/** The pictures side by side (or a tombstone for purged ones), with the engine's face boxes. */
export function CaseFaces({ c, canViewFull, engineFaces }: { c: CaseDetail; canViewFull: boolean; engineFaces: Record<string, PictureFaces> }) {
  const keptMedia = c.verification.media.filter((m) => !m.purged);
  const purgedMedia = c.verification.media.filter((m) => m.purged);
  return (
    <section aria-labelledby="faces-heading" className="flex flex-col gap-3">
      <h2 id="faces-heading" className="text-lg font-medium">
        Faces
      </h2>
      {purgedMedia.map((m) => (
        <p key={m.id} className="rounded border border-dashed border-zinc-400 px-3 py-2 text-sm text-zinc-600 dark:text-zinc-400" data-testid="media-tombstone">
          {ROLE_LABELS[m.role]}: media {m.purged?.description}
        </p>
      ))}
      {keptMedia.length ? <FaceCompare
        canViewFull={canViewFull}
        size={keptMedia.length >= 3 ? 240 : 320}
        panes={keptMedia.map((m) => ({
          mediaId: m.id,
          label: ROLE_LABELS[m.role],
          kind: m.kind,
          filmstrip: m.thumbnails.filter((t) => t.kind === "filmstrip").map((t) => t.position),
          faces: engineFaces[m.id],
        }))}
      /> : null}
      <EngineFaceCrops canViewFull={canViewFull} items={keptMedia.flatMap((m) => (engineFaces[m.id] ? [{ mediaId: m.id, label: ROLE_LABELS[m.role], faces: engineFaces[m.id] }] : []))} />
    </section>

  );
}

/** Each vendor's latest scores against its thresholds. */
export function CaseScores({ latest }: { latest: Run[] }) {
  return (
    <section aria-labelledby="scores-heading" className="flex flex-col gap-3">
      <h2 id="scores-heading" className="text-lg font-medium">
        Scores against each vendor&apos;s threshold
      </h2>
      <div className="grid gap-4 sm:grid-cols-2">
        {latest.map((run) => {
          const scales = describeScoreScales(run, run.policy?.policy ?? null);
          return (
            <div key={run.id} className="flex flex-col gap-2 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800" data-testid={`scores-${run.vendor}`}>
              <p className="flex items-center gap-2 text-sm font-medium">
                {vendorDisplayName(run.vendor)} <OutcomeBadge outcome={run.outcome} />
                {run.sandbox ? <SandboxBadge compact /> : null}
              </p>
              {scales.length ? scales.map((s) => <ScoreBar key={s.key} scale={s} />) : <p className="text-xs text-zinc-500">No score in this answer.</p>}
              {run.policy ? <p className="text-[11px] text-zinc-500">Thresholds: {run.policy.label}</p> : null}
            </div>
          );
        })}
      </div>
    </section>

  );
}

/** Every vendor run, older attempts marked as superseded. */
export function CaseRuns({ c, latest }: { c: CaseDetail; latest: Run[] }) {
  const v = c.verification;
  const newestPerVendor = new Map(latest.map((r) => [r.vendor, r.attempt]));
  return (
    <section aria-labelledby="runs-heading" className="flex flex-col gap-4">
      <h2 id="runs-heading" className="text-lg font-medium">
        Vendor runs
      </h2>
      {v.runs.map((run) => (
        <VendorRunCard
          key={run.id}
          superseded={run.attempt < (newestPerVendor.get(run.vendor) ?? 0)}
          run={{ ...run, requestedAt: run.requestedAt.toISOString(), startedAt: iso(run.startedAt), finishedAt: iso(run.finishedAt) }}
        />
      ))}
    </section>
  );
}

/** The decisions taken on this case, newest last. */
export function CaseDecisions({ c }: { c: CaseDetail }) {
  return (
    <section aria-labelledby="decisions-heading" className="flex flex-col gap-2">
      <h2 id="decisions-heading" className="font-medium">
        Decisions
      </h2>
      {c.decisions.length === 0 ? <p className="text-sm text-zinc-500">None yet.</p> : null}
      <ol className="flex flex-col gap-2 text-sm">
        {c.decisions.map((d) => (
          <li key={d.id} className="rounded-md border border-zinc-200 p-2 dark:border-zinc-800">
            <p className="flex flex-wrap items-center gap-1">
              <DecisionBadge decision={d.kind} /> {d.reasonLabel}
              {d.overridesVendor ? <Badge tone="warning">overrides the vendors</Badge> : null}
            </p>
            <p className="text-xs text-zinc-500">
              by {d.decidedBy.email} at {formatDateTime(d.createdAt)}
              {d.confirmedBy ? ` · confirmed by ${d.confirmedBy.email} at ${formatDateTime(d.confirmedAt)}` : ""}
              {d.declinedBy ? ` · sent back by ${d.declinedBy} at ${formatDateTime(d.declinedAt)}` : ""}
            </p>
            {d.comment ? <p className="mt-1 whitespace-pre-wrap">{d.comment}</p> : null}
          </li>
        ))}
      </ol>
    </section>

  );
}

/** The case's audit trail, the verification's history and earlier cases of the same reference. */
export function CaseHistory({ c }: { c: CaseDetail }) {
  const v = c.verification;
  return (
    <>
      <section aria-labelledby="audit-heading" className="flex flex-col gap-2">
        <h2 id="audit-heading" className="font-medium">
          Audit trail of this case
        </h2>
        <ol className="flex max-h-96 flex-col gap-1 overflow-y-auto text-sm" data-testid="case-audit" tabIndex={0} aria-label="Audit events, newest first">
          {c.audit.map((e) => (
            <li key={e.id} className="flex flex-wrap gap-x-2">
              <span className="font-mono text-xs text-zinc-500">{formatDateTime(e.at)}</span>
              <ActionName action={e.action} />
              <span className="text-xs">{e.actor}</span>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="history-heading" className="flex flex-col gap-2">
        <h2 id="history-heading" className="font-medium">
          Verification history
        </h2>
        <ol className="flex flex-col gap-1 text-sm">
          <li className="flex flex-wrap gap-x-2">
            <span className="font-mono text-xs text-zinc-500">{formatDateTime(v.createdAt)}</span> created ({v.source})
          </li>
          {v.runs
            .filter((r) => r.finishedAt)
            .map((r) => (
              <li key={r.id} className="flex flex-wrap gap-x-2">
                <span className="font-mono text-xs text-zinc-500">{formatDateTime(r.finishedAt)}</span> {vendorDisplayName(r.vendor)} run {r.attempt}: {r.outcome ?? r.status}
              </li>
            ))}
          {c.verificationHistory
            .filter((e) => e.action !== "verification.created")
            .map((e) => (
              <li key={e.id} className="flex flex-wrap gap-x-2">
                <span className="font-mono text-xs text-zinc-500">{formatDateTime(e.at)}</span>
                <ActionName action={e.action} /> <span className="text-xs">{e.actor}</span>
              </li>
            ))}
        </ol>
      </section>

      <section aria-labelledby="earlier-heading" className="flex flex-col gap-2">
        <h2 id="earlier-heading" className="font-medium">
          Earlier cases {v.reference ? `of ${v.reference}` : "of this verification"}
        </h2>
        {c.earlierCases.length === 0 ? <p className="text-sm text-zinc-500">None.</p> : null}
        <ul className="flex flex-col gap-1 text-sm">
          {c.earlierCases.map((e) => (
            <li key={e.id} className="flex flex-wrap items-center gap-2">
              <Link href={`/cases/${e.id}`} className="font-mono text-xs underline">
                {e.id.slice(0, 8)}
              </Link>
              <CaseStatusBadge status={e.status} />
              <DecisionBadge decision={e.decision} />
              <span className="text-xs text-zinc-500">{formatDateTime(e.openedAt)}</span>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
