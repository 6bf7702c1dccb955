import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { refreshVerificationStatus } from "@/lib/verifications/refresh-verification-status";

/**
 * Cancels a running batch: no further chunks, and its runs still queued become `cancelled` (the
 * vendor-call job skips them). Runs already at a vendor finish normally. One transaction with the
 * audit event; then each touched verification's status is settled again.
 */
export async function cancelRerunBatch(actor: Actor, batchId: string): Promise<{ cancelledRuns: number }> {
  const result = await db.$transaction(async (tx) => {
    // The batch row first: a chunk being written holds its lock, so its runs are visible below.
    const stopped = await tx.rerunBatch.updateMany({ where: { id: batchId, status: "running" }, data: { status: "cancelled", cancelledAt: new Date(), finishedAt: new Date() } });
    if (stopped.count === 0) {
      const batch = await tx.rerunBatch.findUnique({ where: { id: batchId }, select: { status: true } });
      if (!batch) throw new NotFoundError("That batch does not exist.");
      throw new ConflictError(`The batch is already ${batch.status}.`);
    }
    const cancelled = await tx.vendorRun.updateMany({ where: { batchId, status: "queued" }, data: { status: "cancelled", finishedAt: new Date() } });
    await recordAuditEvent(tx, actor, { action: "rerun_batch.cancelled", targetType: "rerun_batch", targetId: batchId, after: { cancelledRuns: cancelled.count } });
    return { cancelledRuns: cancelled.count };
  });
  const touched = await db.vendorRun.findMany({ where: { batchId, status: "cancelled" }, select: { verificationId: true }, distinct: ["verificationId"] });
  for (const { verificationId } of touched) await refreshVerificationStatus(verificationId);
  return result;
}
