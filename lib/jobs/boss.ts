import PgBoss from "pg-boss";
import pg from "pg";
import { isServerShutdown } from "@/lib/db";
import { JOB_QUEUES, type QueueDefinition } from "@/lib/jobs/queues";
import { readEnv } from "@/lib/config/env";
import { JobsDatabase } from "@/lib/jobs/boss-db";

// One pg-boss instance per process (app server, `npm start`'s in-process worker, `npm run worker`),
// started on first use: it installs or migrates its own schema "pgboss" (under an advisory lock, so
// several processes may start at once) and creates the catalogue's queues.

export const JOBS_SCHEMA = "pgboss";

interface BossState {
  boss?: Promise<PgBoss>;
  // pg-boss does not close a pool it was given: stopBoss does.
  db?: JobsDatabase;
  createdQueues: WeakMap<PgBoss, Set<string>>;
  queueLock?: Promise<void>;
}

const globalForBoss = globalThis as unknown as { verdictBoss?: BossState };
const state: BossState = (globalForBoss.verdictBoss ??= { createdQueues: new WeakMap() });

async function startBoss(): Promise<PgBoss> {
  const { DATABASE_URL: connectionString, JOBS_POOL_SIZE } = readEnv();
  if (!connectionString) throw new Error("DATABASE_URL is not set");
  const db = new JobsDatabase({ connectionString, application_name: "verdict-jobs", max: JOBS_POOL_SIZE });
  const boss = new PgBoss({
    db,
    schema: JOBS_SCHEMA,
    // Cron schedules (the retention purge, lib/data-protection/retention-schedule.ts): pg-boss sends
    // each due job once, whichever processes run the timekeeper. Maintenance stays on.
    schedule: true,
  });
  // An EventEmitter without an "error" listener would crash the process on a dropped connection.
  boss.on("error", (error) => {
    if (!isServerShutdown(error)) console.error(`[jobs] ${error.message}`);
  });
  state.db = db;
  try {
    await boss.start();
    await ensureQueues(boss, Object.values(JOB_QUEUES));
  } catch (error) {
    await boss.stop({ graceful: false, wait: true }).catch(() => {});
    await db.close().catch(() => {});
    if (state.db === db) state.db = undefined;
    throw error;
  }
  return boss;
}

export function getBoss(): Promise<PgBoss> {
  state.boss ??= startBoss().catch((error: unknown) => {
    state.boss = undefined;
    throw error;
  });
  return state.boss;
}

// v10 needs a queue (and its dead-letter queue, which it references) before send or work.
// createQueue is a no-op for an existing queue, so updateQueue applies changed settings. Creating a
// queue is DDL (a partition of pgboss.job); two processes (or two calls in one) creating the same
// queue at once can deadlock, so creation is serialised here and, across processes, by an
// advisory lock held in a transaction while pg-boss does the work on its own connections.
export function ensureQueues(boss: PgBoss, queues: readonly QueueDefinition<unknown, string>[]): Promise<void> {
  const next = (state.queueLock ?? Promise.resolve()).then(() => createMissingQueues(boss, queues));
  state.queueLock = next.catch(() => {});
  return next;
}

const QUEUE_CREATION_LOCK = 0x766a6f62; // "vjob"

async function createMissingQueues(boss: PgBoss, queues: readonly QueueDefinition<unknown, string>[]) {
  let created = state.createdQueues.get(boss);
  if (!created) state.createdQueues.set(boss, (created = new Set()));
  const missing = queues.filter((q) => !created.has(q.name));
  if (missing.length === 0) return;
  // The lock is held on a connection of its own, never one of the app's pool: queues are created on
  // first use, which can be inside a request's transaction, and a burst of first requests holding
  // every pooled connection would otherwise wait for one of them (until the transaction timed out).
  const connectionString = readEnv().DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set");
  const lock = new pg.Client({ connectionString, application_name: "verdict-jobs-setup" });
  await lock.connect();
  try {
    await lock.query("BEGIN");
    await lock.query("SELECT pg_advisory_xact_lock($1)", [QUEUE_CREATION_LOCK]);
    for (const queue of missing) {
      // Nothing works a dead-letter queue: its jobs wait there for an admin's retry.
      await boss.createQueue(queue.deadLetter, { name: queue.deadLetter, retryLimit: 0 });
      const options: PgBoss.Queue = {
        name: queue.name,
        deadLetter: queue.deadLetter,
        retryLimit: queue.settings.retryLimit,
        retryDelay: queue.settings.retryDelaySeconds,
        retryBackoff: queue.settings.retryBackoff,
        expireInSeconds: queue.settings.expireInSeconds,
      };
      await boss.createQueue(queue.name, options);
      await boss.updateQueue(queue.name, options);
    }
    await lock.query("COMMIT");
  } finally {
    await lock.end();
  }
  for (const queue of missing) created.add(queue.name);
}

// Graceful: stops fetching, waits up to `timeoutMs` for running jobs, then fails what is still
// running (pg-boss retries it later) and closes the pool.
export async function stopBoss(options: { timeoutMs?: number } = {}) {
  const running = state.boss;
  const db = state.db;
  state.boss = undefined;
  state.db = undefined;
  if (!running) return;
  const boss = await running.catch(() => undefined);
  await boss?.stop({ graceful: true, wait: true, timeout: options.timeoutMs ?? 30_000 });
  await db?.close();
}
