import { hostname } from "node:os";
import { readEnv, type Env } from "@/lib/config/env";
import { sqlPool } from "@/lib/db";

/*
 * The durable record of vendor calls: a VendorCallAttempt row is written BEFORE each HTTP attempt
 * is sent (the first one by the claim statement, retries by `recordRetryAttempt`), its heartbeat is
 * refreshed while the call is alive, and its outcome is written with the run's answer. A worker
 * killed mid-call leaves its row in `sending` with a heartbeat that stops; after
 * VENDOR_CALL_STALE_SECONDS the reaper (or the job's next attempt) marks it `unknown`: the vendor
 * may have answered, and billed. What happens then is VENDOR_CALL_UNKNOWN_FATE's decision:
 * `fail` (default) ends the run as an error that says so, and a person reruns it; `retry` sends a
 * new, numbered attempt within the run's budget. Nothing is ever sent again unrecorded.
 */

export type VendorCallEnv = Pick<Env, "VENDOR_CALL_MAX_ATTEMPTS" | "VENDOR_CALL_HEARTBEAT_SECONDS" | "VENDOR_CALL_STALE_SECONDS" | "VENDOR_CALL_UNKNOWN_FATE">;

/** The vendor-call settings (declared, with their defaults, in lib/config/env.ts). */
export function vendorCallEnv(source: Record<string, string | undefined> = process.env): VendorCallEnv {
  return readEnv(source);
}

/** Names this process in the attempts it sends. */
export const WORKER_NAME = `${hostname()}:${process.pid}`;

// ── heartbeat ────────────────────────────────────────────────────────────────────────────────
// One statement per interval for every call in flight in this process, none for calls shorter
// than the interval: the hot path of fast vendor answers pays nothing for it.
const inFlight = new Set<string>();
let heartbeat: NodeJS.Timeout | null = null;

function beat() {
  if (inFlight.size === 0) return;
  sqlPool()
    .query(`UPDATE "VendorCallAttempt" SET "heartbeatAt" = now() WHERE "id" = ANY($1::uuid[]) AND "outcome" = 'sending'`, [[...inFlight]])
    .catch((error: unknown) => console.error(`[vendor-call] heartbeat failed: ${error instanceof Error ? error.message : String(error)}`));
}

/** Keeps the attempt's heartbeat alive until the returned function is called. */
export function keepAlive(attemptId: string): () => void {
  inFlight.add(attemptId);
  if (!heartbeat) {
    heartbeat = setInterval(beat, vendorCallEnv().VENDOR_CALL_HEARTBEAT_SECONDS * 1000);
    heartbeat.unref();
  }
  return () => {
    inFlight.delete(attemptId);
    if (inFlight.size === 0 && heartbeat) {
      clearInterval(heartbeat);
      heartbeat = null;
    }
  };
}

/** Records a retry before it is sent; throws (nothing is sent) when the number is taken. */
export async function recordRetryAttempt(vendorRunId: string, attempt: number, job: { jobId: string; attempt: number }): Promise<string> {
  const { rows } = await sqlPool().query<{ id: string }>(
    `INSERT INTO "VendorCallAttempt" ("vendorRunId", "attempt", "jobId", "jobAttempt", "worker") VALUES ($1::uuid, $2, $3, $4, $5) RETURNING "id"`,
    [vendorRunId, attempt, job.jobId, job.attempt, WORKER_NAME],
  );
  return rows[0].id;
}

/** The outcome of each attempt as sent (the run's `attempts` JSON), written to its row. */
export interface AttemptOutcome {
  attempt: number;
  httpStatus: number | null;
  networkError: string | null;
}

/** SQL for a CTE that settles the run's `sending` attempts from $N (a JSON array of AttemptOutcome). */
export function settleAttemptsSql(runParam: string, outcomesParam: string) {
  return `UPDATE "VendorCallAttempt" a SET
      "outcome" = (CASE WHEN o."httpStatus" IS NOT NULL OR o."networkError" IS NULL THEN 'answered' ELSE 'failed' END)::"VendorCallOutcome",
      "httpStatus" = o."httpStatus", "error" = o."networkError", "finishedAt" = now()
    FROM jsonb_to_recordset(${outcomesParam}::jsonb) AS o("attempt" int, "httpStatus" int, "networkError" text)
    WHERE a."vendorRunId" = ${runParam}::uuid AND a."attempt" = o."attempt" AND a."outcome" IN ('sending', 'unknown')`;
}

/** Settles a run's attempts outside a finish (a transient failure handed to the job's retry). */
export async function settleAttempts(vendorRunId: string, outcomes: AttemptOutcome[]) {
  if (outcomes.length === 0) return;
  await sqlPool().query(settleAttemptsSql("$1", "$2"), [vendorRunId, JSON.stringify(outcomes)]);
}

/**
 * Marks attempts whose worker stopped beating as `unknown`, and returns their runs (still open)
 * for the caller to settle by the policy. Cheap when nothing is stale (a partial index scan).
 */
export async function markStaleAttemptsUnknown(staleSeconds: number): Promise<{ vendorRunId: string; vendor: string; attempt: number }[]> {
  const { rows } = await sqlPool().query<{ vendorRunId: string; vendor: string; attempt: number }>(
    `UPDATE "VendorCallAttempt" a SET "outcome" = 'unknown', "finishedAt" = now(),
       "error" = 'the worker stopped while waiting for the answer (' || a."worker" || '); whether the vendor answered is unknown'
     FROM "VendorRun" r
     WHERE a."outcome" = 'sending' AND a."heartbeatAt" < now() - make_interval(secs => $1) AND r."id" = a."vendorRunId"
     RETURNING a."vendorRunId", r."vendor"::text AS "vendor", a."attempt"`,
    [staleSeconds],
  );
  return rows;
}
