import { db } from "@/lib/db";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { vendorCallQueue } from "@/lib/jobs/queues";
import type { Vendor } from "@/lib/generated/prisma/enums";
import { endRunUnsent, UNKNOWN_FATE_REASON } from "@/lib/verifications/run-vendor-call-job";
import { markStaleAttemptsUnknown, vendorCallEnv } from "@/lib/verifications/vendor-call-attempts";
import { readVendorCall } from "@/lib/verifications/vendor-call-sql";

/**
 * Finds vendor calls whose worker died (no heartbeat for VENDOR_CALL_STALE_SECONDS), marks them
 * `unknown`, and applies VENDOR_CALL_UNKNOWN_FATE to their runs at once — instead of the minutes
 * until the queue's job expiry: `fail` ends the run as an error that says the fate is unknown,
 * `retry` queues the run's next (recorded, numbered) attempt. Safe to run in every worker process:
 * each stale attempt is taken by one of them.
 */
export async function reapDeadVendorCalls(): Promise<{ vendorRunId: string; attempt: number }[]> {
  const env = vendorCallEnv();
  const stale = await markStaleAttemptsUnknown(env.VENDOR_CALL_STALE_SECONDS);
  for (const { vendorRunId, vendor } of stale) {
    if (env.VENDOR_CALL_UNKNOWN_FATE === "retry") {
      await db.$transaction((tx) => enqueueJob(tx, vendorCallQueue(vendor as Vendor), { vendorRunId }));
      continue;
    }
    const call = await readVendorCall(vendorRunId);
    if (call && (call.run.status === "queued" || call.run.status === "running")) await endRunUnsent(call, UNKNOWN_FATE_REASON);
  }
  return stale.map(({ vendorRunId, attempt }) => ({ vendorRunId, attempt }));
}

/** Runs the reaper every few seconds until stopped (in each worker that works vendor calls). */
export function startVendorCallReaper(log: (line: string) => void): () => void {
  const everyMs = Math.max(1000, (vendorCallEnv().VENDOR_CALL_STALE_SECONDS * 1000) / 4);
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    reapDeadVendorCalls()
      .then((reaped) => reaped.forEach((r) => log(`vendor call of run ${r.vendorRunId} (attempt ${r.attempt}): worker gone, fate unknown`)))
      .catch((error: unknown) => log(`vendor-call reaper failed: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => (running = false));
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
