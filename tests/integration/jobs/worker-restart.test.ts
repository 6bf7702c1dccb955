import { afterAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import { getBoss, stopBoss } from "@/lib/jobs/boss";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { startWorker } from "@/lib/jobs/worker";
import { deferred, dropQueues, FAST, jobsIn, testQueue, type TestPayload } from "./job-test-kit";

const queue = testQueue({ retryLimit: 2 });
const queues = { [queue.name]: queue };

afterAll(async () => {
  await dropQueues(queue);
  await stopBoss();
  await disconnectDb();
});

describe("jobs across worker restarts", () => {
  it("runs a job enqueued while no worker was running, after pg-boss itself was restarted", async () => {
    const jobId = await db.$transaction((tx) => enqueueJob(tx, queue, { n: 1 }));
    const before = await getBoss();
    await stopBoss();
    const after = await getBoss();
    expect(after).not.toBe(before);

    const ran = deferred<string>();
    const worker = await startWorker({ ...FAST, queues, handlers: { [queue.name]: async (_p: TestPayload, job) => ran.resolve(job.jobId) } });
    expect(await ran.promise).toBe(jobId);
    await worker.stop();
    expect(await jobsIn(queue.name)).toEqual([expect.objectContaining({ id: jobId, state: "completed" })]);
  });

  it("finishes the running job before a graceful stop returns", async () => {
    const started = deferred();
    const release = deferred();
    const worker = await startWorker({
      ...FAST,
      queues,
      handlers: {
        [queue.name]: async () => {
          started.resolve();
          await release.promise;
        },
      },
    });
    const jobId = await db.$transaction((tx) => enqueueJob(tx, queue, { n: 2 }));
    await started.promise;
    const stopped = worker.stop();
    release.resolve();
    await stopped;
    expect((await jobsIn(queue.name)).find((j) => j.id === jobId)).toMatchObject({ state: "completed" });
  });

  it("gives a job stuck past the stop timeout back for a retry, and the next worker completes it", async () => {
    const stuck = deferred();
    const first = await startWorker({
      ...FAST,
      queues,
      handlers: {
        // Ignores its abort signal, like a hung vendor call.
        [queue.name]: async () => {
          stuck.resolve();
          await new Promise(() => {});
        },
      },
    });
    const jobId = await db.$transaction((tx) => enqueueJob(tx, queue, { n: 3 }));
    await stuck.promise;
    await first.stop({ timeoutMs: 100 });
    expect((await jobsIn(queue.name)).find((j) => j.id === jobId)).toMatchObject({ state: "retry" });

    const ran = deferred<{ id: string; attempt: number }>();
    const second = await startWorker({ ...FAST, queues, handlers: { [queue.name]: async (_p: TestPayload, job) => ran.resolve({ id: job.jobId, attempt: job.attempt }) } });
    expect(await ran.promise).toEqual({ id: jobId, attempt: 2 });
    await second.stop();
    expect((await jobsIn(queue.name)).find((j) => j.id === jobId)).toMatchObject({ state: "completed" });
  });
});
