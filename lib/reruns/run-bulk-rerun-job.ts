import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { JobContext } from "@/lib/jobs/handlers";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { RetryableJobError } from "@/lib/jobs/job-errors";
import { JOB_QUEUES } from "@/lib/jobs/queues";
import { planReruns, writeReruns } from "@/lib/reruns/add-rerun-runs";
import { rerunSelectionSchema } from "@/lib/reruns/rerun-selection";
import { readSelectionPage } from "@/lib/reruns/select-verifications";

// The `bulk-rerun` job: ONE chunk of a batch per job. In one transaction it advances the batch's
// position (conditional on the position it read), writes the chunk's runs and their vendor-call
// jobs, and enqueues the next bulk-rerun job. So a crash anywhere leaves either nothing or the whole
// chunk done with its successor queued, and a duplicate delivery loses the position race and stops:
// every run is created exactly once, whatever restarts happen.
//
// Rate limits: the vendor-call queues enforce each vendor's rate; this job only keeps the backlog
// bounded — while more than BACKLOG_CHUNKS chunks of the batch's runs still wait in the queues, it
// checks again later instead of adding more. Once the selection is exhausted, the job keeps watching
// (every WATCH_SECONDS) until the last run finished, then marks the batch completed.

export const BACKLOG_CHUNKS = 4;
export const WATCH_SECONDS = 2;

class LostRace extends Error {}

async function scheduleNext(batchId: string, delaySeconds: number) {
  await db.$transaction((tx) => enqueueJob(tx, JOB_QUEUES["bulk-rerun"], { batchId }, { startAfter: new Date(Date.now() + delaySeconds * 1000) }));
}

async function watchUntilDone(batchId: string) {
  const open = await db.vendorRun.count({ where: { batchId, status: { in: ["queued", "running"] } } });
  if (open > 0) return scheduleNext(batchId, WATCH_SECONDS);
  await db.rerunBatch.updateMany({ where: { id: batchId, status: "running" }, data: { status: "completed", finishedAt: new Date() } });
}

export async function runBulkRerunJob(payload: { batchId: string }, job: JobContext): Promise<void> {
  const batch = await db.rerunBatch.findUnique({ where: { id: payload.batchId } });
  if (!batch || batch.status !== "running") return;
  try {
    if (batch.enqueuedAt) return await watchUntilDone(batch.id);

    const backlog = await db.vendorRun.count({ where: { batchId: batch.id, status: "queued" } });
    if (backlog >= batch.chunkSize * BACKLOG_CHUNKS) return await scheduleNext(batch.id, WATCH_SECONDS);

    const selection = rerunSelectionSchema.parse(batch.selection);
    const page = await readSelectionPage(selection, batch.cursor, batch.chunkSize, batch.createdAt);
    const targets = await db.verification.findMany({
      where: { id: { in: page.ids } },
      select: { id: true, checkType: true, media: { where: { purgedAt: null }, select: { role: true } }, runs: { select: { vendor: true, attempt: true, status: true } } },
    });
    const plan = planReruns(
      targets.map((t) => ({ id: t.id, checkType: t.checkType, mediaRoles: t.media.map((m) => m.role), runs: t.runs })),
      batch.vendors,
    );
    // Vendors that do not serve a check type were never planned; the other skips count as processed.
    const skipped = plan.skipped.filter((s) => s.reason !== "not_served").length;

    await db.$transaction(async (tx) => {
      // First, so a concurrent delivery of this job waits on the row lock and then finds it moved.
      const claimed = await tx.rerunBatch.updateMany({
        where: { id: batch.id, status: "running", cursor: batch.cursor, enqueuedAt: null },
        data: {
          cursor: page.nextPosition,
          createdRuns: { increment: plan.create.length },
          skippedRuns: { increment: skipped },
          ...(page.exhausted ? { enqueuedAt: new Date() } : {}),
        },
      });
      if (claimed.count === 0) throw new LostRace();
      await writeReruns(tx, {
        items: plan.create,
        checkTypes: new Map(targets.map((t) => [t.id, t.checkType])),
        reason: batch.reason,
        requestedById: batch.requestedById,
        batchId: batch.id,
      });
      await enqueueJob(tx, JOB_QUEUES["bulk-rerun"], { batchId: batch.id }, page.exhausted ? { startAfter: new Date(Date.now() + WATCH_SECONDS * 1000) } : {});
    });
  } catch (error) {
    if (error instanceof LostRace) return;
    // Someone reran one of these verifications between our read and our write: read again.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new RetryableJobError("a run was added to a verification of this chunk meanwhile; retrying the chunk");
    }
    if (job.isLastAttempt) {
      const message = error instanceof Error ? error.message : String(error);
      await db.rerunBatch.updateMany({ where: { id: batch.id, status: "running" }, data: { status: "failed", finishedAt: new Date(), error: message.slice(0, 1000) } });
    }
    throw error instanceof RetryableJobError ? error : new RetryableJobError(error instanceof Error ? error.message : String(error), { cause: error });
  }
}
