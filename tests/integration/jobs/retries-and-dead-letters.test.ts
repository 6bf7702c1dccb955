import { afterAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { stopBoss } from "@/lib/jobs/boss";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { RetryableJobError } from "@/lib/jobs/job-errors";
import { findDeadJobs, findJobTimeline, findQueueStats, retryDeadJob } from "@/lib/jobs/job-stats";
import { startWorker, type RunningWorker } from "@/lib/jobs/worker";
import { deferred, dropQueues, FAST, jobsIn, testQueue, waitUntil, type TestPayload } from "./job-test-kit";

const actor = { kind: "cli", label: "jobs-test" } as const;
const retrying = testQueue({ retryLimit: 3 });
const exhausted = testQueue({ retryLimit: 1 });
const final = testQueue({ retryLimit: 3 });
const catalogue = { [retrying.name]: retrying, [exhausted.name]: exhausted, [final.name]: final };
const workers: RunningWorker[] = [];

afterAll(async () => {
  for (const w of workers) await w.stop();
  await dropQueues(retrying, exhausted, final);
  await stopBoss();
  await disconnectDb();
});

async function enqueue(queue: typeof retrying, n: number) {
  return db.$transaction((tx) => enqueueJob(tx, queue, { n }));
}

describe("retries and dead letters", () => {
  it("retries a RetryableJobError until the handler succeeds, without dead-lettering", async () => {
    const attempts: number[] = [];
    const succeeded = deferred();
    workers.push(
      await startWorker({
        ...FAST,
        queues: catalogue,
        handlers: {
          [retrying.name]: async (_payload: TestPayload, job) => {
            attempts.push(job.attempt);
            if (job.attempt < 3) throw new RetryableJobError(`vendor answered 503 (attempt ${job.attempt})`);
            succeeded.resolve();
          },
        },
      }),
    );
    const id = await enqueue(retrying, 1);
    await succeeded.promise;
    expect(attempts).toEqual([1, 2, 3]);
    const [row] = await waitUntil("the job to complete", async () => {
      const rows = await jobsIn(retrying.name);
      return rows[0]?.state === "completed" && rows;
    });
    expect(row).toMatchObject({ id, state: "completed", retry_count: 2 });
    expect(await findDeadJobs({ queue: retrying.name }, catalogue)).toEqual([]);
  });

  it("dead-letters a job whose retries run out, and an admin's retry runs it again once", async () => {
    let failing = true;
    const attempts: number[] = [];
    const lastAttempt = deferred();
    const rerun = deferred<TestPayload>();
    workers.push(
      await startWorker({
        ...FAST,
        queues: catalogue,
        handlers: {
          [exhausted.name]: async (payload: TestPayload, job) => {
            if (!failing) return rerun.resolve(payload);
            attempts.push(job.attempt);
            if (job.isLastAttempt) lastAttempt.resolve();
            throw new RetryableJobError("vendor keeps timing out");
          },
        },
      }),
    );
    await enqueue(exhausted, 7);
    await lastAttempt.promise;
    expect(attempts).toEqual([1, 2]);

    const [dead] = await waitUntil("the dead job", async () => {
      const jobs = await findDeadJobs({ queue: exhausted.name }, catalogue);
      return jobs.length > 0 && jobs;
    });
    expect(dead).toMatchObject({ queue: exhausted.name, data: { n: 7 }, error: "vendor keeps timing out" });
    const stats = await findQueueStats(catalogue);
    expect(stats.find((s) => s.queue === exhausted.name)).toMatchObject({ dead: 1, failed: 1, queued: 0, active: 0 });

    failing = false;
    const { jobId } = await retryDeadJob(actor, dead.id, catalogue);
    expect(await rerun.promise).toEqual({ n: 7 });
    expect(await findDeadJobs({ queue: exhausted.name }, catalogue)).toEqual([]);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "job.retried", targetId: dead.id } });
    expect(event).toMatchObject({ actorLabel: "cli:jobs-test", targetType: "job", after: { queue: exhausted.name, jobId } });

    // The dead job was consumed by the first retry: a second click finds nothing and sends nothing.
    await expect(retryDeadJob(actor, dead.id, catalogue)).rejects.toThrow(NotFoundError);
    expect(await db.auditEvent.count({ where: { action: "job.retried", targetId: dead.id } })).toBe(1);
    expect((await jobsIn(exhausted.name)).filter((j) => j.id === jobId)).toHaveLength(1);

    // The timeline of this payload: the original's two failed attempts, its dead letter, the retry.
    const timeline = await waitUntil("the retried job to complete", async () => {
      const entries = await findJobTimeline({ field: "n", value: "7" }, catalogue);
      return entries.at(-1)?.state === "completed" && entries;
    });
    expect(timeline.map((e) => [e.queue, e.state, e.attempt, e.note])).toEqual([
      [exhausted.name, "failed", 2, "vendor keeps timing out"],
      [exhausted.name, "dead", 1, "vendor keeps timing out"],
      [exhausted.name, "completed", 1, null],
    ]);
  });

  it("dead-letters a final (non-retryable) failure at once, with no retries", async () => {
    const attempts: number[] = [];
    const called = deferred();
    workers.push(
      await startWorker({
        ...FAST,
        queues: catalogue,
        handlers: {
          [final.name]: async (_payload: TestPayload, job) => {
            attempts.push(job.attempt);
            called.resolve();
            throw new Error("the vendor rejected the image: 400 bad request");
          },
        },
      }),
    );
    await enqueue(final, 3);
    await called.promise;
    const [dead] = await waitUntil("the dead job", async () => {
      const jobs = await findDeadJobs({ queue: final.name }, catalogue);
      return jobs.length > 0 && jobs;
    });
    expect(dead).toMatchObject({ queue: final.name, data: { n: 3 }, error: "the vendor rejected the image: 400 bad request" });
    expect(attempts).toEqual([1]);
    expect(await jobsIn(final.name)).toEqual([expect.objectContaining({ state: "failed", retry_count: 0 })]);
  });

  it("answers not found for an unknown or malformed dead job id", async () => {
    await expect(retryDeadJob(actor, "not-a-uuid", catalogue)).rejects.toThrow(NotFoundError);
    await expect(retryDeadJob(actor, "00000000-0000-4000-8000-000000000000", catalogue)).rejects.toThrow(NotFoundError);
  });
});
