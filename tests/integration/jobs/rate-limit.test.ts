import { afterAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import { stopBoss } from "@/lib/jobs/boss";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { rateWindow } from "@/lib/jobs/job-rate-limit";
import { findDeadJobs } from "@/lib/jobs/job-stats";
import { startWorker } from "@/lib/jobs/worker";
import { deferred, dropQueues, FAST, jobsIn, testQueue, waitUntil, type TestPayload } from "./job-test-kit";

const queue = testQueue({ retryLimit: 0 });
const queues = { [queue.name]: queue };
const waiting = testQueue({ retryLimit: 0 });

afterAll(async () => {
  await dropQueues(queue, waiting);
  await stopBoss();
  await disconnectDb();
});

describe("per-queue rate limit", () => {
  it("turns a rate into a window with the same average", () => {
    expect(rateWindow(10)).toEqual({ points: 10, duration: 1 });
    expect(rateWindow(2.5)).toEqual({ points: 2, duration: 0.8 });
    expect(rateWindow(0.2)).toEqual({ points: 1, duration: 5 });
  });

  it("delays jobs beyond the budget instead of failing them", async () => {
    // No retries allowed: a rate-limited job counted as a failure would be dead-lettered at once.
    const ids = await db.$transaction(async (tx) => Promise.all([1, 2, 3].map((n) => enqueueJob(tx, queue, { n }))));
    const starts: Array<{ n: number; at: number }> = [];
    const allRan = deferred();
    const worker = await startWorker({
      ...FAST,
      queues,
      // Three loops could start all three at once; 1/s lets one through per second. With no
      // in-worker waiting, each over-budget job is handed back to the queue for later.
      limits: { [queue.name]: { concurrency: 3, ratePerSecond: 1 } },
      maxRateWaitMs: 0,
      handlers: {
        [queue.name]: async (payload: TestPayload) => {
          starts.push({ n: payload.n, at: Date.now() });
          if (starts.length === 3) allRan.resolve();
        },
      },
    });
    await allRan.promise;
    await worker.stop();

    expect(starts.map((s) => s.n).sort()).toEqual([1, 2, 3]);
    const times = starts.map((s) => s.at).sort((a, b) => a - b);
    // One per one-second window: the third start is two windows after the first. The first
    // handler may start late on a loaded machine, so only a whole window is required between them.
    expect(times[2] - times[0]).toBeGreaterThanOrEqual(1_000);

    const rows = await waitUntil("every job settled", async () => {
      const all = await jobsIn(queue.name);
      return all.every((j) => j.state === "completed") && all;
    });
    const handedBack = rows.filter((j) => j.output?.reason === "rate-limited");
    expect(handedBack.length).toBeGreaterThan(0);
    // Each original job ran or was handed back, never failed; the copies carry no attempts either.
    expect(rows.filter((j) => ids.includes(j.id)).map((j) => j.state)).toEqual(["completed", "completed", "completed"]);
    expect(rows.every((j) => j.retry_count === 0)).toBe(true);
    expect(await findDeadJobs({ queue: queue.name }, queues)).toEqual([]);
  });

  it("lets a short wait happen inside the worker, without handing the job back", async () => {
    const ran = deferred();
    const starts: number[] = [];
    const worker = await startWorker({
      ...FAST,
      queues: { [waiting.name]: waiting },
      limits: { [waiting.name]: { concurrency: 4, ratePerSecond: 2 } },
      maxRateWaitMs: 5_000,
      handlers: {
        [waiting.name]: async () => {
          starts.push(Date.now());
          if (starts.length === 4) ran.resolve();
        },
      },
    });
    const ids = await db.$transaction(async (tx) => Promise.all([11, 12, 13, 14].map((n) => enqueueJob(tx, waiting, { n }))));
    await ran.promise;
    await worker.stop();
    starts.sort((a, b) => a - b);
    // Two per one-second window: the 3rd and 4th waited in the worker for the next window (the
    // first handler may start late on a loaded machine, hence half a window of slack).
    expect(starts[2] - starts[0]).toBeGreaterThanOrEqual(500);
    const rows = await jobsIn(waiting.name);
    expect(rows.map((r) => r.id).sort()).toEqual([...ids].sort());
    expect(rows.map((r) => [r.state, r.output])).toEqual(ids.map(() => ["completed", null]));
  });
});
