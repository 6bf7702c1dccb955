import { z } from "zod";
import { Vendor } from "@/lib/generated/prisma/enums";

// The catalogue of job queues. Each queue has a zod payload schema (checked when a job is sent and
// again when it is worked), its retry/expiry settings, and a dead-letter queue `<name>.dead` where
// pg-boss moves a job that failed for good, so an admin can see it and retry it (/admin/jobs).

export interface QueueSettings {
  // Attempts after the first one for a retryable failure (RetryableJobError, timeout, crash).
  retryLimit: number;
  // Seconds before the first retry; with retryBackoff the delay doubles each time (with jitter).
  retryDelaySeconds: number;
  retryBackoff: boolean;
  // A job still active after this long is failed (and retried): its worker is presumed dead.
  expireInSeconds: number;
  // Jobs worked at once by one worker process, unless VendorConfig says otherwise (vendor queues).
  concurrency: number;
}

export interface QueueDefinition<P = unknown, N extends string = string> {
  name: N;
  deadLetter: `${N}.dead`;
  payload: z.ZodType<P>;
  settings: QueueSettings;
  // Vendor queues take their concurrency and rate limit from that vendor's VendorConfig row.
  vendor?: Vendor;
}

export type PayloadOf<Q> = Q extends QueueDefinition<infer P, string> ? P : never;

const DEFAULT_SETTINGS: QueueSettings = {
  retryLimit: 3,
  retryDelaySeconds: 5,
  retryBackoff: true,
  expireInSeconds: 10 * 60,
  concurrency: 2,
};

export function defineQueue<N extends string, P>(
  name: N,
  payload: z.ZodType<P>,
  options: Partial<QueueSettings> & { vendor?: Vendor } = {},
): QueueDefinition<P, N> {
  const { vendor, ...settings } = options;
  return { name, deadLetter: `${name}.dead`, payload, settings: { ...DEFAULT_SETTINGS, ...settings }, vendor };
}

type CatalogueOf<D extends QueueDefinition<unknown, string>> = { [Q in D as Q["name"]]: Q };

function catalogue<const D extends readonly QueueDefinition<unknown, string>[]>(...queues: D): CatalogueOf<D[number]> {
  return Object.fromEntries(queues.map((q) => [q.name, q])) as CatalogueOf<D[number]>;
}

export const VENDORS = Object.values(Vendor);

export const vendorCallPayload = z.object({ vendorRunId: z.uuid() });
export type VendorCallPayload = z.infer<typeof vendorCallPayload>;

export function vendorCallQueueName<V extends Vendor>(vendor: V): `vendor-call.${V}` {
  return `vendor-call.${vendor}`;
}

// One queue per vendor, so each vendor has its own concurrency and rate limit and a slow vendor
// never holds up the others. A vendor call may wait for HTTP retries inside the adapter, hence the
// generous expiry.
const vendorCallQueues = VENDORS.map((vendor) =>
  defineQueue(vendorCallQueueName(vendor), vendorCallPayload, { vendor, retryLimit: 3, retryDelaySeconds: 10, expireInSeconds: 5 * 60 }),
);

// Adding a queue is one line here: defineQueue(name, payload schema, settings).
export const JOB_QUEUES = catalogue(
  ...vendorCallQueues,
  defineQueue("thumbnails", z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/, "sha256 must be 64 lowercase hex characters") }), {
    retryLimit: 2,
    retryDelaySeconds: 10,
    expireInSeconds: 2 * 60,
    concurrency: 2,
  }),
  // Bulk reruns (lib/reruns/run-bulk-rerun-job.ts): one chunk of runs per job, then the next job.
  defineQueue("bulk-rerun", z.object({ batchId: z.uuid() }), { retryLimit: 5, retryDelaySeconds: 5, expireInSeconds: 5 * 60, concurrency: 1 }),
  // Webhook deliveries (lib/webhooks/deliver-webhook-job.ts), retried with backoff from 10 s.
  // Retention purges (lib/data-protection/run-retention-purge.ts): batches of media, each committed
  // on its own, so a crash loses one batch at most and the next run carries on.
  defineQueue("retention-purge", z.object({ trigger: z.enum(["schedule", "manual"]), requestedBy: z.string().max(300).optional() }), {
    retryLimit: 3,
    retryDelaySeconds: 60,
    expireInSeconds: 60 * 60,
    concurrency: 1,
  }),
  defineQueue("webhook-delivery", z.object({ deliveryId: z.uuid() }), { retryLimit: 6, retryDelaySeconds: 10, retryBackoff: true, expireInSeconds: 60, concurrency: 4 }),
  // The periodic full check of the audit chain (lib/audit/audit-verify-job.ts): read-only, so a retry is harmless.
  defineQueue("audit-verify", z.object({}), { retryLimit: 2, retryDelaySeconds: 60, expireInSeconds: 60 * 60, concurrency: 1 }),
);

export type JobQueues = typeof JOB_QUEUES;
export type QueueName = keyof JobQueues;
export type QueueCatalogue = Record<string, QueueDefinition<unknown, string>>;

export function vendorCallQueue(vendor: Vendor): QueueDefinition<VendorCallPayload> {
  return JOB_QUEUES[vendorCallQueueName(vendor)];
}

export function isQueueName(name: string): name is QueueName {
  return Object.hasOwn(JOB_QUEUES, name);
}
