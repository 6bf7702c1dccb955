import { db } from "@/lib/db";
import type { Outcome, RerunBatchStatus } from "@/lib/generated/prisma/enums";
import { describeSelection, rerunSelectionSchema } from "@/lib/reruns/rerun-selection";
import type { VendorId } from "@/lib/vendors/types";
import { isUuid } from "@/lib/validation/uuid";

// A batch's progress as its page shows it: counts from the runs themselves (done / failed /
// cancelled / waiting), the rate so far and the time left, and what changed — each new run against
// the previous attempt of the same vendor on the same verification.

export interface RunCounts {
  queued: number;
  running: number;
  completed: number;
  failed: number;
  cancelled: number;
}

export interface OutcomeFlip {
  vendor: VendorId;
  before: Outcome | null;
  after: Outcome | null;
  count: number;
}

export interface FlippedRun {
  verificationId: string;
  vendor: VendorId;
  attempt: number;
  before: Outcome | null;
  after: Outcome | null;
}

export interface RerunBatchProgress {
  id: string;
  status: RerunBatchStatus;
  vendors: VendorId[];
  selection: string;
  reason: string;
  testSetId: string | null;
  requestedBy: string | null;
  createdAt: Date;
  enqueuedAt: Date | null;
  finishedAt: Date | null;
  error: string | null;
  selectedCount: number;
  plannedRuns: number;
  createdRuns: number;
  skippedRuns: number;
  counts: RunCounts;
  perVendor: Record<string, RunCounts>;
  /** Per vendor, the finished runs a built-in sandbox answered (test answers). */
  sandboxRuns: Record<string, number>;
  /** Runs still to be done: planned − skipped − finished − cancelled (never below 0). */
  remaining: number;
  /** Finished runs per minute since the batch started; null before the first one. */
  ratePerMinute: number | null;
  /** Estimated, from the rate so far; null when unknown. */
  secondsLeft: number | null;
  flips: OutcomeFlip[];
  flippedRuns: FlippedRun[];
}

const emptyCounts = (): RunCounts => ({ queued: 0, running: 0, completed: 0, failed: 0, cancelled: 0 });

export async function getRerunBatchProgress(batchId: string): Promise<RerunBatchProgress | null> {
  if (!isUuid(batchId)) return null;
  const batch = await db.rerunBatch.findUnique({ where: { id: batchId } });
  if (!batch) return null;
  const [grouped, timing, flips, flippedRuns, user] = await Promise.all([
    db.vendorRun.groupBy({ by: ["vendor", "status", "sandbox"], where: { batchId }, _count: { _all: true } }),
    db.vendorRun.aggregate({ where: { batchId, status: { in: ["completed", "failed"] } }, _max: { finishedAt: true } }),
    db.$queryRaw<OutcomeFlip[]>`
      SELECT r."vendor"::text AS "vendor", p."outcome"::text AS "before", r."outcome"::text AS "after", count(*)::int AS "count"
      FROM "VendorRun" r
      LEFT JOIN LATERAL (
        SELECT q."outcome" FROM "VendorRun" q
        WHERE q."verificationId" = r."verificationId" AND q."vendor" = r."vendor" AND q."attempt" < r."attempt"
        ORDER BY q."attempt" DESC LIMIT 1
      ) p ON true
      WHERE r."batchId" = ${batchId}::uuid AND r."status" IN ('completed', 'failed')
      GROUP BY 1, 2, 3
      ORDER BY 1, 2, 3`,
    db.$queryRaw<FlippedRun[]>`
      SELECT r."verificationId"::text AS "verificationId", r."vendor"::text AS "vendor", r."attempt", p."outcome"::text AS "before", r."outcome"::text AS "after"
      FROM "VendorRun" r
      JOIN LATERAL (
        SELECT q."outcome" FROM "VendorRun" q
        WHERE q."verificationId" = r."verificationId" AND q."vendor" = r."vendor" AND q."attempt" < r."attempt"
        ORDER BY q."attempt" DESC LIMIT 1
      ) p ON true
      WHERE r."batchId" = ${batchId}::uuid AND r."status" IN ('completed', 'failed') AND p."outcome" IS DISTINCT FROM r."outcome"
      ORDER BY r."finishedAt" DESC
      LIMIT 100`,
    batch.requestedById ? db.user.findUnique({ where: { id: batch.requestedById }, select: { email: true } }) : null,
  ]);

  const counts = emptyCounts();
  const perVendor: Record<string, RunCounts> = {};
  const sandboxRuns: Record<string, number> = {};
  for (const row of grouped) {
    counts[row.status] += row._count._all;
    (perVendor[row.vendor] ??= emptyCounts())[row.status] += row._count._all;
    if (row.sandbox) sandboxRuns[row.vendor] = (sandboxRuns[row.vendor] ?? 0) + row._count._all;
  }
  const finished = counts.completed + counts.failed;
  const remaining = Math.max(0, batch.plannedRuns - batch.skippedRuns - finished - counts.cancelled);
  const lastFinished = timing._max.finishedAt;
  const elapsedMinutes = lastFinished ? (lastFinished.getTime() - batch.createdAt.getTime()) / 60_000 : 0;
  const ratePerMinute = finished > 0 && elapsedMinutes > 0 ? finished / elapsedMinutes : null;
  const running = batch.status === "running";
  const secondsLeft = running && ratePerMinute ? Math.round((remaining / ratePerMinute) * 60) : running ? null : 0;

  return {
    id: batch.id,
    status: batch.status,
    vendors: batch.vendors,
    selection: (() => {
      const parsed = rerunSelectionSchema.safeParse(batch.selection);
      return parsed.success ? describeSelection(parsed.data) : "(unreadable selection)";
    })(),
    reason: batch.reason,
    testSetId: batch.testSetId,
    requestedBy: user?.email ?? null,
    createdAt: batch.createdAt,
    enqueuedAt: batch.enqueuedAt,
    finishedAt: batch.finishedAt,
    error: batch.error,
    selectedCount: batch.selectedCount,
    plannedRuns: batch.plannedRuns,
    createdRuns: batch.createdRuns,
    skippedRuns: batch.skippedRuns,
    counts,
    perVendor,
    sandboxRuns,
    remaining,
    ratePerMinute,
    secondsLeft,
    flips,
    flippedRuns,
  };
}

export async function listRecentRerunBatches(limit = 20) {
  return db.rerunBatch.findMany({
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { id: true, status: true, vendors: true, reason: true, plannedRuns: true, createdAt: true, finishedAt: true, testSetId: true },
  });
}
