import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { JobContext } from "@/lib/jobs/handlers";
import { RetryableJobError } from "@/lib/jobs/job-errors";
import type { VendorCallPayload } from "@/lib/jobs/queues";
import { readBlobBytes } from "@/lib/media/blob-store";
import { IMAGE_TYPES, VIDEO_TYPES, isImageMime, isVideoMime } from "@/lib/media/media-types";
import { runCheck } from "@/lib/vendors/run-check";
import type { MediaInput, NormalizedResult } from "@/lib/vendors/types";
import { onVerificationFinished } from "@/lib/verifications/on-verification-finished";
import { answeredBySandbox, finishedRunData, toJson } from "@/lib/verifications/run-result-data";
import { claimVendorRun, finishVendorRun, readVendorCall } from "@/lib/verifications/vendor-call-sql";

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

/**
 * The `vendor-call.<vendor>` job: calls the vendor for one queued run and records its answer.
 * Idempotent (see lib/jobs/handlers.ts): a run already finished is left alone, and the final
 * write is conditional on the run still being open.
 */
export async function runVendorCallJob(payload: VendorCallPayload, job: JobContext): Promise<void> {
  const call = await readVendorCall(payload.vendorRunId);
  if (!call) return;
  const { run, config, policy } = call;
  if (run.status === "completed" || run.status === "failed" || run.status === "cancelled") return;
  if (!(await claimVendorRun(run.id))) return;

  const media: MediaInput[] = [];
  for (const item of call.media) {
    const bytes = item.data ?? (await readBlobBytes(item.sha256))?.bytes;
    if (!bytes) throw new Error(`media ${item.id} has no stored bytes (${item.sha256})`);
    media.push({ role: item.role, bytes: Buffer.from(bytes), mime: item.mime, filename: `${item.role}.${extensionOfMime(item.mime)}` });
  }

  const called = config !== null && config.enabled;
  const result: NormalizedResult =
    called
      ? await runCheck({ vendor: run.vendor, checkType: run.checkType, media, config: config.call, policy: policy?.policy })
      : {
          vendor: run.vendor, checkType: run.checkType, outcome: "error", vendorVerdict: {}, warnings: [], latencyMs: 0, httpStatus: null, attempts: [], raw: null,
          reasons: [{ code: "vendor_disabled", message: `${run.vendor} is not enabled; an admin configures it under Admin → Vendors.`, vendorCode: null, severity: "error", category: "vendor" }],
        };

  // Every attempt across job retries is kept: earlier ones are in the run's attempts already.
  const earlierAttempts = Array.isArray(run.attempts) ? (run.attempts as Prisma.JsonArray) : [];
  const attempts = toJson([...earlierAttempts, ...result.attempts.map((a) => ({ ...a, job: job.attempt }))]);

  if (isTransient(result) && !job.isLastAttempt) {
    await db.vendorRun.updateMany({ where: { id: run.id, status: "running" }, data: { attempts, httpStatus: result.httpStatus, latencyMs: Math.round(result.latencyMs) } });
    throw new RetryableJobError(`${run.vendor}: ${result.reasons.map((r) => r.message).join("; ")}`);
  }

  // Recorded at call time from the config the call was sent with, not later from today's settings.
  const sandbox = answeredBySandbox(called && config.sandbox, result.attempts);
  const settled = await finishVendorRun(run, finishedRunData(result, policy?.policyId ?? null, attempts, sandbox));
  if (settled === "finished") await onVerificationFinished(run.verificationId);
}
