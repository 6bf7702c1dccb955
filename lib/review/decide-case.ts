import { CHECK_TYPE_LABELS } from "@/lib/verifications/verification-labels";
import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { db, type Tx } from "@/lib/db";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { caseWebhookData } from "@/lib/review/case-json";
import { staleCaseError } from "@/lib/review/case-conflicts";
import { escalationBlock, escalatorMayNotConfirm, isSeniorReviewer } from "@/lib/review/escalation";
import type { DecideCaseInput } from "@/lib/review/case-schemas";
import { combineVendorVerdict, needsSecondReviewer, overridesVendor } from "@/lib/review/vendor-verdict";
import { emitWebhookEvent } from "@/lib/webhooks/emit-webhook-event";

// Deciding a case. Every state change is an UPDATE conditional on the version (and state) the
// reviewer saw; when it matches nothing, the transaction ends with a 409 that says who got there
// first, and nothing is written.

export interface Reviewer {
  id: string;
  email: string;
  role: Role;
}

const DECIDERS: readonly Role[] = ["admin", "reviewer"];

function assertDecider(user: Reviewer) {
  if (!DECIDERS.includes(user.role)) throw new ForbiddenError("Only reviewers and admins decide cases.");
}

async function conditionalUpdate(tx: Tx, caseId: string, version: number, statuses: ("open" | "escalated" | "awaiting_confirmation" | "decided")[], data: Parameters<Tx["reviewCase"]["updateMany"]>[0]["data"]) {
  const { count } = await tx.reviewCase.updateMany({ where: { id: caseId, version, status: { in: statuses } }, data: { ...data, version: { increment: 1 } } });
  if (count === 0) throw await staleCaseError(tx, caseId);
}

export async function decideCase(actor: Actor, user: Reviewer, input: DecideCaseInput) {
  assertDecider(user);
  return db.$transaction(async (tx) => {
    const c = await tx.reviewCase.findUnique({
      where: { id: input.caseId },
      include: {
        verification: { select: { runs: { select: { vendor: true, attempt: true, outcome: true } } } },
        assignee: { select: { email: true } },
        escalatedBy: { select: { email: true } },
      },
    });
    if (!c) throw new NotFoundError("No case has this id.");
    if (c.version !== input.version || (c.status !== "open" && c.status !== "escalated")) throw await staleCaseError(tx, c.id);
    if (c.assigneeId && c.assigneeId !== user.id && user.role !== "admin") {
      throw new ForbiddenError(`This case is assigned to ${c.assignee?.email ?? "another reviewer"}; claim another one or ask an admin to reassign it.`);
    }
    if (c.status === "escalated") {
      const me = await tx.user.findUniqueOrThrow({ where: { id: user.id }, select: { role: true, seniorReviewer: true } });
      const blocked = escalationBlock({ ...c, escalatedByEmail: c.escalatedBy?.email ?? null }, { id: user.id, senior: isSeniorReviewer(me) });
      if (blocked) throw new ForbiddenError(blocked);
    }
    const reason = await tx.decisionReason.findUnique({ where: { code: input.reasonCode } });
    if (!reason || !reason.active || !reason.kinds.includes(input.kind)) {
      throw new ValidationError("Choose a reason from the list.", { reasonCode: [`Choose a reason that fits “${input.kind}”.`] });
    }
    if (!reason.checkTypes.includes(c.checkType)) {
      const checkType = CHECK_TYPE_LABELS[c.checkType].title;
      throw new ValidationError(`“${reason.label}” does not apply to ${checkType} checks.`, {
        reasonCode: [`“${reason.label}” does not apply to ${checkType} checks; choose a reason from the list (Admin → Decision reasons sets where each applies).`],
      });
    }
    const verdict = combineVendorVerdict(c.verification.runs);
    const overrides = overridesVendor(input.kind, verdict);
    if (overrides && !input.comment) {
      throw new ValidationError("A comment is required when the decision overrides the vendors.", {
        comment: [`The vendors say ${verdict}; explain why you ${input.kind}.`],
      });
    }
    const fourEyes = needsSecondReviewer(input.kind, verdict);
    const now = new Date();
    const status = input.kind === "escalate" ? "escalated" : fourEyes ? "awaiting_confirmation" : "decided";
    await conditionalUpdate(tx, c.id, input.version, ["open", "escalated"], {
      status,
      decision: status === "decided" ? input.kind : null,
      decidedAt: status === "decided" ? now : null,
      // An escalated case goes back to the pool for a senior reviewer; its escalator may not decide it.
      assigneeId: status === "escalated" ? null : (c.assigneeId ?? user.id),
      assignedAt: status === "escalated" ? null : (c.assignedAt ?? now),
      ...(status === "escalated" ? { escalatedById: user.id } : {}),
    });
    const decision = await tx.decision.create({
      data: { caseId: c.id, kind: input.kind, reasonCode: reason.code, comment: input.comment, overridesVendor: overrides, decidedById: user.id, createdAt: now },
    });
    await recordAuditEvent(tx, actor, {
      action: status === "awaiting_confirmation" ? "case.decision_pending_confirmation" : input.kind === "escalate" ? "case.escalated" : "case.decided",
      targetType: "review_case",
      targetId: c.id,
      before: { status: c.status, version: c.version },
      after: { status, decision: input.kind, reasonCode: reason.code, comment: input.comment, overridesVendor: overrides, vendorVerdict: verdict, decisionId: decision.id },
    });
    const updated = await tx.reviewCase.findUniqueOrThrow({ where: { id: c.id } });
    if (status === "decided") await emitWebhookEvent(tx, "case.decided", { ...caseWebhookData(updated), reasonCode: reason.code });
    return { case: updated, decision, needsConfirmation: fourEyes };
  });
}

async function pendingDecision(tx: Tx, caseId: string) {
  return tx.decision.findFirst({ where: { caseId, confirmedAt: null, declinedAt: null }, orderBy: { createdAt: "desc" }, include: { decidedBy: { select: { email: true } } } });
}

/** The second reviewer confirms an approval over a vendor fail. The first reviewer cannot. */
export async function confirmDecision(actor: Actor, user: Reviewer, input: { caseId: string; version: number }) {
  assertDecider(user);
  return db.$transaction(async (tx) => {
    const c = await tx.reviewCase.findUnique({ where: { id: input.caseId } });
    if (!c) throw new NotFoundError("No case has this id.");
    if (c.status !== "awaiting_confirmation" || c.version !== input.version) throw await staleCaseError(tx, c.id);
    const pending = await pendingDecision(tx, c.id);
    if (!pending) throw new ConflictError("There is no decision waiting for confirmation. Reload the case.");
    if (pending.decidedById === user.id) throw new ForbiddenError("You made this decision; a second reviewer must confirm it.");
    const escalator = escalatorMayNotConfirm(c, user.id);
    if (escalator) throw new ForbiddenError(escalator);
    const now = new Date();
    await conditionalUpdate(tx, c.id, input.version, ["awaiting_confirmation"], { status: "decided", decision: pending.kind, decidedAt: now });
    await tx.decision.update({ where: { id: pending.id }, data: { confirmedById: user.id, confirmedAt: now } });
    await recordAuditEvent(tx, actor, {
      action: "case.decision_confirmed",
      targetType: "review_case",
      targetId: c.id,
      before: { status: c.status },
      after: { status: "decided", decision: pending.kind, decidedBy: pending.decidedBy.email, decisionId: pending.id },
    });
    const updated = await tx.reviewCase.findUniqueOrThrow({ where: { id: c.id } });
    await emitWebhookEvent(tx, "case.decided", { ...caseWebhookData(updated), reasonCode: pending.reasonCode });
    return updated;
  });
}

/** The second reviewer disagrees: the case goes back to open, with their comment. */
export async function declineDecision(actor: Actor, user: Reviewer, input: { caseId: string; version: number; comment: string }) {
  assertDecider(user);
  return db.$transaction(async (tx) => {
    const c = await tx.reviewCase.findUnique({ where: { id: input.caseId } });
    if (!c) throw new NotFoundError("No case has this id.");
    if (c.status !== "awaiting_confirmation" || c.version !== input.version) throw await staleCaseError(tx, c.id);
    const pending = await pendingDecision(tx, c.id);
    if (!pending) throw new ConflictError("There is no decision waiting for confirmation. Reload the case.");
    if (pending.decidedById === user.id) throw new ForbiddenError("You made this decision; a second reviewer must confirm or send it back.");
    const now = new Date();
    await conditionalUpdate(tx, c.id, input.version, ["awaiting_confirmation"], { status: "open" });
    await tx.decision.update({ where: { id: pending.id }, data: { declinedById: user.id, declinedAt: now } });
    await tx.comment.create({ data: { caseId: c.id, authorId: user.id, body: `Sent back instead of confirming: ${input.comment}`, mentions: [] } });
    await recordAuditEvent(tx, actor, {
      action: "case.decision_declined",
      targetType: "review_case",
      targetId: c.id,
      before: { status: c.status },
      after: { status: "open", decisionId: pending.id, comment: input.comment },
    });
    return tx.reviewCase.findUniqueOrThrow({ where: { id: c.id } });
  });
}

/** Admins only: a decided case back to open, with a reason (audited and kept as a comment). */
export async function reopenCase(actor: Actor, user: Reviewer, input: { caseId: string; version: number; reason: string }) {
  if (user.role !== "admin") throw new ForbiddenError("Only admins reopen decided cases.");
  return db.$transaction(async (tx) => {
    const c = await tx.reviewCase.findUnique({ where: { id: input.caseId } });
    if (!c) throw new NotFoundError("No case has this id.");
    if (c.status !== "decided") throw new ConflictError("Only a decided case can be reopened.");
    if (c.version !== input.version) throw await staleCaseError(tx, c.id);
    // The undecided-case index allows one per verification: a newer case may already be open.
    const other = await tx.reviewCase.findFirst({ where: { verificationId: c.verificationId, status: { not: "decided" } }, select: { id: true } });
    if (other) throw new ConflictError("Another case of this verification is still undecided; work that one instead.");
    await conditionalUpdate(tx, c.id, input.version, ["decided"], { status: "open", decision: null, decidedAt: null });
    await tx.comment.create({ data: { caseId: c.id, authorId: user.id, body: `Reopened: ${input.reason}`, mentions: [] } });
    await recordAuditEvent(tx, actor, {
      action: "case.reopened",
      targetType: "review_case",
      targetId: c.id,
      before: { status: c.status, decision: c.decision, decidedAt: c.decidedAt?.toISOString() ?? null },
      after: { status: "open", reason: input.reason },
    });
    return tx.reviewCase.findUniqueOrThrow({ where: { id: c.id } });
  });
}
