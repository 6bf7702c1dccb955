import type { Vendor } from "@/lib/generated/prisma/enums";
import {
  JOB_QUEUES,
  VENDORS,
  vendorCallQueueName,
  type JobQueues,
  type PayloadOf,
  type QueueCatalogue,
  type QueueName,
  type VendorCallPayload,
} from "@/lib/jobs/queues";

// What a job handler gets besides its (already validated) payload.
export interface JobContext {
  jobId: string;
  queue: string;
  // Set for the per-vendor queues.
  vendor?: Vendor;
  // 1 for the first attempt, 2 for the first retry, …
  attempt: number;
  // True when a RetryableJobError now would not be retried: the handler should record the failure
  // (e.g. mark its VendorRun failed) before throwing, since nothing will run after it.
  isLastAttempt: boolean;
  // Aborted when the job outlives its expiry or the worker is stopping: pass it to fetch() etc.
  signal: AbortSignal;
}

// THE CONTRACT FOR EVERY HANDLER: pg-boss delivers a job at least once. A worker that crashes or
// is stopped mid-job, or a job that outlives its expiry, gets the job run again. So a handler
// must be idempotent: read the state it is about to change and act only if the work is still to
// do, and make its final write conditional on that state, e.g. for a vendor call:
//
//   const run = await db.vendorRun.findUnique({ where: { id: vendorRunId } });
//   if (!run || run.status === "completed" || run.status === "cancelled") return;   // done already
//   const result = await callVendor(run);                                          // may repeat after a crash
//   const { count } = await db.vendorRun.updateMany({
//     where: { id: run.id, status: { in: ["queued", "running"] } },                // claim the write once
//     data: { status: "completed", ...result },
//   });
//   if (count === 0) return;                                                       // another attempt won
//
// Throw RetryableJobError (lib/jobs/job-errors.ts) for failures worth retrying; anything else is
// final and goes to the dead-letter queue at once.
export type JobHandler<P> = (payload: P, job: JobContext) => Promise<void>;

export type JobHandlers<C extends QueueCatalogue = JobQueues> = { [K in keyof C]?: JobHandler<PayloadOf<C[K]>> };

// The registry `npm run worker` and `npm start` work from; lib/jobs/register-handlers.ts fills it.
const globalForHandlers = globalThis as unknown as { verdictJobHandlers?: JobHandlers };
const registry: JobHandlers = (globalForHandlers.verdictJobHandlers ??= {});
// The same object, seen as slots any handler fits (a handler of P accepts `never`).
const slots: Record<string, JobHandler<never> | undefined> = registry;

export function registerJobHandler<N extends QueueName>(queue: N, handler: JobHandler<PayloadOf<JobQueues[N]>>) {
  if (!Object.hasOwn(JOB_QUEUES, queue)) throw new Error(`Unknown job queue: ${queue}`);
  slots[queue] = handler;
}

// One handler for every vendor's vendor-call queue (the vendor is in the context).
export function registerVendorCallHandler(handler: JobHandler<VendorCallPayload>) {
  for (const vendor of VENDORS) registerJobHandler(vendorCallQueueName(vendor), handler);
}

export function getJobHandlers(): JobHandlers {
  return { ...registry };
}
