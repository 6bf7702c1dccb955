import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ConflictError, ValidationError } from "@/lib/errors";
import { getBoss, stopBoss } from "@/lib/jobs/boss";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import type { JobContext } from "@/lib/jobs/handlers";
import { RetryableJobError } from "@/lib/jobs/job-errors";
import { JOB_QUEUES, type JobQueues } from "@/lib/jobs/queues";
import { startWorker, type RunningWorker } from "@/lib/jobs/worker";
import { cancelRerunBatch } from "@/lib/reruns/cancel-rerun-batch";
import { getRerunBatchProgress } from "@/lib/reruns/get-rerun-batch";
import { rerunVerification } from "@/lib/reruns/rerun-verification";
import { runBulkRerunJob } from "@/lib/reruns/run-bulk-rerun-job";
import { startBulkRerun } from "@/lib/reruns/start-bulk-rerun";
import { deferred, waitUntil } from "../jobs/job-test-kit";
import { RunWaiter, useSandboxForVendors } from "../verifications/pipeline-support";
import { jobContext, seedSelfieVerification } from "./rerun-support";

const actor = { kind: "system", label: "rerun-test" } as const;
const waiter = new RunWaiter();
const sandbox = useSandboxForVendors();

function startRerunWorker(bulk: (payload: { batchId: string }, job: JobContext) => Promise<void>): Promise<RunningWorker> {
  const h = waiter.handler;
  return startWorker<JobQueues>({
    handlers: { "vendor-call.kairos": h, "vendor-call.biometric_kz": h, "vendor-call.cvs": h, "vendor-call.fpt": h, "bulk-rerun": bulk },
    pollingIntervalSeconds: 0.5,
    log: () => {},
  });
}

describe("bulk rerun", () => {
  it("finishes every run exactly once across a worker and pg-boss restart mid-way", async () => {
    const tag = randomUUID().slice(0, 8);
    const seeded = [];
    for (let i = 0; i < 7; i++) {
      // The media now pass on every vendor; Kairos had failed them before: a flip fail → pass.
      seeded.push(await seedSelfieVerification({ scenario: "pass", seed: 1000 + i, reference: `bulk-${tag}-${i}`, earlier: [{ vendor: "kairos", outcome: "fail" }] }));
    }
    const ids = seeded.map((v) => v.id);
    const { batchId, plannedRuns } = await startBulkRerun(actor, { selection: { kind: "ids", ids }, vendors: ["kairos", "biometric_kz"], reason: "restart test", chunkSize: 2 });
    expect(plannedRuns).toBe(14);

    // First worker: two chunks go through, the third "crashes" before its transaction commits.
    let invocations = 0;
    const midway = deferred();
    const first = await startRerunWorker(async (payload, job) => {
      invocations += 1;
      if (invocations === 3) {
        midway.resolve();
        throw new RetryableJobError("simulated crash mid-batch");
      }
      await runBulkRerunJob(payload, job);
    });
    await midway.promise;
    await first.stop();
    await stopBoss();

    const stopped = await db.rerunBatch.findUniqueOrThrow({ where: { id: batchId } });
    expect(stopped).toMatchObject({ status: "running", createdRuns: 8, enqueuedAt: null });
    expect(await db.vendorRun.count({ where: { batchId } })).toBe(8);

    // At-least-once delivery: a duplicate job for the batch must not create anything twice.
    await getBoss();
    await db.$transaction((tx) => enqueueJob(tx, JOB_QUEUES["bulk-rerun"], { batchId }));

    const second = await startRerunWorker(runBulkRerunJob);
    try {
      await waitUntil("the batch to complete", async () => (await db.rerunBatch.findUniqueOrThrow({ where: { id: batchId } })).status === "completed", 60_000);
    } finally {
      await second.stop();
    }

    const runs = await db.vendorRun.findMany({ where: { verificationId: { in: ids } } });
    for (const id of ids) {
      const own = runs.filter((r) => r.verificationId === id);
      expect(own.map((r) => `${r.vendor}#${r.attempt}`).sort()).toEqual(["biometric_kz#1", "kairos#1", "kairos#2"]);
    }
    const batchRuns = runs.filter((r) => r.batchId === batchId);
    expect(batchRuns).toHaveLength(14);
    expect(batchRuns.every((r) => r.status === "completed" && r.outcome === "pass" && r.rerunReason === "restart test")).toBe(true);
    // Each run reached its vendor once.
    const selfies = (vendor: "kairos" | "biometric_kz") => sandbox().requests(vendor).length;
    expect(selfies("kairos")).toBe(7);
    expect(selfies("biometric_kz")).toBe(7);
    const verifications = await db.verification.findMany({ where: { id: { in: ids } } });
    expect(verifications.every((v) => v.status === "completed")).toBe(true);

    const progress = await getRerunBatchProgress(batchId);
    expect(progress).toMatchObject({ status: "completed", remaining: 0, counts: { completed: 14, failed: 0, queued: 0 }, createdRuns: 14, skippedRuns: 0 });
    expect(progress?.flips).toEqual(
      expect.arrayContaining([
        { vendor: "kairos", before: "fail", after: "pass", count: 7 },
        { vendor: "biometric_kz", before: null, after: "pass", count: 7 },
      ]),
    );
    expect(progress?.flippedRuns.filter((r) => r.vendor === "kairos")).toHaveLength(7);
    const audit = await db.auditEvent.findFirst({ where: { action: "rerun_batch.started", targetId: batchId } });
    expect(audit?.after).toMatchObject({ plannedRuns: 14, vendors: ["kairos", "biometric_kz"] });
  });

  it("pages through a list filter, plans only vendors serving the check type, and cancels queued runs", async () => {
    const tag = randomUUID().slice(0, 8);
    const seeded = [];
    for (let i = 0; i < 3; i++) seeded.push(await seedSelfieVerification({ scenario: "pass", seed: 2000 + i, reference: `filter-${tag}-${i}` }));
    const { batchId, plannedRuns } = await startBulkRerun(actor, {
      selection: { kind: "filter", filter: { reference: `filter-${tag}`, checkType: "liveness_selfie" } },
      vendors: ["kairos", "cvs"],
      reason: "filter test",
      chunkSize: 2,
    });
    // CVS does not serve selfies: only Kairos is planned.
    expect(plannedRuns).toBe(3);
    await runBulkRerunJob({ batchId }, jobContext());
    await runBulkRerunJob({ batchId }, jobContext());
    const batch = await db.rerunBatch.findUniqueOrThrow({ where: { id: batchId } });
    expect(batch.createdRuns).toBe(3);
    expect(batch.enqueuedAt).not.toBeNull();
    // A later call only watches; nothing more is created.
    await runBulkRerunJob({ batchId }, jobContext());
    expect(await db.vendorRun.count({ where: { batchId } })).toBe(3);
    const verifications = await db.verification.findMany({ where: { id: { in: seeded.map((v) => v.id) } } });
    expect(verifications.every((v) => v.status === "running")).toBe(true);

    const { cancelledRuns } = await cancelRerunBatch(actor, batchId);
    expect(cancelledRuns).toBe(3);
    expect(await db.vendorRun.count({ where: { batchId, status: "cancelled" } })).toBe(3);
    const after = await db.verification.findMany({ where: { id: { in: seeded.map((v) => v.id) } } });
    // Nothing else is open and no vendor answered: the verifications are settled again.
    expect(after.every((v) => v.status === "failed")).toBe(true);
    await expect(cancelRerunBatch(actor, batchId)).rejects.toBeInstanceOf(ConflictError);
    expect(await db.auditEvent.count({ where: { action: "rerun_batch.cancelled", targetId: batchId } })).toBe(1);
  });

  it("refuses selections and vendors it cannot serve, writing nothing", async () => {
    await expect(startBulkRerun(actor, { selection: { kind: "filter", filter: { reference: `nothing-${randomUUID()}` } }, vendors: ["kairos"], reason: "none" })).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(startBulkRerun(actor, { selection: { kind: "ids", ids: [randomUUID()] }, vendors: ["kairos"], reason: "unknown id" })).rejects.toThrow(/do not exist/);
    await db.vendorConfig.update({ where: { vendor: "fpt" }, data: { enabled: false } });
    try {
      const v = await seedSelfieVerification({ scenario: "pass", seed: 3000, reference: `off-${randomUUID()}` });
      await expect(startBulkRerun(actor, { selection: { kind: "ids", ids: [v.id] }, vendors: ["fpt"], reason: "disabled" })).rejects.toThrow(/Not enabled: fpt/);
    } finally {
      await db.vendorConfig.update({ where: { vendor: "fpt" }, data: { enabled: true } });
    }
  });
});

describe("rerun of one verification", () => {
  it("adds attempt max+1 with its reason and audit event, and refuses a busy, missing-media or unknown vendor", async () => {
    const v = await seedSelfieVerification({ scenario: "not_live", seed: 4000, reference: `one-${randomUUID()}`, earlier: [{ vendor: "kairos", outcome: "pass" }] });
    const result = await rerunVerification(actor, { verificationId: v.id, vendors: ["kairos", "biometric_kz"], reason: "vendor update" });
    expect(result.runs.map((r) => `${r.vendor}#${r.attempt}`).sort()).toEqual(["biometric_kz#1", "kairos#2"]);
    const runs = await db.vendorRun.findMany({ where: { verificationId: v.id }, orderBy: [{ vendor: "asc" }, { attempt: "asc" }] });
    expect(runs.map((r) => [r.vendor, r.attempt, r.status, r.outcome])).toEqual([
      ["biometric_kz", 1, "queued", null],
      ["kairos", 1, "completed", "pass"],
      ["kairos", 2, "queued", null],
    ]);
    expect(runs.filter((r) => r.status === "queued").every((r) => r.rerunReason === "vendor update")).toBe(true);
    expect((await db.verification.findUniqueOrThrow({ where: { id: v.id } })).status).toBe("running");
    expect(await db.auditEvent.count({ where: { action: "verification.rerun", targetId: v.id } })).toBe(1);
    const jobs = await db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM pgboss.job WHERE data->>'vendorRunId' = ANY($1::text[])`, runs.filter((r) => r.status === "queued").map((r) => r.id));
    expect(jobs[0]?.n).toBe(2);

    // Still queued: a second rerun of Kairos is refused and nothing is written.
    await expect(rerunVerification(actor, { verificationId: v.id, vendors: ["kairos"], reason: "again" })).rejects.toBeInstanceOf(ConflictError);
    await expect(rerunVerification(actor, { verificationId: v.id, vendors: ["cvs"], reason: "wrong vendor" })).rejects.toBeInstanceOf(ValidationError);
    await expect(rerunVerification(actor, { verificationId: v.id, vendors: ["kairos"], reason: "" })).rejects.toThrow();
    expect(await db.vendorRun.count({ where: { verificationId: v.id } })).toBe(3);

    // The queued runs are worked and the verification settles again.
    const worker = await startRerunWorker(runBulkRerunJob);
    try {
      await waiter.forRuns(runs.filter((r) => r.status === "queued").map((r) => r.id));
    } finally {
      await worker.stop();
    }
    const latest = await db.vendorRun.findFirstOrThrow({ where: { verificationId: v.id, vendor: "kairos", attempt: 2 } });
    expect(latest).toMatchObject({ status: "completed", outcome: "fail" });
    expect((await db.verification.findUniqueOrThrow({ where: { id: v.id } })).status).toBe("completed");
  });
});
