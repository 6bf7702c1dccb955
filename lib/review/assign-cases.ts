import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import { isSeniorReviewer } from "@/lib/review/escalation";

// Claiming and assigning. Claim-next is one statement: the highest-priority, oldest unassigned open
// case is locked with FOR UPDATE SKIP LOCKED, so reviewers claiming at the same moment each get a
// different case and nobody waits on another's lock.

export async function claimNextCase(actor: Actor, userId: string, options: { escalated?: boolean } = {}): Promise<{ id: string; version: number } | null> {
  return db.$transaction(async (tx) => {
    if (options.escalated) {
      const me = await tx.user.findUnique({ where: { id: userId }, select: { role: true, seniorReviewer: true } });
      if (!me || !isSeniorReviewer(me)) throw new ForbiddenError("Only senior reviewers and admins take escalated cases.");
    }
    // Escalated cases go to senior reviewers, never back to the person who escalated them.
    const status = options.escalated ? "escalated" : "open";
    const claimed = await tx.$queryRaw<{ id: string; version: number }[]>`
      WITH next AS (
        SELECT "id" FROM "ReviewCase"
        WHERE "status" = ${status}::"CaseStatus" AND "assigneeId" IS NULL
          AND ("escalatedById" IS NULL OR "escalatedById" <> ${userId}::uuid OR "status" <> 'escalated')
        ORDER BY "priority" DESC, "openedAt" ASC, "id" ASC
        LIMIT 1
        FOR UPDATE SKIP LOCKED
      )
      UPDATE "ReviewCase" c
      SET "assigneeId" = ${userId}::uuid, "assignedAt" = now(), "version" = c."version" + 1, "updatedAt" = now()
      FROM next WHERE c."id" = next."id"
      RETURNING c."id", c."version"`;
    const row = claimed[0];
    if (!row) return null;
    await recordAuditEvent(tx, actor, { action: "case.claimed", targetType: "review_case", targetId: row.id, after: { assigneeId: userId } });
    return row;
  });
}

/** Admins: (re)assign undecided cases to a reviewer or admin, or unassign them (null). */
export async function assignCases(actor: Actor, caseIds: string[], assigneeId: string | null) {
  if (assigneeId) {
    const assignee = await db.user.findUnique({ where: { id: assigneeId }, select: { role: true, disabledAt: true } });
    if (!assignee || assignee.disabledAt || (assignee.role !== "reviewer" && assignee.role !== "admin")) {
      throw new ValidationError("Choose an active reviewer or admin.", { assigneeId: ["Choose an active reviewer or admin."] });
    }
  }
  return db.$transaction(async (tx) => {
    const cases = await tx.reviewCase.findMany({ where: { id: { in: caseIds } }, select: { id: true, status: true, assigneeId: true } });
    const assignable = cases.filter((c) => c.status !== "decided");
    if (assigneeId && assignable.some((c) => c.status === "escalated")) {
      const assignee = await tx.user.findUniqueOrThrow({ where: { id: assigneeId }, select: { email: true, role: true, seniorReviewer: true } });
      if (!isSeniorReviewer(assignee)) {
        throw new ValidationError(`${assignee.email} is not a senior reviewer; escalated cases go to senior reviewers or admins.`, { assigneeId: ["Escalated cases go to senior reviewers or admins."] });
      }
    }
    const now = new Date();
    for (const c of assignable) {
      if (c.assigneeId === assigneeId) continue;
      await tx.reviewCase.update({ where: { id: c.id }, data: { assigneeId, assignedAt: assigneeId ? now : null, version: { increment: 1 } } });
      await recordAuditEvent(tx, actor, { action: assigneeId ? "case.assigned" : "case.unassigned", targetType: "review_case", targetId: c.id, before: { assigneeId: c.assigneeId }, after: { assigneeId } });
    }
    return { assigned: assignable.length, skipped: caseIds.length - assignable.length };
  });
}
