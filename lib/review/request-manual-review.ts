import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { flagVerification, type FlagResult } from "@/lib/review/flag-verification";

// An operator (or reviewer, or admin) asks for a person to look at a verification. A finished
// verification gets its case now; an unfinished one when its answers arrive (onVerificationFinished).
export async function requestManualReview(actor: Actor, input: { verificationId: string; note: string }): Promise<FlagResult | null> {
  const v = await db.$transaction(async (tx) => {
    const before = await tx.verification.findUnique({ where: { id: input.verificationId }, select: { id: true, status: true, manualReview: true, manualReviewNote: true } });
    if (!before) throw new NotFoundError("No verification has this id.");
    await tx.verification.update({ where: { id: before.id }, data: { manualReview: true, manualReviewNote: input.note } });
    await recordAuditEvent(tx, actor, {
      action: "verification.manual_review_requested",
      targetType: "verification",
      targetId: before.id,
      before: { manualReview: before.manualReview, note: before.manualReviewNote },
      after: { manualReview: true, note: input.note },
    });
    return before;
  });
  if (v.status !== "completed" && v.status !== "failed") return null;
  return flagVerification(v.id, { actor, force: true });
}
