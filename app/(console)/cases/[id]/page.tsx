import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EngineFaceCrops } from "@/components/media/engine-faces";
import { FaceCompare } from "@/components/media/face-compare";
import { CaseStatusBadge, DecisionBadge, ruleTitle } from "@/components/review/case-labels";
import { ShortcutsDialog } from "@/components/review/shortcuts-dialog";
import { SlaCountdown } from "@/components/review/sla-countdown";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { ScoreBar } from "@/components/verifications/score-bar";
import { describeScoreScales } from "@/lib/verifications/score-scales";
import { SandboxAnswersNotice, SandboxBadge } from "@/components/verifications/sandbox-badge";
import { OutcomeBadge } from "@/components/verifications/status-badges";
import { VendorRunCard } from "@/components/verifications/vendor-run-card";
import { CHECK_TYPE_LABELS, formatDateTime, ROLE_LABELS, vendorDisplayName } from "@/lib/verifications/verification-labels";
import { hasRole, requirePageUser, userActor } from "@/lib/auth/current-user";
import { recordCaseView } from "@/lib/review/case-comments";
import { listDecisionReasons } from "@/lib/review/decision-reasons";
import { latestRunPerVendor } from "@/lib/review/evaluate-review-rules";
import { escalationBlock } from "@/lib/review/escalation";
import { getCase, pendingDecisionOf } from "@/lib/review/get-case";
import { findEngineFaces } from "@/lib/face-engine/find-engine-faces";
import { getReviewerSettings } from "@/lib/users/manage-users";
import { CaseComments } from "./_components/case-comments";
import { ConfirmPanel } from "./_components/confirm-panel";
import { DecisionPanel } from "./_components/decision-panel";
import { JumpToNextSetting } from "./_components/jump-to-next-setting";
import { NextCaseButton } from "./_components/next-case-button";
import { ReopenForm } from "./_components/reopen-form";
import { DataProtectionNotice } from "@/components/data-protection/data-protection-notice";
import { findHoldsOfVerification } from "@/lib/data-protection/legal-holds";
import { PlaceHoldForm } from "../../admin/retention/_components/hold-forms";
import { canViewFaces } from "@/lib/media/media-access";

export const metadata: Metadata = { title: "Case" };

const CASE_SHORTCUTS = [
  { keys: ["a"], does: "Start an approval" },
  { keys: ["r"], does: "Start a rejection" },
  { keys: ["e"], does: "Start an escalation" },
  { keys: ["Ctrl", "Enter"], does: "Submit the decision from the comment box" },
  { keys: ["+", "−", "0"], does: "Zoom the faces in, out, reset (faces focused)" },
  { keys: ["←", "→", "↑", "↓"], does: "Pan the zoomed faces" },
  { keys: ["?"], does: "Show these shortcuts" },
];

const iso = (d: Date | null) => d?.toISOString() ?? null;

function ActionName({ action }: { action: string }) {
  return <span className="font-mono text-xs">{action}</span>;
}

export default async function CasePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser();
  const { id } = await params;
  const c = await getCase(id);
  if (!c) notFound();
  await recordCaseView(await userActor(user), c.id);
  const v = c.verification;
  const [reasons, settings, engineFaces] = await Promise.all([listDecisionReasons({ activeOnly: true }), getReviewerSettings(user.id), findEngineFaces(v.media)]);
  const canDecide = hasRole(user, ["admin", "reviewer"]);
  const blockedByEscalation = canDecide ? escalationBlock({ status: c.status, escalatedById: c.escalatedBy?.id ?? null, escalatedByEmail: c.escalatedBy?.email ?? null }, { id: user.id, senior: settings.senior }) : null;
  const canViewFull = canViewFaces(user.role);
  const decidable = c.status === "open" || c.status === "escalated";
  const assignedElsewhere = c.assignee && c.assignee.id !== user.id && user.role !== "admin";
  const pending = pendingDecisionOf(c);
  const latest = latestRunPerVendor(v.runs);
  const newestPerVendor = new Map(latest.map((r) => [r.vendor, r.attempt]));
  const now = Date.now();
  const holds = await findHoldsOfVerification(v.id);
  const keptMedia = v.media.filter((m) => !m.purged);
  const purgedMedia = v.media.filter((m) => m.purged);

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href="/queue" className="text-zinc-600 underline-offset-2 hover:underline dark:text-zinc-400">
          Review queue
        </Link>
      </nav>
      <PageHeader
        title={`${CHECK_TYPE_LABELS[v.checkType].title}${v.reference ? ` · ${v.reference}` : ""}`}
        description={`Case ${c.id}`}
        actions={
          <div className="flex flex-wrap items-center gap-2">
            <CaseStatusBadge status={c.status} />
            <DecisionBadge decision={c.decision} />
            <SlaCountdown dueAt={iso(c.slaDueAt)} decided={c.status === "decided"} now={now} />
            <ShortcutsDialog shortcuts={CASE_SHORTCUTS} />
          </div>
        }
      />
      <div className="mb-4">
        <DataProtectionNotice
          role={user.role}
          reference={v.reference}
          verificationId={v.id}
          erased={v.erased ? { at: v.erased.at.toISOString(), by: v.erased.by, reason: v.erased.reason } : null}
          purgedMedia={purgedMedia.length}
          holds={holds.map((h) => ({ id: h.id, scope: h.scope, reason: h.reason, createdBy: h.createdBy, createdAt: h.createdAt.toISOString() }))}
        />
        {user.role === "admin" && !holds.some((h) => h.scope === "case") ? (
          <details className="mt-2 text-sm">
            <summary className="cursor-pointer text-zinc-600 dark:text-zinc-400">Put this case on legal hold</summary>
            <div className="mt-2"><PlaceHoldForm caseId={c.id} /></div>
          </details>
        ) : null}
      </div>
      <dl className="mb-6 grid grid-cols-2 gap-3 text-sm sm:grid-cols-5">
        <div>
          <dt className="text-xs text-zinc-500">Priority</dt>
          <dd className="tabular-nums">{c.priority}</dd>
        </div>
        <div>
          <dt className="text-xs text-zinc-500">Assignee</dt>
          <dd data-testid="case-assignee">{c.assignee?.email ?? "unassigned"}</dd>
        </div>
        <div>
          <dt className="text-xs text-zinc-500">Opened</dt>
          <dd className="font-mono text-xs">{formatDateTime(c.openedAt)}</dd>
        </div>
        <div>
          <dt className="text-xs text-zinc-500">Vendors say</dt>
          <dd>
            <OutcomeBadge outcome={c.vendorVerdict} />
          </dd>
        </div>
        <div>
          <dt className="text-xs text-zinc-500">Verification</dt>
          <dd>
            <Link href={`/verifications/${v.id}`} className="font-mono text-xs underline">
              {v.id.slice(0, 8)}
            </Link>
          </dd>
        </div>
      </dl>

      <div className="mb-6">
        <SandboxAnswersNotice vendors={latest.filter((r) => r.sandbox).map((r) => vendorDisplayName(r.vendor))} />
      </div>
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

      <div className="grid gap-8 xl:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <div className="flex flex-col gap-8">
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
        </div>

        <aside className="flex flex-col gap-8">
          <section aria-label="Decision" className="rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
            {c.status === "escalated" ? (
              <p className="mb-3 rounded-md bg-amber-50 p-2 text-sm text-amber-900 dark:bg-amber-950/50 dark:text-amber-200" data-testid="escalation-note">
                {blockedByEscalation ?? `Escalated${c.escalatedBy ? ` by ${c.escalatedBy.email}` : ""}: you decide it as a senior reviewer.`}
              </p>
            ) : null}
            {decidable && canDecide && !assignedElsewhere && !blockedByEscalation ? (
              <DecisionPanel
                caseId={c.id}
                version={c.version}
                vendorVerdict={c.vendorVerdict}
                escalated={c.status === "escalated"}
                jumpToNextCase={settings.jumpToNextCase}
                reasons={reasons.filter((r) => r.checkTypes.includes(v.checkType)).map((r) => ({ code: r.code, label: r.label, kinds: r.kinds }))}
              />
            ) : null}
            {decidable && assignedElsewhere ? <p className="text-sm">Assigned to {c.assignee?.email}; only they or an admin decide it.</p> : null}
            {canDecide && (!decidable || blockedByEscalation) ? (
              <div className="mt-3 flex flex-col gap-2">
                <NextCaseButton escalated={false} />
                <JumpToNextSetting enabled={settings.jumpToNextCase} />
              </div>
            ) : null}
            {decidable && !canDecide ? <p className="text-sm text-zinc-600">Reviewers and admins decide cases.</p> : null}
            {c.status === "awaiting_confirmation" && pending ? (
              <ConfirmPanel caseId={c.id} version={c.version} decidedBy={pending.decidedBy.email} isMine={pending.decidedBy.id === user.id} canDecide={canDecide} />
            ) : null}
            {c.status === "decided" ? (
              <div className="flex flex-col gap-3">
                <p className="text-sm" data-testid="case-decided">
                  Decided <DecisionBadge decision={c.decision} /> at {formatDateTime(c.decidedAt)}. This case is read-only.
                </p>
                {user.role === "admin" ? <ReopenForm caseId={c.id} version={c.version} /> : null}
              </div>
            ) : null}
          </section>

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

          <CaseComments
            caseId={c.id}
            canComment={c.status !== "decided" && hasRole(user, ["admin", "reviewer", "operator"])}
            comments={c.comments.map((m) => ({ ...m, createdAt: m.createdAt.toISOString() }))}
          />

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
        </aside>
      </div>
    </>
  );
}
