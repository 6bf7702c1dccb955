import type { Tx } from "@/lib/db";
import { ConflictError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format/date-time";

// The 409 a stale write gets: who changed the case, and when, so the reviewer knows what happened.
export async function staleCaseError(tx: Tx, caseId: string): Promise<ConflictError> {
  const current = await tx.reviewCase.findUnique({ where: { id: caseId }, select: { status: true } });
  if (current?.status === "decided" || current?.status === "awaiting_confirmation") {
    const decision = await tx.decision.findFirst({
      where: { caseId, declinedAt: null },
      orderBy: { createdAt: "desc" },
      include: { decidedBy: { select: { email: true } }, confirmedBy: { select: { email: true } } },
    });
    if (decision) {
      if (current.status === "awaiting_confirmation") {
        return new ConflictError(`This case was already decided (${decision.kind}) by ${decision.decidedBy.email} at ${formatDateTime(decision.createdAt)} and awaits a second reviewer's confirmation. Nothing was changed.`);
      }
      const by = decision.confirmedBy ? `${decision.decidedBy.email}, confirmed by ${decision.confirmedBy.email}` : decision.decidedBy.email;
      return new ConflictError(`This case was already decided (${decision.kind}) by ${by} at ${formatDateTime(decision.confirmedAt ?? decision.createdAt)}. Nothing was changed.`);
    }
  }
  const last = await tx.auditEvent.findFirst({ where: { targetType: "review_case", targetId: caseId, action: { not: "case.viewed" } }, orderBy: { id: "desc" } });
  return new ConflictError(
    last
      ? `This case was changed by ${last.actorLabel} at ${formatDateTime(last.at)} (${last.action.replace(/^case\./, "").replace(/_/g, " ")}). Reload it; nothing was changed.`
      : "This case was changed by someone else. Reload it; nothing was changed.",
  );
}
