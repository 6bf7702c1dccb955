import { z } from "zod";
import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { ValidationError } from "@/lib/errors";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { JOB_QUEUES } from "@/lib/jobs/queues";
import { assertVendorsEnabled } from "@/lib/reruns/assert-vendors-enabled";
import { describeSelection, rerunReasonSchema, rerunSelectionSchema, rerunVendorsSchema } from "@/lib/reruns/rerun-selection";
import { countSelection } from "@/lib/reruns/select-verifications";
import { findCheckSpec } from "@/lib/vendors/vendor-registry";

export const startBulkRerunInputSchema = z.object({
  selection: rerunSelectionSchema,
  vendors: rerunVendorsSchema,
  reason: rerunReasonSchema,
  /** Set when the batch runs a test set (its report reads the runs). */
  testSetId: z.uuid().nullish(),
  /** Verifications per chunk (one transaction and one job each). */
  chunkSize: z.number().int().min(1).max(500).default(50),
});
export type StartBulkRerunInput = z.input<typeof startBulkRerunInputSchema>;

/**
 * Starts a background rerun of every selected verification on the chosen vendors: counts what it
 * will do, then writes the RerunBatch row, its first `bulk-rerun` job and an audit event in one
 * transaction. The job (run-bulk-rerun-job.ts) creates the runs chunk by chunk.
 */
export async function startBulkRerun(actor: Actor, raw: StartBulkRerunInput): Promise<{ batchId: string; plannedRuns: number }> {
  const input = startBulkRerunInputSchema.parse(raw);
  await assertVendorsEnabled(input.vendors);
  if (input.selection.kind === "ids") {
    const found = await db.verification.count({ where: { id: { in: input.selection.ids } } });
    const missing = input.selection.ids.length - found;
    if (missing > 0) throw new ValidationError(`${missing} of the selected verifications do not exist.`, { selection: [`${missing} unknown id(s).`] });
  }
  const asOf = new Date();
  const counts = await countSelection(input.selection, asOf);
  const selectedCount = counts.reduce((n, c) => n + c.count, 0);
  if (selectedCount === 0) throw new ValidationError("No verification matches this selection.", { selection: ["Nothing to rerun."] });
  const plannedRuns = counts.reduce((n, c) => n + c.count * input.vendors.filter((v) => findCheckSpec(v, c.checkType)).length, 0);
  if (plannedRuns === 0) {
    throw new ValidationError("None of the chosen vendors serves the selected check types.", {
      vendors: [`The selection holds ${counts.map((c) => c.checkType).join(", ")}.`],
    });
  }

  const batchId = await db.$transaction(async (tx) => {
    const batch = await tx.rerunBatch.create({
      data: {
        vendors: input.vendors,
        selection: input.selection,
        reason: input.reason,
        testSetId: input.testSetId ?? null,
        requestedById: actor.kind === "user" ? actor.id : null,
        chunkSize: input.chunkSize,
        selectedCount,
        plannedRuns,
        createdAt: asOf,
      },
      select: { id: true },
    });
    await enqueueJob(tx, JOB_QUEUES["bulk-rerun"], { batchId: batch.id });
    await recordAuditEvent(tx, actor, {
      action: "rerun_batch.started",
      targetType: "rerun_batch",
      targetId: batch.id,
      after: { selection: describeSelection(input.selection), vendors: input.vendors, reason: input.reason, selectedCount, plannedRuns, testSetId: input.testSetId ?? null },
    });
    return batch.id;
  });
  return { batchId, plannedRuns };
}
