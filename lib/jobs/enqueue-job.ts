import type pg from "pg";
import type PgBoss from "pg-boss";
import type { Tx } from "@/lib/db";
import { ValidationError } from "@/lib/errors";
import { ensureQueues, getBoss } from "@/lib/jobs/boss";
import type { QueueDefinition } from "@/lib/jobs/queues";
import { named } from "@/lib/db/named-statement";

// pg-boss runs its SQL through any object with executeSql(text, values) → { rows }. Routing it
// through a Prisma interactive transaction makes the job row part of that transaction: the
// verification, its media and its jobs commit together or not at all.
export function transactionExecutor(tx: Tx): PgBoss.Db {
  return {
    async executeSql(text: string, values: unknown[] = []) {
      const rows = await tx.$queryRawUnsafe<Record<string, unknown>[]>(text, ...values);
      return { rows };
    },
  };
}

function checkedPayload<P>(queue: QueueDefinition<P>, payload: P): object {
  const parsed = queue.payload.safeParse(payload);
  if (!parsed.success) {
    throw new ValidationError(`Invalid payload for the ${queue.name} queue: ${parsed.error.issues.map((i) => `${i.path.join(".") || "payload"}: ${i.message}`).join("; ")}`);
  }
  return toJobData(parsed.data);
}

/** One job of a batch for `enqueueJobs`; its payload is checked against the queue's schema here. */
export interface JobToSend {
  queue: QueueDefinition<unknown>;
  data: object;
}

export function jobFor<P>(queue: QueueDefinition<P>, payload: NoInfer<P>): JobToSend {
  return { queue: queue, data: checkedPayload(queue, payload) };
}

/**
 * Sends several jobs in ONE statement on the caller's transaction (a connection of our own pool,
 * see inSqlTransaction); queue settings apply as with `enqueueJob`. Throws unless every job was
 * inserted, so a verification never commits without its jobs.
 */
export async function enqueueJobs(client: pg.PoolClient, jobs: JobToSend[]): Promise<void> {
  if (jobs.length === 0) return;
  const boss = await getBoss();
  await ensureQueues(boss, jobs.map((j) => j.queue));
  // pg-boss's batch insert answers nothing; the statement's row count tells what it inserted.
  let inserted = 0;
  await boss.insert(
    jobs.map((j) => ({ name: j.queue.name, data: j.data })),
    {
      db: {
        async executeSql(text: string, values: unknown[] = []) {
          // A fixed text for every batch of the same size: named, so that it is planned once per connection.
          const result = await client.query<Record<string, unknown>>({ ...named(text), values });
          inserted = result.rowCount ?? 0;
          return result;
        },
      },
    },
  );
  if (inserted !== jobs.length) throw new Error(`pg-boss inserted ${inserted} of ${jobs.length} jobs (${[...new Set(jobs.map((j) => j.queue.name))].join(", ")})`);
}

export interface EnqueueOptions {
  // Run no earlier than this.
  startAfter?: Date;
  // Overrides of the queue's settings for this one job.
  retryLimit?: number;
  expireInSeconds?: number;
}

// Sends a job inside the caller's transaction; returns the job id. The payload is checked against
// the queue's schema first, so a bad payload fails the caller's transaction, not a worker later.
export async function enqueueJob<P>(tx: Tx, queue: QueueDefinition<P>, payload: NoInfer<P>, options: EnqueueOptions = {}): Promise<string> {
  const data = checkedPayload(queue, payload);
  const boss = await getBoss();
  // Catalogue queues exist once the boss has started; this covers queues defined elsewhere (tests).
  await ensureQueues(boss, [queue]);
  const id = await boss.send(queue.name, data, {
    db: transactionExecutor(tx),
    ...(options.startAfter ? { startAfter: options.startAfter } : {}),
    ...(options.retryLimit !== undefined ? { retryLimit: options.retryLimit } : {}),
    ...(options.expireInSeconds !== undefined ? { expireInSeconds: options.expireInSeconds } : {}),
  });
  // pg-boss answers null when the insert did not happen (unknown queue); never lose a job silently.
  if (!id) throw new Error(`pg-boss did not accept a job for the ${queue.name} queue`);
  return id;
}

// pg-boss wants an object payload; our schemas are objects, and this says so to the compiler.
export function toJobData(payload: unknown): object {
  if (typeof payload !== "object" || payload === null || Array.isArray(payload)) {
    throw new Error("A job payload must be a JSON object.");
  }
  return payload;
}
