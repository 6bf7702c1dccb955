import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { ValidationError } from "@/lib/errors";
import { Prisma, type VerificationSource } from "@/lib/generated/prisma/client";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { JOB_QUEUES, vendorCallQueue } from "@/lib/jobs/queues";
import { putBlob, stageBlob } from "@/lib/media/blob-store";
import { getActivePolicy } from "@/lib/vendor-settings/vendor-policies";
import { normalizeVendorResponse } from "@/lib/vendors/normalize-response";
import { checkIncomingFiles } from "@/lib/verifications/check-incoming-files";
import { onVerificationFinished } from "@/lib/verifications/on-verification-finished";
import { finishedRunData, toJson } from "@/lib/verifications/run-result-data";
import type { IncomingFile, VerificationRequest } from "@/lib/verifications/verification-input";

/** A vendor answer the client already got (POST /api/v1/verifications/ingest). */
export interface IngestedAnswer {
  httpStatus: number;
  /** The vendor's body exactly as received. */
  body: string;
  contentType?: string | null;
}

export interface CreateVerificationInput {
  request: VerificationRequest;
  /** Instead of calling the vendor (request.vendors has exactly one), record its answer. */
  ingested?: IngestedAnswer;
  files: IncomingFile[];
  source: VerificationSource;
  createdById?: string | null;
  apiKeyId?: string | null;
  idempotencyKey?: string | null;
}

export interface CreatedVerification {
  id: string;
  /** False when an Idempotency-Key matched an earlier request: nothing new was created. */
  created: boolean;
  warnings: string[];
}

async function assertVendorsEnabled(request: VerificationRequest) {
  const configs = await db.vendorConfig.findMany({ where: { vendor: { in: request.vendors } } });
  const off = request.vendors.filter((v) => !configs.find((c) => c.vendor === v)?.enabled);
  if (off.length) {
    throw new ValidationError(`Not configured: ${off.join(", ")}.`, {
      vendors: off.map((v) => `${v} is not enabled; an admin configures it under Admin → Vendors.`),
    });
  }
}

async function findByIdempotencyKey(apiKeyId: string | null | undefined, key: string | null | undefined) {
  if (!apiKeyId || !key) return null;
  return db.verification.findUnique({ where: { apiKeyId_idempotencyKey: { apiKeyId, idempotencyKey: key } }, select: { id: true } });
}

// Checks the request and its files, then writes the verification, its media, one queued run per
// vendor and their jobs in ONE transaction: a failure anywhere leaves nothing behind. (With S3,
// the objects are uploaded first; content-addressed, an orphan is harmless and reused.)
export async function createVerification(actor: Actor, input: CreateVerificationInput): Promise<CreatedVerification> {
  const earlier = await findByIdempotencyKey(input.apiKeyId, input.idempotencyKey);
  if (earlier) return { id: earlier.id, created: false, warnings: [] };

  if (!input.ingested) await assertVendorsEnabled(input.request);
  const { files, warnings } = await checkIncomingFiles(input.request, input.files, { enforceVendorLimits: !input.ingested });
  const staged = await Promise.all(files.map((f) => stageBlob({ bytes: f.bytes, mime: f.facts.mime })));
  const policies = await Promise.all(input.request.vendors.map((v) => getActivePolicy(v, input.request.checkType)));

  try {
    const id = await db.$transaction(
      async (tx) => {
        const verification = await tx.verification.create({
          data: {
            checkType: input.request.checkType,
            reference: input.request.reference,
            note: input.request.note,
            manualReview: input.request.manualReview,
            source: input.source,
            createdById: input.createdById ?? null,
            apiKeyId: input.apiKeyId ?? null,
            idempotencyKey: input.idempotencyKey ?? null,
          },
        });
        for (const [i, file] of files.entries()) {
          await putBlob(tx, staged[i]!);
          await tx.media.create({
            data: {
              verificationId: verification.id,
              role: file.role,
              sha256: file.facts.sha256,
              mime: file.facts.mime,
              size: file.facts.size,
              width: file.facts.width,
              height: file.facts.height,
              durationMs: file.facts.durationMs,
              fps: file.facts.fps,
              originalFilename: file.originalFilename.slice(0, 255),
            },
          });
        }
        for (const [i, vendor] of input.request.vendors.entries()) {
          const base = { verificationId: verification.id, vendor, checkType: input.request.checkType, policyId: policies[i]?.policyId ?? null, requestedById: input.createdById ?? null };
          if (input.ingested) {
            const result = normalizeVendorResponse({ vendor, checkType: input.request.checkType, ...input.ingested, policy: policies[i]?.policy });
            const run = finishedRunData(result, policies[i]?.policyId ?? null, toJson([]));
            await tx.vendorRun.create({ data: { ...base, ...run, startedAt: run.finishedAt } });
            await tx.verification.update({ where: { id: verification.id }, data: { status: run.status === "completed" ? "completed" : "failed", completedAt: run.finishedAt } });
            continue;
          }
          const run = await tx.vendorRun.create({ data: base });
          await enqueueJob(tx, vendorCallQueue(vendor), { vendorRunId: run.id });
        }
        for (const sha256 of new Set(files.map((f) => f.facts.sha256))) {
          await enqueueJob(tx, JOB_QUEUES.thumbnails, { sha256 });
        }
        await recordAuditEvent(tx, actor, {
          action: "verification.created",
          targetType: "verification",
          targetId: verification.id,
          after: {
            checkType: input.request.checkType,
            vendors: input.request.vendors,
            reference: input.request.reference,
            source: input.source,
            media: files.map((f) => ({ role: f.role, sha256: f.facts.sha256, mime: f.facts.mime, size: f.facts.size })),
          },
        });
        return verification.id;
      },
      // Large videos are written inside the transaction; allow for it.
      { timeout: 60_000, maxWait: 10_000 },
    );
    if (input.ingested) await onVerificationFinished(id);
    return { id, created: true, warnings };
  } catch (error) {
    // Two retries of one request racing: the loser answers with the winner's verification.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const winner = await findByIdempotencyKey(input.apiKeyId, input.idempotencyKey);
      if (winner) return { id: winner.id, created: false, warnings: [] };
    }
    throw error;
  }
}
