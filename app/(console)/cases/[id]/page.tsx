import type { Metadata } from "next";
import { ReferenceLink } from "@/components/subjects/reference-link";
import { FACE_BLOCKLIST_ROLES } from "@/lib/face-search/face-blocklist";
import { CaseFaceSearchActions, CaseRuleFaces } from "./_components/case-face-search";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DataProtectionNotice } from "@/components/data-protection/data-protection-notice";
import { CaseStatusBadge, DecisionBadge } from "@/components/review/case-labels";
import { ShortcutsDialog } from "@/components/review/shortcuts-dialog";
import { SlaCountdown } from "@/components/review/sla-countdown";
import { PageHeader } from "@/components/ui/page-header";
import { SandboxAnswersNotice } from "@/components/verifications/sandbox-badge";
import { hasRole, requirePageUser, userActor, type CurrentUser } from "@/lib/auth/current-user";
import { findHoldsOfVerification } from "@/lib/data-protection/legal-holds";
import { findEngineFaces } from "@/lib/face-engine/find-engine-faces";
import { formatDateTime } from "@/lib/format/date-time";
import { canViewFaces } from "@/lib/media/media-access";
import { recordCaseView } from "@/lib/review/case-comments";
import { listDecisionReasons } from "@/lib/review/decision-reasons";
import { escalationBlock } from "@/lib/review/escalation";
import { latestRunPerVendor } from "@/lib/review/evaluate-review-rules";
import { getCase, pendingDecisionOf, type CaseDetail } from "@/lib/review/get-case";
import { getReviewerSettings } from "@/lib/users/manage-users";
import { CHECK_TYPE_LABELS, vendorDisplayName } from "@/lib/verifications/verification-labels";
import { PlaceHoldForm } from "../../admin/retention/_components/hold-forms";
import { CaseComments } from "./_components/case-comments";
import { CaseDecisions, CaseFaces, CaseFacts, CaseHistory, CaseRules, CaseRuns, CaseScores } from "./_components/case-sections";
import { ConfirmPanel } from "./_components/confirm-panel";
import { DecisionPanel } from "./_components/decision-panel";
import { JumpToNextSetting } from "./_components/jump-to-next-setting";
import { ClaimNextButton } from "../../queue/_components/claim-next-button";
import { ReopenForm } from "./_components/reopen-form";

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

type DecisionState = {
  c: CaseDetail;
  user: CurrentUser;
  settings: Awaited<ReturnType<typeof getReviewerSettings>>;
  reasons: Awaited<ReturnType<typeof listDecisionReasons>>;
};

/** What this user may do with the case now: decide, confirm a colleague's decision, reopen, or move on. */
function CaseDecisionSection({ c, user, settings, reasons }: DecisionState) {
  const v = c.verification;
  const canDecide = hasRole(user, ["admin", "reviewer"]);
  const blockedByEscalation = canDecide ? escalationBlock({ status: c.status, escalatedById: c.escalatedBy?.id ?? null, escalatedByEmail: c.escalatedBy?.email ?? null }, { id: user.id, senior: settings.senior }) : null;
  const decidable = c.status === "open" || c.status === "escalated";
  const assignedElsewhere = c.assignee && c.assignee.id !== user.id && user.role !== "admin";
  const pending = pendingDecisionOf(c);
  return (
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
          <ClaimNextButton place="case" />
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

  );
}

/** Legal-hold and data-protection notices, and (for admins) putting the case on hold. */
async function CaseDataProtection({ c, user }: { c: CaseDetail; user: CurrentUser }) {
  const v = c.verification;
  const holds = await findHoldsOfVerification(v.id);
  return (
    <div className="mb-4">
      <DataProtectionNotice role={user.role} verification={v} holds={holds} />
      {user.role === "admin" && !holds.some((h) => h.scope === "case") ? (
        <details className="mt-2 text-sm">
          <summary className="cursor-pointer text-zinc-600 dark:text-zinc-400">Put this case on legal hold</summary>
          <div className="mt-2"><PlaceHoldForm caseId={c.id} /></div>
        </details>
      ) : null}
    </div>
  );
}

export default async function CasePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser();
  const { id } = await params;
  const c = await getCase(id);
  if (!c) notFound();
  await recordCaseView(await userActor(user), c.id);
  const v = c.verification;
  const [reasons, settings, engineFaces] = await Promise.all([listDecisionReasons({ activeOnly: true }), getReviewerSettings(user.id), findEngineFaces(v.media)]);
  const latest = latestRunPerVendor(v.runs);

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href="/queue" className="text-zinc-600 underline-offset-2 hover:underline dark:text-zinc-400">
          Review queue
        </Link>
      </nav>
      <PageHeader
        title={`${CHECK_TYPE_LABELS[v.checkType].title}${v.reference ? ` · ${v.reference}` : ""}`}
        description={<>Case {c.id}{v.reference ? <> · subject <ReferenceLink reference={v.reference} className="font-mono" /></> : null}</>}
        actions={
          <div className="flex flex-wrap items-center gap-2">
            <CaseStatusBadge status={c.status} />
            <DecisionBadge decision={c.decision} />
            <SlaCountdown dueAt={iso(c.slaDueAt)} decided={c.status === "decided"} now={Date.now()} />
            <ShortcutsDialog shortcuts={CASE_SHORTCUTS} />
          </div>
        }
      />
      <CaseDataProtection c={c} user={user} />
      <CaseFacts c={c} />
      <div className="mb-6">
        <SandboxAnswersNotice vendors={latest.filter((r) => r.sandbox).map((r) => vendorDisplayName(r.vendor))} />
      </div>
      <CaseRules c={c} />
      <CaseRuleFaces c={c} />

      <div className="grid gap-8 xl:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <div className="flex flex-col gap-8">
          <CaseFaces c={c} canViewFull={canViewFaces(user.role)} engineFaces={engineFaces} />
          <CaseFaceSearchActions c={c} engineFaces={engineFaces} canSearch={canViewFaces(user.role)} canBlock={hasRole(user, FACE_BLOCKLIST_ROLES)} />
          <CaseScores latest={latest} />
          <CaseRuns c={c} latest={latest} />
        </div>

        <aside className="flex flex-col gap-8">
          <CaseDecisionSection c={c} user={user} settings={settings} reasons={reasons} />
          <CaseDecisions c={c} />
          <CaseComments
            caseId={c.id}
            canComment={c.status !== "decided" && hasRole(user, ["admin", "reviewer", "operator"])}
            comments={c.comments.map((m) => ({ ...m, createdAt: m.createdAt.toISOString() }))}
          />
          <CaseHistory c={c} />
        </aside>
      </div>
    </>
  );
}
