import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { z } from "zod";
import { getBoss, JOBS_SCHEMA } from "@/lib/jobs/boss";
import { defineQueue, type QueueDefinition, type QueueSettings } from "@/lib/jobs/queues";
import { db } from "@/lib/db";

// Queues of their own for each test, so tests (and any real worker on the same database) never
// take each other's jobs. Retries are immediate and polling is fast to keep the tests short.
export const testPayload = z.object({ n: z.number().int() });
export type TestPayload = z.infer<typeof testPayload>;

export function testQueue(settings: Partial<QueueSettings> = {}): QueueDefinition<TestPayload> {
  return defineQueue(`test-${randomUUID()}`, testPayload, { retryLimit: 2, retryDelaySeconds: 0, retryBackoff: false, expireInSeconds: 60, ...settings });
}

export const FAST = { pollingIntervalSeconds: 0.5, log: (line: string) => { if (process.env.JOBS_TEST_LOG) console.log(line); } } as const;

export interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
}

export function deferred<T = void>(): Deferred<T> {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

// Waits for a condition the test cannot be told about directly (a row pg-boss writes after the
// handler returns), checking every 50 ms; fails with `what` after the timeout.
export async function waitUntil<T>(what: string, check: () => Promise<T | null | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

export interface JobRow {
  id: string;
  state: string;
  retry_count: number;
  output: Record<string, unknown> | null;
}

export async function jobsIn(queue: string): Promise<JobRow[]> {
  return db.$queryRawUnsafe<JobRow[]>(
    `SELECT id::text AS id, state::text AS state, retry_count, output FROM ${JOBS_SCHEMA}.job WHERE name = $1 ORDER BY created_on`,
    queue,
  );
}

export async function dropQueues(...queues: QueueDefinition<unknown>[]) {
  const boss = await getBoss();
  for (const q of queues) {
    for (const name of [q.name, q.deadLetter]) {
      await db.$executeRawUnsafe(`DELETE FROM ${JOBS_SCHEMA}.job WHERE name = $1`, name);
      await boss.deleteQueue(name);
    }
  }
}
