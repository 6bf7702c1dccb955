import { setMaxListeners } from "node:events";
import { setTimeout as sleep } from "node:timers/promises";
import type PgBoss from "pg-boss";
import { db } from "@/lib/db";
import { ensureQueues, getBoss, JOBS_SCHEMA } from "@/lib/jobs/boss";
import { toJobData, transactionExecutor } from "@/lib/jobs/enqueue-job";
import { isRetryableJobError, RetryableJobError } from "@/lib/jobs/job-errors";
import { createJobRateLimiter, type JobRateLimiter } from "@/lib/jobs/job-rate-limit";
import type { JobContext, JobHandler, JobHandlers } from "@/lib/jobs/handlers";
import type { Vendor } from "@/lib/generated/prisma/enums";
import { JOB_QUEUES, type JobQueues, type QueueCatalogue, type QueueDefinition } from "@/lib/jobs/queues";
import { readEnv } from "@/lib/config/env";
import { batchedCompleter } from "@/lib/jobs/batched-completer";

// Works the queues that have a handler. Each queue runs up to `concurrency` jobs at once in this
// process, fetched in batches by one fetcher per queue (pg-boss: FOR UPDATE SKIP LOCKED, so any
// number of processes share the work); each job's handler runs, then the job is completed or failed.
//
// We drive pg-boss's fetch/complete/fail ourselves rather than boss.work(): work() completes the
// job after the handler returns, whereas a rate-limited or stopping worker must hand its job back
// untouched, and a final failure must skip the remaining retries — both need the job's fate decided
// here. Stop is exact too: stop() resolves once every job in flight has finished.

export interface QueueLimits {
  concurrency: number;
  // null: unlimited. Shared by every process (PostgreSQL-backed counters).
  ratePerSecond: number | null;
}

// VendorConfig's own default concurrency, for a vendor that has no row yet.
const DEFAULT_VENDOR_CONCURRENCY = 4;
// A vendor's rate limit and concurrency are re-read this often, so an admin's change applies without a restart.
const RATE_REFRESH_MS = 30_000;

export interface StartWorkerOptions<C extends QueueCatalogue> {
  handlers: JobHandlers<C>;
  // The queues the handlers belong to; the app's catalogue unless a test brings its own.
  queues?: C;
  // Per-queue overrides of concurrency and rate limit (otherwise VendorConfig / queue settings).
  limits?: Record<string, Partial<QueueLimits>>;
  log?: (line: string) => void;
  pollingIntervalSeconds?: number;
  // A rate-limited job waits in the worker up to this long; beyond it, it is handed back to the
  // queue to start when the budget allows, without counting as an attempt.
  maxRateWaitMs?: number;
}

export interface RunningWorker {
  queues: string[];
  stop(options?: { timeoutMs?: number }): Promise<void>;
}

type Outcome = "completed" | "handed-back";
type QueueEntry = { queue: QueueDefinition; handler: JobHandler<unknown> };

// What the loops of one worker share.
interface WorkerRuntime {
  boss: PgBoss;
  log: (line: string) => void;
  pollMs: number;
  stopping: AbortSignal;
  // Aborted when stop() runs out of patience: the handlers' signal fires and their jobs fail (retryable).
  handlerAbort: AbortSignal;
  waitForRateBudget: (queue: QueueDefinition) => Promise<number>;
  currentConcurrency: (queue: QueueDefinition) => Promise<number>;
}

export async function startWorker<C extends QueueCatalogue = JobQueues>(options: StartWorkerOptions<C>): Promise<RunningWorker> {
  const log = options.log ?? ((line: string) => console.log(`[jobs] ${line}`));
  const boss = await getBoss();
  const entries = queueEntries(options.queues ?? JOB_QUEUES, options.handlers);
  await ensureQueues(boss, entries.map((e) => e.queue));

  const limits = new Map(await Promise.all(entries.map(async (e) => [e.queue.name, await resolveLimits(e.queue, options.limits?.[e.queue.name])] as const)));
  const rateLimiter: JobRateLimiter | null = [...limits.values()].some((l) => l.ratePerSecond !== null) || entries.some((e) => e.queue.vendor)
    ? createJobRateLimiter(requireDatabaseUrl())
    : null;

  const stopping = new AbortController();
  const handlerAbort = new AbortController();
  // Every job in flight listens to these two signals; many loops at once is normal, not a leak.
  setMaxListeners(0, stopping.signal, handlerAbort.signal);
  const settings = queueSettings(limits, options.limits);
  const runtime: WorkerRuntime = {
    boss,
    log,
    pollMs: Math.max(0.5, options.pollingIntervalSeconds ?? 2) * 1000,
    stopping: stopping.signal,
    handlerAbort: handlerAbort.signal,
    waitForRateBudget: rateBudget({ currentRate: settings.currentRate, rateLimiter, stopping: stopping.signal, maxRateWaitMs: options.maxRateWaitMs ?? 2_000 }),
    currentConcurrency: settings.currentConcurrency,
  };

  const loops: Promise<void>[] = [];
  for (const { queue, handler } of entries) {
    const { concurrency } = limits.get(queue.name)!;
    loops.push(dispatch(runtime, queue, handler).catch((error: unknown) => log(`${queue.name} worker loop stopped: ${describe(error)}`)));
    const rate = limits.get(queue.name)?.ratePerSecond;
    log(`working ${queue.name} (concurrency ${concurrency}${rate ? `, ${rate}/s` : ""})`);
  }

  return {
    queues: entries.map((e) => e.queue.name),
    async stop({ timeoutMs = 30_000 } = {}) {
      if (stopping.signal.aborted) return;
      stopping.abort();
      const all = Promise.all(loops);
      const patience = setTimeout(() => handlerAbort.abort(new Error("worker stopped")), timeoutMs);
      await all;
      clearTimeout(patience);
      await rateLimiter?.close();
    },
  };
}

/** Each handler with its queue from the catalogue; a handler without a queue is a programming error. */
function queueEntries<C extends QueueCatalogue>(catalogue: QueueCatalogue, handlers: JobHandlers<C>): QueueEntry[] {
  const entries: QueueEntry[] = [];
  for (const [name, handler] of Object.entries(handlers)) {
    const queue = catalogue[name];
    if (!queue) throw new Error(`No queue named ${name} for this handler`);
    // Sound: the handler was typed for this queue's payload, which the schema checks before the call.
    if (handler) entries.push({ queue, handler: handler as JobHandler<unknown> });
  }
  return entries;
}

/**
 * A queue's rate and concurrency: fixed by the caller's overrides or the queue's settings, or, for a
 * vendor queue, read from its VendorConfig row at most every RATE_REFRESH_MS, so an admin's change
 * applies to running workers without a restart.
 */
function queueSettings(limits: Map<string, QueueLimits>, overrides: Record<string, Partial<QueueLimits>> | undefined) {
  const cache = new Map<string, { rate: number | null; concurrency: number; at: number }>();

  async function vendorSettings(queue: QueueDefinition & { vendor: Vendor }) {
    const cached = cache.get(queue.name);
    if (cached && Date.now() - cached.at < RATE_REFRESH_MS) return cached;
    const config = await db.vendorConfig.findUnique({ where: { vendor: queue.vendor }, select: { ratePerSecond: true, concurrency: true } });
    const fresh = { rate: positiveOrNull(config?.ratePerSecond), concurrency: Math.max(1, config?.concurrency ?? DEFAULT_VENDOR_CONCURRENCY), at: Date.now() };
    cache.set(queue.name, fresh);
    return fresh;
  }

  return {
    currentRate: async (queue: QueueDefinition): Promise<number | null> => {
      const fixed = overrides?.[queue.name];
      if (fixed && "ratePerSecond" in fixed) return fixed.ratePerSecond ?? null;
      if (!queue.vendor) return limits.get(queue.name)?.ratePerSecond ?? null;
      return (await vendorSettings({ ...queue, vendor: queue.vendor })).rate;
    },
    currentConcurrency: async (queue: QueueDefinition): Promise<number> => {
      const fixed = overrides?.[queue.name]?.concurrency;
      if (fixed !== undefined || !queue.vendor) return limits.get(queue.name)!.concurrency;
      return (await vendorSettings({ ...queue, vendor: queue.vendor })).concurrency;
    },
  };
}

/** The rate budget of each queue: 0 when a job may run now; otherwise how long until it may (when that is beyond maxRateWaitMs). */
function rateBudget(settings: {
  currentRate: (queue: QueueDefinition) => Promise<number | null>;
  rateLimiter: JobRateLimiter | null;
  stopping: AbortSignal;
  maxRateWaitMs: number;
}): (queue: QueueDefinition) => Promise<number> {
  const { currentRate, rateLimiter, stopping, maxRateWaitMs } = settings;
  return async (queue) => {
    const rate = await currentRate(queue);
    if (rate === null || !rateLimiter) return 0;
    const started = Date.now();
    for (;;) {
      const waitMs = await rateLimiter.take(queue.name, rate);
      if (waitMs === 0) return 0;
      if (Date.now() - started + waitMs > maxRateWaitMs || stopping.aborted) return waitMs;
      await sleep(waitMs + Math.floor(Math.random() * 25));
    }
  };
}

// Puts the job back for later in one transaction: a fresh copy that starts after `delayMs` with
// the retries it had left, and the original completed with a note. Not counted as an attempt.
async function handBack(boss: PgBoss, queue: QueueDefinition, job: PgBoss.JobWithMetadata<object>, delayMs: number, reason: string) {
  await db.$transaction(async (tx) => {
    const executor = transactionExecutor(tx);
    const copyId = await boss.send(queue.name, toJobData(job.data), {
      db: executor,
      retryLimit: Math.max(0, job.retryLimit - job.retryCount),
      ...(delayMs > 0 ? { startAfter: delayMs / 1000 } : {}),
    });
    if (!copyId) throw new Error(`could not hand job ${job.id} back to ${queue.name}`);
    await boss.complete(queue.name, job.id, { handedBackAs: copyId, reason }, { db: executor });
  });
}

// A final failure: no retries left, so pg-boss's fail() moves the job to the dead-letter queue.
async function skipRemainingRetries(boss: PgBoss, queue: QueueDefinition, job: PgBoss.JobWithMetadata<object>) {
  await boss.getDb().executeSql(`UPDATE ${JOBS_SCHEMA}.job SET retry_limit = retry_count WHERE name = $1 AND id = $2 AND state = 'active'`, [queue.name, job.id]);
}

// One fetcher per queue, not one per slot: it asks for as many jobs as it has free slots in one
// statement, and when the queue is empty it alone waits `pollMs`. An idle worker therefore sends
// one fetch per queue per interval, however high the queue's concurrency (with a loop per slot,
// a vendor at concurrency 100 cost 50 idle queries a second at a 2 s interval).
// A full queue refills in batches: with slots busy, the fetcher waits until an eighth of them are free
// rather than fetching one job per finished job (at concurrency 128 and 1.5 s vendors, ~85 fetches a
// second for one job each). Below that, and whenever nothing runs, it fetches at once.
function refillBatch(concurrency: number): number {
  return Math.max(1, Math.floor(concurrency / 8));
}

async function dispatch(runtime: WorkerRuntime, queue: QueueDefinition, handler: JobHandler<unknown>) {
  const running = new Set<Promise<void>>();
  const complete = batchedCompleter((ids) => runtime.boss.complete(queue.name, ids));
  while (!runtime.stopping.aborted) {
    const concurrency = await runtime.currentConcurrency(queue);
    const free = concurrency - running.size;
    if (free <= 0 || (running.size > 0 && free < refillBatch(concurrency))) {
      await Promise.race(running);
      continue;
    }
    const jobs = await runtime.boss.fetch<object>(queue.name, { batchSize: free, includeMetadata: true });
    for (const job of jobs) {
      const task: Promise<void> = work(runtime, queue, handler, job, complete).finally(() => running.delete(task));
      running.add(task);
    }
    if (jobs.length === 0) {
      // Empty queue: look again after the interval, or as soon as a running job frees its slot
      // (a busy queue refills without waiting).
      const idle = sleep(runtime.pollMs, undefined, { signal: runtime.stopping }).catch(() => {});
      await (running.size > 0 ? Promise.race([idle, ...running]) : idle);
    }
  }
  await Promise.all(running);
}

/** Runs one fetched job and records its fate; a failed job is recorded as failed (pg-boss retries it). */
async function work(runtime: WorkerRuntime, queue: QueueDefinition, handler: JobHandler<unknown>, job: PgBoss.JobWithMetadata<object>, complete: (id: string) => Promise<void>) {
  const { boss, log } = runtime;
  try {
    const outcome = await runJob(runtime, queue, handler, job);
    if (outcome === "completed") await complete(job.id);
  } catch (error) {
    const message = describe(error);
    const retried = !(typeof error === "object" && error !== null && finalFailures.has(error)) && job.retryCount < job.retryLimit;
    log(`${queue.name} job ${job.id} failed on attempt ${job.retryCount + 1} (${retried ? "will retry" : "final"}): ${message}`);
    await boss
      .fail(queue.name, job.id, { name: error instanceof Error ? error.name : "Error", message, stack: error instanceof Error ? error.stack : undefined })
      .catch((failError: unknown) => log(`could not record the failure of ${queue.name} job ${job.id}: ${String(failError)}`));
  }
}

/** One job: handed back (stopping, rate-limited), refused (bad payload, final) or run under its deadline. */
async function runJob(runtime: WorkerRuntime, queue: QueueDefinition, handler: JobHandler<unknown>, job: PgBoss.JobWithMetadata<object>): Promise<Outcome> {
  const { boss } = runtime;
  if (runtime.stopping.aborted) {
    await handBack(boss, queue, job, 0, "worker stopping");
    return "handed-back";
  }
  const parsed = queue.payload.safeParse(job.data);
  if (!parsed.success) {
    await skipRemainingRetries(boss, queue, job);
    throw markFinal(new Error(`Invalid payload for ${queue.name}: ${parsed.error.issues.map((i) => `${i.path.join(".") || "payload"}: ${i.message}`).join("; ")}`));
  }
  const waitMs = await runtime.waitForRateBudget(queue);
  if (waitMs > 0) {
    await handBack(boss, queue, job, waitMs, "rate-limited");
    return "handed-back";
  }
  const timeout = new AbortController();
  const context: JobContext = {
    jobId: job.id,
    queue: queue.name,
    vendor: queue.vendor,
    attempt: job.retryCount + 1,
    isLastAttempt: job.retryCount >= job.retryLimit,
    signal: AbortSignal.any([timeout.signal, runtime.handlerAbort]),
  };
  const expireMs = Math.max(1, Number(job.expireInSeconds)) * 1000;
  const timer = setTimeout(() => timeout.abort(new Error(`handler still running after ${expireMs / 1000}s`)), expireMs);
  try {
    await raceAgainstAbort(handler(parsed.data, context), context.signal);
    return "completed";
  } catch (error) {
    if (isRetryableJobError(error)) throw error;
    // A timeout or a stopping worker is retryable: the work may well succeed on another attempt.
    if (context.signal.aborted) throw new RetryableJobError(describe(context.signal.reason), { cause: error });
    await skipRemainingRetries(boss, queue, job);
    throw markFinal(error);
  } finally {
    clearTimeout(timer);
  }
}

/** The handler's own result, or a rejection as soon as its signal aborts (deadline or stop). */
async function raceAgainstAbort(running: Promise<unknown>, signal: AbortSignal): Promise<void> {
  // If the handler loses the race below, its late rejection must not become an unhandled one.
  running.catch(() => {});
  await Promise.race([
    running,
    new Promise<never>((_, reject) => signal.addEventListener("abort", () => reject(signal.reason instanceof Error ? signal.reason : new Error(describe(signal.reason))), { once: true })),
  ]);
}

// Errors that used up the job's retries on purpose (only for the log line).
const finalFailures = new WeakSet<object>();

function markFinal(error: unknown): unknown {
  if (typeof error === "object" && error !== null) finalFailures.add(error);
  return error;
}

function describe(error: unknown) {
  return error instanceof Error ? error.message : String(error);
}

function requireDatabaseUrl() {
  const url = readEnv().DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  return url;
}

function positiveOrNull(value: number | null | undefined): number | null {
  return typeof value === "number" && value > 0 ? value : null;
}

async function resolveLimits(queue: QueueDefinition, override: Partial<QueueLimits> | undefined): Promise<QueueLimits> {
  let limits: QueueLimits = { concurrency: queue.settings.concurrency, ratePerSecond: null };
  if (queue.vendor) {
    const config = await db.vendorConfig.findUnique({ where: { vendor: queue.vendor }, select: { concurrency: true, ratePerSecond: true } });
    limits = { concurrency: config?.concurrency ?? DEFAULT_VENDOR_CONCURRENCY, ratePerSecond: positiveOrNull(config?.ratePerSecond) };
  }
  const merged = { ...limits, ...override };
  return { concurrency: Math.max(1, Math.floor(merged.concurrency)), ratePerSecond: positiveOrNull(merged.ratePerSecond) };
}
