import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";

// Comments on a case. "@alice@example.com" mentions a user by email; every mention must name a user.

const MENTION = /(?:^|[\s(])@([A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})/g;

export function parseMentions(body: string): string[] {
  return [...new Set([...body.matchAll(MENTION)].map((m) => m[1].toLowerCase()))];
}

export async function addCaseComment(actor: Actor, authorId: string, input: { caseId: string; body: string }) {
  const emails = parseMentions(input.body);
  const users = emails.length ? await db.user.findMany({ where: { email: { in: emails, mode: "insensitive" }, disabledAt: null }, select: { id: true, email: true } }) : [];
  const unknown = emails.filter((e) => !users.some((u) => u.email.toLowerCase() === e));
  if (unknown.length) throw new ValidationError("Some mentions name nobody.", { body: unknown.map((e) => `No active user has the email ${e}.`) });
  return db.$transaction(async (tx) => {
    const c = await tx.reviewCase.findUnique({ where: { id: input.caseId }, select: { status: true } });
    if (!c) throw new NotFoundError("No case has this id.");
    if (c.status === "decided") throw new ConflictError("This case is decided and read-only; an admin can reopen it.");
    const comment = await tx.comment.create({ data: { caseId: input.caseId, authorId, body: input.body, mentions: users.map((u) => u.id) } });
    await recordAuditEvent(tx, actor, { action: "case.commented", targetType: "review_case", targetId: input.caseId, after: { commentId: comment.id, mentions: users.map((u) => u.email) } });
    return comment;
  });
}

/** Every look at a case is part of its audit trail. */
export async function recordCaseView(actor: Actor, caseId: string) {
  await recordAuditEvent(db, actor, { action: "case.viewed", targetType: "review_case", targetId: caseId });
}
