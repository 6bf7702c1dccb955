import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { db, disconnectDb, inSqlTransaction } from "@/lib/db";
import { ValidationError } from "@/lib/errors";
import { stopBoss } from "@/lib/jobs/boss";
import { enqueueJob, enqueueJobs, jobFor } from "@/lib/jobs/enqueue-job";
import { startWorker } from "@/lib/jobs/worker";
import { deferred, dropQueues, FAST, jobsIn, testQueue, type TestPayload } from "./job-test-kit";

const queue = testQueue();
const queues = { [queue.name]: queue };
const batchQueue = testQueue({ retryLimit: 7 });

afterAll(async () => {
  await dropQueues(queue, batchQueue);
  await stopBoss();
  await disconnectDb();
});

const email = () => `jobs-${randomUUID().slice(0, 8)}@verdict.test`;

describe("enqueueJob inside a Prisma transaction", () => {
  it("leaves neither the row nor the job when the transaction rolls back", async () => {
    const address = email();
    let jobId: string | undefined;
    const failed = db.$transaction(async (tx) => {
      await tx.user.create({ data: { email: address, role: "viewer" } });
      jobId = await enqueueJob(tx, queue, { n: 1 });
      throw new Error("something after the enqueue failed");
    });
    await expect(failed).rejects.toThrow("something after the enqueue failed");
    expect(jobId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await db.user.count({ where: { email: address } })).toBe(0);
    expect(await jobsIn(queue.name)).toEqual([]);
  });

  it("refuses a payload that does not match the queue's schema, inside the caller's transaction", async () => {
    const address = email();
    const failed = db.$transaction(async (tx) => {
      await tx.user.create({ data: { email: address, role: "viewer" } });
      // A payload from outside the type system (e.g. parsed JSON) that the schema rejects.
      const untrusted: TestPayload = JSON.parse('{"n":"one"}');
      await enqueueJob(tx, queue, untrusted);
    });
    await expect(failed).rejects.toThrow(ValidationError);
    await expect(failed).rejects.toThrow(`Invalid payload for the ${queue.name} queue: n:`);
    expect(await db.user.count({ where: { email: address } })).toBe(0);
    expect(await jobsIn(queue.name)).toEqual([]);
  });

  it("commits the row and the job together, and a worker runs the job exactly once", async () => {
    const address = email();
    const jobId = await db.$transaction(async (tx) => {
      await tx.user.create({ data: { email: address, role: "viewer" } });
      return enqueueJob(tx, queue, { n: 42 });
    });
    expect(await db.user.count({ where: { email: address } })).toBe(1);

    const calls: Array<{ payload: TestPayload; jobId: string; attempt: number }> = [];
    const ran = deferred();
    const worker = await startWorker({
      ...FAST,
      queues,
      // Several loops competing for the one job: it must still run once.
      limits: { [queue.name]: { concurrency: 3 } },
      handlers: {
        [queue.name]: async (payload: TestPayload, job) => {
          calls.push({ payload, jobId: job.jobId, attempt: job.attempt });
          ran.resolve();
        },
      },
    });
    await ran.promise;
    await worker.stop();

    expect(calls).toEqual([{ payload: { n: 42 }, jobId, attempt: 1 }]);
    // Completed, so no worker will ever take it again.
    expect(await jobsIn(queue.name)).toEqual([expect.objectContaining({ id: jobId, state: "completed", retry_count: 0 })]);
  });
});

describe("enqueueJobs: a batch in one statement, on a plain-SQL transaction", () => {
  it("commits every job with the queue's settings, or none when the transaction rolls back", async () => {
    const failed = inSqlTransaction(async (client) => {
      await enqueueJobs(client, [jobFor(batchQueue, { n: 1 }), jobFor(batchQueue, { n: 2 })]);
      throw new Error("something after the enqueue failed");
    });
    await expect(failed).rejects.toThrow("something after the enqueue failed");
    expect(await jobsIn(batchQueue.name)).toEqual([]);

    await inSqlTransaction((client) => enqueueJobs(client, [jobFor(batchQueue, { n: 3 }), jobFor(batchQueue, { n: 4 }), jobFor(batchQueue, { n: 5 })]));
    const rows = await db.$queryRawUnsafe<Array<{ n: number; retry_limit: number; state: string }>>(
      `SELECT (data->>'n')::int AS n, retry_limit, state::text AS state FROM pgboss.job WHERE name = $1 ORDER BY 1`,
      batchQueue.name,
    );
    expect(rows).toEqual([3, 4, 5].map((n) => ({ n, retry_limit: 7, state: "created" })));
  });

  it("checks each payload against its queue before anything is written", () => {
    const untrusted: TestPayload = JSON.parse('{"n":"three"}');
    expect(() => jobFor(batchQueue, untrusted)).toThrow(`Invalid payload for the ${batchQueue.name} queue: n:`);
  });
});
