import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { JobContext } from "@/lib/jobs/handlers";
import { RetryableJobError } from "@/lib/jobs/job-errors";
import type { VendorCallPayload } from "@/lib/jobs/queues";
import { readStoredBlobBytes } from "@/lib/media/blob-store";
import { IMAGE_TYPES, VIDEO_TYPES, isImageMime, isVideoMime } from "@/lib/media/media-types";
import { runCheck } from "@/lib/vendors/run-check";
import type { CheckType, MediaInput, NormalizedResult } from "@/lib/vendors/types";
import { onVerificationFinished } from "@/lib/verifications/on-verification-finished";
import { answeredBySandbox, finishedRunData, toJson } from "@/lib/verifications/run-result-data";
import { buildErrorResult } from "@/lib/vendors/normalize-response";
import { keepAlive, recordRetryAttempt, settleAttempts, vendorCallEnv, WORKER_NAME, type AttemptOutcome } from "@/lib/verifications/vendor-call-attempts";
import { claimVendorRun, finishVendorRun, readVendorCall, type VendorCall, type VendorCallMedia } from "@/lib/verifications/vendor-call-sql";
import { ENGINE_MODEL_VERSION } from "@/lib/face-engine/engine-version";
import type { Policy } from "@/lib/policy/policy-schemas";
import type pg from "pg";
import { releaseGatedRuns } from "@/lib/quality-gate/release-gated-runs";
import { matchesFaceBlocklist } from "@/lib/face-search/face-blocklist";
import { flagVerification } from "@/lib/review/flag-verification";

// Vendors see the role and the sniffed type as the file name, never what the client called it.
function extensionOfMime(mime: string): string {
  if (isImageMime(mime)) return IMAGE_TYPES[mime];
  if (isVideoMime(mime)) return VIDEO_TYPES[mime];
  return "bin";
}

// Our own transient failures (network, timeout, vendor 5xx after the adapter's retries) are
// retried by the queue with backoff; anything the vendor decided is final.
function isTransient(result: NormalizedResult) {
  return result.outcome === "error" && result.reasons.length > 0 && result.reasons.every((r) => r.category === "transient");
}

async function runLocalEngine(checkType: CheckType, media: MediaInput[], policy: Policy | undefined, stored: VendorCallMedia[]) {
  // Loaded on demand: only workers that work the engine's queue load its models.
  const { runLocalCheck } = await import("@/lib/vendors/local/run-local-check");
  const { replaceMediaFaces, findStoredReadings } = await import("@/lib/face-engine/media-faces");
  // A picture the engine already read (same bytes, same models) is not analysed again.
  const images = stored.filter((m) => isImageMime(m.mime));
  const byHash = await findStoredReadings(db, images, ENGINE_MODEL_VERSION);
  const readings = new Map(images.flatMap((m) => (byHash.has(m.sha256) ? [[m.role, byHash.get(m.sha256)!] as const] : [])));
  const { result, analysed } = await runLocalCheck({ checkType, media, policy, stored: readings });
  const items = analysed.flatMap((a) => {
    const mediaId = stored.find((m) => m.role === a.role)?.id;
    return mediaId ? [{ mediaId, frameMs: a.frameMs, faces: a.faces, modelVersion: ENGINE_MODEL_VERSION }] : [];
  });
  return { result, storeFaces: (client: pg.PoolClient) => replaceMediaFaces(client, items) };
}

/** The run's answer when no call may be sent: an earlier call's fate is unknown, or the budget is spent. */
function notSentResult(call: VendorCall, reason: { code: string; message: string }): NormalizedResult {
  return buildErrorResult(call.run.vendor, call.run.checkType, { reasons: [{ ...reason, vendorCode: null, severity: "error", category: "transient" }] });
}

/**
 * The verification's follow-up once its answers are stored. A failure here (a database timeout
 * under load) is retried by the queue: the answer is kept, and the redelivered job does only this.
 */
async function followUp(verificationId: string) {
  try {
    await onVerificationFinished(verificationId);
  } catch (error) {
    throw new RetryableJobError(`the answer is stored; flagging and webhooks failed and will be retried: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/** Ends a run that will not be called again, and settles its verification. */
export async function endRunUnsent(call: VendorCall, reason: { code: string; message: string }) {
  const earlier = Array.isArray(call.run.attempts) ? (call.run.attempts as Prisma.JsonArray) : [];
  const settled = await finishVendorRun(call.run, finishedRunData(notSentResult(call, reason), call.policy?.policyId ?? null, toJson(earlier), false), [], undefined, [
    "queued",
    "running",
  ]);
  // A failed follow-up is retried (a job's retry, or the redelivery of a dead worker's job).
  if (settled === "finished") await followUp(call.run.verificationId);
}

export const UNKNOWN_FATE_REASON = {
  code: "vendor_call_unknown",
  message:
    "A worker stopped while waiting for the vendor's answer: whether the vendor answered (and billed the call) is unknown. It was not sent again automatically (VENDOR_CALL_UNKNOWN_FATE=fail); rerun to call the vendor again.",
};

/**
 * The `vendor-call.<vendor>` job: calls the vendor for one queued run and records its answer.
 * Idempotent (see lib/jobs/handlers.ts): a run already finished is left alone, and the final
 * write is conditional on the run still being open. Every HTTP attempt is recorded before it is
 * sent and kept alive by a heartbeat (lib/verifications/vendor-call-attempts.ts); the run has one
 * budget of attempts across its job attempts.
 */
export async function runVendorCallJob(payload: VendorCallPayload, job: JobContext): Promise<void> {
  const call = await readVendorCall(payload.vendorRunId);
  if (!call) return;
  const { run, config, policy } = call;
  if (run.status === "completed" || run.status === "failed" || run.status === "cancelled") {
    // Redelivered after the answer was stored: what follows it (review flagging, webhooks) may not
    // have happened — the worker died, or its transaction failed. It is idempotent: do it again.
    const verification = await db.verification.findUnique({ where: { id: run.verificationId }, select: { status: true } });
    if (verification?.status === "completed" || verification?.status === "failed") await followUp(run.verificationId);
    return;
  }
  const env = vendorCallEnv();
  const claim = await claimVendorRun(run.id, { jobId: job.jobId, attempt: job.attempt, worker: WORKER_NAME }, {
    maxAttempts: env.VENDOR_CALL_MAX_ATTEMPTS,
    staleSeconds: env.VENDOR_CALL_STALE_SECONDS,
    retryUnknown: env.VENDOR_CALL_UNKNOWN_FATE === "retry",
  });
  if (!claim.claimed) {
    // Finished, or another worker's call is alive (it will answer): nothing to do.
    if (claim.finished || claim.live > 0) return;
    if (claim.unknown > 0 && env.VENDOR_CALL_UNKNOWN_FATE === "fail") return endRunUnsent(call, UNKNOWN_FATE_REASON);
    return endRunUnsent(call, {
      code: "attempts_exhausted",
      message: `All ${env.VENDOR_CALL_MAX_ATTEMPTS} attempts of this run were used (VENDOR_CALL_MAX_ATTEMPTS); rerun to call the vendor again.`,
    });
  }

  // Run-level attempt numbers: the claim recorded the first; each retry is recorded before it is sent.
  let current = claim.attempt;
  const firstOfJob = claim.attempt;
  let stopBeating = keepAlive(claim.attemptId);
  try {
    const media: MediaInput[] = [];
    try {
      for (const item of call.media) {
        if (!item.storage) throw new Error(`media ${item.id} has no stored bytes (${item.sha256})`);
        const bytes = await readStoredBlobBytes({ sha256: item.sha256, storage: item.storage, data: item.data });
        media.push({ role: item.role, bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), mime: item.mime, filename: `${item.role}.${extensionOfMime(item.mime)}` });
      }
    } catch (error) {
      // Nothing was sent: the recorded attempt says so rather than turning `unknown` later.
      await settleAttempts(run.id, [{ attempt: current, httpStatus: null, networkError: `not sent: ${error instanceof Error ? error.message : String(error)}` }]);
      throw error;
    }

    const called = config !== null && config.enabled;
    // Verdict's own engine runs here, in the worker; its faces are stored with its answer.
    const local = called && run.vendor === "local" ? await runLocalEngine(run.checkType, media, policy?.policy, call.media) : null;
    const result: NormalizedResult = local
      ? local.result
      : called
        ? await runCheck({
            vendor: run.vendor, checkType: run.checkType, media, config: config.call, policy: policy?.policy,
            attemptControl: {
              maxRetries: env.VENDOR_CALL_MAX_ATTEMPTS - claim.attempt,
              beforeRetry: async (localAttempt) => {
                const attemptId = await recordRetryAttempt(run.id, firstOfJob + localAttempt - 1, { jobId: job.jobId, attempt: job.attempt });
                stopBeating();
                stopBeating = keepAlive(attemptId);
                current = firstOfJob + localAttempt - 1;
              },
            },
          })
        : {
            vendor: run.vendor, checkType: run.checkType, outcome: "error", vendorVerdict: {}, warnings: [], latencyMs: 0, httpStatus: null, attempts: [], raw: null,
            reasons: [{ code: "vendor_disabled", message: `${run.vendor} is not enabled; an admin configures it under Admin → Vendors.`, vendorCode: null, severity: "error", category: "vendor" }],
          };

    // Every attempt across job retries is kept: earlier ones are in the run's attempts already.
    const earlierAttempts = Array.isArray(run.attempts) ? (run.attempts as Prisma.JsonArray) : [];
    const attempts = toJson([...earlierAttempts, ...result.attempts.map((a) => ({ ...a, job: job.attempt, runAttempt: firstOfJob + a.attempt - 1 }))]);
    const outcomes: AttemptOutcome[] = result.attempts.map((a) => ({ attempt: firstOfJob + a.attempt - 1, httpStatus: a.httpStatus, networkError: a.networkError }));
    // The engine answers in-process, with no HTTP: its one attempt is answered. Otherwise an attempt
    // recorded but never sent (the adapter failed first): no answer, said so.
    if (outcomes.length === 0) outcomes.push({ attempt: current, httpStatus: null, networkError: local ? null : (result.reasons[0]?.message ?? "not sent") });

    const budgetLeft = env.VENDOR_CALL_MAX_ATTEMPTS - current;
    if (isTransient(result) && !job.isLastAttempt && budgetLeft > 0) {
      await settleAttempts(run.id, outcomes);
      await db.vendorRun.updateMany({ where: { id: run.id, status: "running" }, data: { attempts, httpStatus: result.httpStatus, latencyMs: Math.round(result.latencyMs) } });
      throw new RetryableJobError(`${run.vendor}: ${result.reasons.map((r) => r.message).join("; ")}`);
    }

    // Recorded at call time from the config the call was sent with, not later from today's settings.
    const sandbox = answeredBySandbox(called && config.sandbox, result.attempts);
    // The engine's answer brings its faces, and releases (or skips) the paid runs a quality gate holds.
    const alsoWrite =
      run.vendor === "local"
        ? async (client: pg.PoolClient) => {
            if (local) await local.storeFaces(client);
            await releaseGatedRuns(client, run.verificationId, result);
          }
        : undefined;
    const settled = await finishVendorRun(run, finishedRunData(result, policy?.policyId ?? null, attempts, sandbox), outcomes, alsoWrite);
    if (settled === "finished") await followUp(run.verificationId);
    // A blocked face opens its case at once, without waiting for the paid vendors' answers.
    else if (run.vendor === "local" && (await matchesFaceBlocklist(run.verificationId))) await flagVerification(run.verificationId);
  } catch (error) {
    // A failure the queue will not retry goes to the dead letters: the run must not stay open
    // forever behind it, so it ends now, saying why (best effort: the database may be the cause).
    if (!(error instanceof RetryableJobError)) {
      const message = error instanceof Error ? error.message : String(error);
      await endRunUnsent(call, { code: "worker_failure", message: `The vendor-call job failed and will not be retried: ${message}` }).catch(() => undefined);
    }
    throw error;
  } finally {
    stopBeating();
  }
}
