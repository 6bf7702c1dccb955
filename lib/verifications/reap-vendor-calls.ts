import { db, sqlPool } from "@/lib/db";
import { JOBS_SCHEMA } from "@/lib/jobs/boss";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { VENDORS, vendorCallQueue } from "@/lib/jobs/queues";
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
  await releaseJobsOfDeadWorkers(env.VENDOR_CALL_STALE_SECONDS);
  return stale.map(({ vendorRunId, attempt }) => ({ vendorRunId, attempt }));
}

export const DEAD_JOB_REASON = {
  code: "worker_failure",
  message:
    "The vendor-call job failed for good before this run was recorded as ended (its worker stopped on every attempt, or could not record the failure): it is in the dead letters (Admin → Jobs). Rerun to call the vendor.",
};

/**
 * Ends the runs whose vendor-call job pg-boss moved to the dead letters while the run was still
 * open — a job whose worker died on every attempt before claiming it (each attempt expired), or
 * whose failure could not be written — so that no verification waits for a job that will never
 * run. A run with a live call, or with another job of its own still pending, is left alone.
 */
export async function endRunsOfDeadVendorJobs(): Promise<string[]> {
  const { rows } = await sqlPool().query<{ id: string }>(
    `SELECT DISTINCT r."id"
       FROM pgboss.job d
       JOIN "VendorRun" r ON r."id"::text = d.data->>'vendorRunId'
      WHERE d.name = ANY($1::text[]) AND d.state IN ('created', 'retry')
        AND r."status" IN ('queued', 'running')
        AND NOT EXISTS (SELECT 1 FROM pgboss.job j WHERE j.name = left(d.name, -5) AND j.state IN ('created', 'retry', 'active') AND j.data->>'vendorRunId' = d.data->>'vendorRunId')
        AND NOT EXISTS (SELECT 1 FROM "VendorCallAttempt" a WHERE a."vendorRunId" = r."id" AND a."outcome" = 'sending')`,
    [VENDORS.map((v) => vendorCallQueue(v).deadLetter)],
  );
  const ended: string[] = [];
  for (const { id } of rows) {
    const call = await readVendorCall(id);
    if (call && (call.run.status === "queued" || call.run.status === "running")) {
      await endRunUnsent(call, DEAD_JOB_REASON);
      ended.push(id);
    }
  }
  return ended;
}

/**
 * A worker killed between fetching a vendor-call job and recording its attempt leaves the job
 * `active` with nothing on record, and pg-boss would hand it out again only after the queue's expiry
 * (minutes). A job active for longer than VENDOR_CALL_STALE_SECONDS with no live attempt of its own
 * (`sending`, kept fresh by its heartbeat) is therefore put back to be fetched now. That never sends
 * twice: the run's claim is the one gate (a run already answered, being answered elsewhere, or of
 * unknown fate is not sent again), so the next fetch only settles what the dead worker left.
 */
export async function releaseJobsOfDeadWorkers(staleSeconds: number): Promise<number> {
  const { rowCount } = await sqlPool().query(
    `UPDATE ${JOBS_SCHEMA}.job j SET state = 'retry', start_after = now()
     WHERE j.name LIKE 'vendor-call.%' AND j.state = 'active' AND j.started_on < now() - make_interval(secs => $1)
       AND NOT EXISTS (
         SELECT 1 FROM "VendorCallAttempt" a
         WHERE a."vendorRunId" = (j.data->>'vendorRunId')::uuid AND a."jobId" = j.id::text AND a."outcome" = 'sending')`,
    [staleSeconds],
  );
  return rowCount ?? 0;
}

/** Runs the reaper every few seconds until stopped (in each worker that works vendor calls). */
export function startVendorCallReaper(log: (line: string) => void): () => void {
  const everyMs = Math.max(1000, (vendorCallEnv().VENDOR_CALL_STALE_SECONDS * 1000) / 4);
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    reapDeadVendorCalls()
      .then(async (reaped) => {
        reaped.forEach((r) => log(`vendor call of run ${r.vendorRunId} (attempt ${r.attempt}): worker gone, fate unknown`));
        for (const id of await endRunsOfDeadVendorJobs()) log(`run ${id}: its vendor-call job is in the dead letters; ended`);
      })
      .catch((error: unknown) => log(`vendor-call reaper failed: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => (running = false));
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
