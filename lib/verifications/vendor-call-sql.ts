import type pg from "pg";
import { inSqlTransaction, sqlPool } from "@/lib/db";
import type { BlobStorage, VendorRunStatus } from "@/lib/generated/prisma/enums";
import { runtimeConfigOf, type VendorRuntimeConfig } from "@/lib/vendor-settings/vendor-configs";
import { activePolicyOf, type ActivePolicy } from "@/lib/vendor-settings/vendor-policies";
import type { CheckType, MediaRole, VendorId } from "@/lib/vendors/types";
import type { finishedRunData } from "@/lib/verifications/run-result-data";
import { settleAttemptsSql, type AttemptOutcome } from "@/lib/verifications/vendor-call-attempts";
import { named } from "@/lib/db/named-statement";

// The statements of the vendor-call job (lib/verifications/run-vendor-call-job.ts) in plain SQL:
// every vendor answer passes through them, so each step is one round trip.

export interface VendorCallMedia {
  id: string;
  role: MediaRole;
  sha256: string;
  mime: string;
  storage: BlobStorage | null;
  /** The bytes when the blob lives in PostgreSQL. */
  data: Buffer | null;
}

export interface VendorCall {
  run: { id: string; verificationId: string; vendor: VendorId; checkType: CheckType; status: VendorRunStatus; attempts: unknown };
  media: VendorCallMedia[];
  config: VendorRuntimeConfig | null;
  policy: ActivePolicy | null;
}

interface VendorCallRow {
  id: string;
  verificationId: string;
  vendor: VendorId;
  checkType: CheckType;
  status: VendorRunStatus;
  attempts: unknown;
  enabled: boolean | null;
  concurrency: number | null;
  ratePerSecond: number | null;
  baseUrl: string | null;
  credentialsEncrypted: string | null;
  timeoutMs: number | null;
  maxRetries: number | null;
  sandbox: boolean | null;
  policyId: string | null;
  policyVersion: number | null;
  policySettings: unknown;
  mediaId: string | null;
  role: MediaRole | null;
  sha256: string | null;
  mime: string | null;
  storage: BlobStorage | null;
  data: Buffer | null;
}

/** Everything a vendor call needs, in one query: the run, its media with their bytes, the vendor's settings and active policy. */
export async function readVendorCall(vendorRunId: string): Promise<VendorCall | null> {
  const { rows } = await sqlPool().query<VendorCallRow>({
    ...named(`SELECT r."id", r."verificationId", r."vendor"::text AS "vendor", r."checkType"::text AS "checkType", r."status"::text AS "status", r."attempts",
       c."enabled", c."concurrency", c."ratePerSecond", c."baseUrl", c."credentialsEncrypted", c."timeoutMs", c."maxRetries", c."sandbox",
       p."id" AS "policyId", p."version" AS "policyVersion", p."settings" AS "policySettings",
       m."id" AS "mediaId", m."role"::text AS "role", m."sha256", m."mime", b."storage"::text AS "storage", b."data"
     FROM "VendorRun" r
     LEFT JOIN "VendorConfig" c ON c."vendor" = r."vendor"
     LEFT JOIN LATERAL (
       SELECT "id", "version", "settings" FROM "VendorPolicy"
       WHERE "vendor" = r."vendor" AND "checkType" = r."checkType" AND "active"
       ORDER BY "version" DESC LIMIT 1
     ) p ON true
     LEFT JOIN "Media" m ON m."verificationId" = r."verificationId"
     LEFT JOIN "Blob" b ON b."sha256" = m."sha256"
     WHERE r."id" = $1::uuid
     ORDER BY m."role"`),
    values: [vendorRunId],
  });
  const first = rows[0];
  if (!first) return null;
  const { vendor, checkType } = first;
  const config =
    first.enabled !== null && first.baseUrl !== null
      ? runtimeConfigOf({
          vendor,
          enabled: first.enabled,
          concurrency: first.concurrency ?? 1,
          ratePerSecond: first.ratePerSecond,
          baseUrl: first.baseUrl,
          credentialsEncrypted: first.credentialsEncrypted,
          timeoutMs: first.timeoutMs ?? 30_000,
          maxRetries: first.maxRetries ?? 0,
          sandbox: first.sandbox ?? false,
        })
      : null;
  const policyRow = first.policyId !== null && first.policyVersion !== null ? { id: first.policyId, version: first.policyVersion, settings: first.policySettings } : null;
  return {
    run: { id: first.id, verificationId: first.verificationId, vendor, checkType, status: first.status, attempts: first.attempts },
    media: rows.flatMap((r) =>
      r.mediaId && r.role && r.sha256 && r.mime ? [{ id: r.mediaId, role: r.role, sha256: r.sha256, mime: r.mime, storage: r.storage, data: r.data }] : [],
    ),
    config,
    policy: activePolicyOf(vendor, checkType, policyRow),
  };
}

export interface ClaimJob {
  jobId: string;
  attempt: number;
  worker: string;
}

export type Claim =
  | { claimed: true; attemptId: string; attempt: number }
  // Not claimed: the run is finished, another worker's call is alive, an earlier call's fate is
  // unknown (and the policy says not to resend), or the run's budget of attempts is used up.
  | { claimed: false; finished: boolean; live: number; unknown: number; attempts: number };

/**
 * Marks the run running and its verification too (if still queued), and records the call's first
 * HTTP attempt before anything is sent — one statement. Earlier attempts of the run decide whether
 * this one may go: none may still be in flight (a heartbeat younger than `staleSeconds`; older
 * ones are marked `unknown` here), an `unknown` one blocks unless `retryUnknown`, and the attempt
 * numbers share one budget (`maxAttempts`). A race for the same attempt number fails on the
 * unique index, so two workers never both send it.
 */
export async function claimVendorRun(
  vendorRunId: string,
  job: ClaimJob,
  rules: { maxAttempts: number; staleSeconds: number; retryUnknown: boolean },
): Promise<Claim> {
  const { rows } = await sqlPool().query<{ attemptId: string | null; attempt: number | null; open: boolean; n: number; live: number; unknown: number }>({
    ...named(`WITH stale AS (
       UPDATE "VendorCallAttempt" SET "outcome" = 'unknown', "finishedAt" = now(),
         "error" = 'the worker stopped while waiting for the answer (' || "worker" || '); whether the vendor answered is unknown'
       WHERE "vendorRunId" = $1::uuid AND "outcome" = 'sending' AND "heartbeatAt" < now() - make_interval(secs => $5)
       RETURNING 1
     ), prior AS (
       SELECT count(*)::int AS n,
         count(*) FILTER (WHERE "outcome" = 'sending' AND "heartbeatAt" >= now() - make_interval(secs => $5))::int AS live,
         count(*) FILTER (WHERE "outcome" = 'unknown' OR ("outcome" = 'sending' AND "heartbeatAt" < now() - make_interval(secs => $5)))::int AS unknown
       FROM "VendorCallAttempt" WHERE "vendorRunId" = $1::uuid
     ), run AS (
       SELECT "status" IN ('queued', 'running') AS open FROM "VendorRun" WHERE "id" = $1::uuid
     ), claimed AS (
       UPDATE "VendorRun" SET "status" = 'running', "startedAt" = coalesce("startedAt", now())
       WHERE "id" = $1::uuid AND "status" IN ('queued', 'running')
         AND (SELECT live FROM prior) = 0 AND ((SELECT unknown FROM prior) = 0 OR $6::boolean) AND (SELECT n FROM prior) < $7
       RETURNING "verificationId"
     ), started AS (
       UPDATE "Verification" SET "status" = 'running', "updatedAt" = now()
       WHERE "id" = (SELECT "verificationId" FROM claimed) AND "status" = 'queued'
     ), sent AS (
       INSERT INTO "VendorCallAttempt" ("vendorRunId", "attempt", "jobId", "jobAttempt", "worker")
       SELECT $1::uuid, (SELECT n FROM prior) + 1, $2, $3, $4 FROM claimed
       RETURNING "id", "attempt"
     )
     SELECT (SELECT "id" FROM sent) AS "attemptId", (SELECT "attempt" FROM sent) AS "attempt",
       coalesce((SELECT open FROM run), false) AS open, p.n, p.live, p.unknown
     FROM prior p`),
    values: [vendorRunId, job.jobId, job.attempt, job.worker, rules.staleSeconds, rules.retryUnknown, rules.maxAttempts],
  });
  const row = rows[0];
  if (row.attemptId && row.attempt !== null) return { claimed: true, attemptId: row.attemptId, attempt: row.attempt };
  return { claimed: false, finished: !row.open, live: row.live, unknown: row.unknown, attempts: row.n };
}

/** A JSON column's parameter: SQL NULL for null, else the JSON text. */
function jsonParam(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}

export type Settled = "open" | "finished" | "missing";

// Under the verification's row lock, so two runs finishing at once (or a rerun being added) are
// seen in order: the last one to finish sees every answer and finishes the verification.
// `completed` when at least one vendor answered, `failed` when every run ended in an error.
async function settleLocked(client: pg.PoolClient, verificationId: string): Promise<Settled> {
  const { rows } = await client.query<{ open: boolean }>({
    ...named(`WITH s AS (
       SELECT coalesce(bool_or("status" IN ('queued', 'running')), false) AS "open", coalesce(bool_or("status" = 'completed'), false) AS "answered"
       FROM "VendorRun" WHERE "verificationId" = $1::uuid
     )
     UPDATE "Verification" v SET
       "status" = (CASE WHEN s."open" THEN 'running' WHEN s."answered" THEN 'completed' ELSE 'failed' END)::"VerificationStatus",
       "completedAt" = CASE WHEN s."open" THEN NULL ELSE now() END,
       "updatedAt" = now()
     FROM s
     WHERE v."id" = $1::uuid AND (NOT s."open" OR v."status" IN ('queued', 'completed', 'failed'))
     RETURNING s."open"`),
    values: [verificationId],
  });
  const row = rows[0];
  // No row: still open and already running (nothing to change), or no such verification.
  return row ? (row.open ? "open" : "finished") : "open";
}

/** Re-derives a verification's status from its runs (e.g. after runs were cancelled). */
export async function settleVerificationStatus(verificationId: string): Promise<Settled> {
  return inSqlTransaction(async (client) => {
    const locked = await client.query({ ...named(`SELECT 1 FROM "Verification" WHERE "id" = $1::uuid FOR UPDATE`), values: [verificationId] });
    if (locked.rowCount === 0) return "missing";
    return settleLocked(client, verificationId);
  });
}

/**
 * Records a run's final answer if the run is still running (another attempt may have won), then
 * settles its verification, in one transaction. `null` when the answer was not recorded.
 */
export async function finishVendorRun(
  run: { id: string; verificationId: string },
  data: ReturnType<typeof finishedRunData>,
  callAttempts: AttemptOutcome[] = [],
  /** More writes that belong with the answer (the engine's faces), on the same transaction once the run is recorded. */
  alsoWrite?: (client: pg.PoolClient) => Promise<void>,
  /** A run ended without a call (endRunUnsent) may never have been claimed: then it is still queued. */
  fromStatuses: VendorRunStatus[] = ["running"],
): Promise<Settled | null> {
  return inSqlTransaction(async (client) => {
    const finished = await client.query({
      ...named(`WITH locked AS (SELECT 1 FROM "Verification" WHERE "id" = $2::uuid FOR UPDATE),
       settled AS (${settleAttemptsSql("$1", "$16")})
       UPDATE "VendorRun" SET "status" = $3::"VendorRunStatus", "outcome" = $4::"Outcome", "vendorVerdict" = $5, "livenessScore" = $6, "matchSimilarity" = $7,
         "httpStatus" = $8, "latencyMs" = $9, "normalized" = $10::jsonb, "raw" = $11::jsonb, "attempts" = $12::jsonb, "policyId" = $13::uuid, "finishedAt" = $14,
         "sandbox" = $15
       WHERE "id" = $1::uuid AND "status" = ANY($17::"VendorRunStatus"[]) AND EXISTS (SELECT 1 FROM locked)`), values: [
        run.id, run.verificationId, data.status, data.outcome, data.vendorVerdict, data.livenessScore, data.matchSimilarity, data.httpStatus, data.latencyMs,
        jsonParam(data.normalized), jsonParam(data.raw), jsonParam(data.attempts), data.policyId, data.finishedAt,
        data.sandbox, JSON.stringify(callAttempts), fromStatuses,
      ] });
    if (finished.rowCount === 0) return null;
    if (alsoWrite) await alsoWrite(client);
    return settleLocked(client, run.verificationId);
  });
}
