import pg from "pg";
import { auditActorColumns, type Actor } from "@/lib/audit/record-audit-event";
import { db, inSqlTransaction } from "@/lib/db";
import { ValidationError } from "@/lib/errors";
import type { VerificationSource } from "@/lib/generated/prisma/client";
import { enqueueJobs, jobFor } from "@/lib/jobs/enqueue-job";
import { JOB_QUEUES, vendorCallQueue } from "@/lib/jobs/queues";
import { configuredBlobBackend, stageBlob } from "@/lib/media/blob-store";
import { DEFAULT_QUALITY_GATE, gateApplies } from "@/lib/quality-gate/quality-gate-settings";
import { findCheckSpec } from "@/lib/vendors/vendor-registry";
import { normalizeVendorResponse } from "@/lib/vendors/normalize-response";
import { checkIncomingFiles } from "@/lib/verifications/check-incoming-files";
import { insertVerificationRows, readVendorSetup, type CreationSetup, type RunRow, type VendorSetup } from "@/lib/verifications/create-verification-sql";
import { onVerificationFinished } from "@/lib/verifications/on-verification-finished";
import { finishedRunData } from "@/lib/verifications/run-result-data";
import type { IncomingFile, VerificationRequest } from "@/lib/verifications/verification-input";
import type { VerificationForJson } from "@/lib/verifications/verification-json";

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
  /** The rows as written, for the answer (verificationJsonOf) without reading them back; null when nothing was created. */
  written: VerificationForJson | null;
}

/** The gate applies when it is on for this check type and source, a paid vendor is asked, and the engine serves the check type and is enabled. */
function wantsQualityGate(request: VerificationRequest, source: VerificationSource, setup: CreationSetup): boolean {
  if (!request.vendors.some((v) => v !== "local") || !findCheckSpec("local", request.checkType)) return false;
  const engine = setup.vendors.find((s) => s.vendor === "local");
  return engine?.enabled === true && gateApplies(setup.qualityGate ?? DEFAULT_QUALITY_GATE, source);
}

function assertVendorsEnabled(setup: VendorSetup[]) {
  const off = setup.filter((s) => !s.enabled).map((s) => s.vendor);
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

function isUniqueViolation(error: unknown): boolean {
  return error instanceof pg.DatabaseError && error.code === "23505";
}

// Checks the request and its files, then writes the verification, its media, one queued run per
// vendor and their jobs in ONE transaction: a failure anywhere leaves nothing behind. (With S3,
// the objects are uploaded first; content-addressed, an orphan is harmless and reused.)
export async function createVerification(actor: Actor, input: CreateVerificationInput): Promise<CreatedVerification> {
  const earlier = await findByIdempotencyKey(input.apiKeyId, input.idempotencyKey);
  if (earlier) return { id: earlier.id, created: false, warnings: [], written: null };

  // One query: the vendors asked for, the engine ("check quality first" may add it) and the gate's setting.
  const asked = input.request.vendors;
  const mayAddEngine = !input.ingested && !asked.includes("local") && findCheckSpec("local", input.request.checkType) !== null;
  const read = await readVendorSetup(mayAddEngine ? [...asked, "local"] : asked, input.request.checkType);
  const gate = input.ingested ? false : wantsQualityGate(input.request, input.source, read);
  // "Check quality first": the engine reads the media before any paid vendor is called.
  const request: VerificationRequest = gate && !asked.includes("local") ? { ...input.request, vendors: [...asked, "local"] } : input.request;
  const setup = read.vendors.filter((s) => request.vendors.includes(s.vendor));
  if (!input.ingested) assertVendorsEnabled(setup);
  const { files, warnings } = await checkIncomingFiles(request, input.files, { enforceVendorLimits: !input.ingested });
  const backend = configuredBlobBackend();
  const staged = await Promise.all(files.map((f) => stageBlob({ bytes: f.bytes, mime: f.facts.mime }, backend)));

  const runs: RunRow[] = setup.map(({ vendor, policy }) => {
    const base = { vendor, checkType: request.checkType, policyId: policy?.policyId ?? null, requestedById: input.createdById ?? null };
    if (!input.ingested) return { ...base, status: "queued" };
    const result = normalizeVendorResponse({ vendor, checkType: request.checkType, ...input.ingested, policy: policy?.policy });
    // An ingested answer came from the client's own call: never a built-in sandbox's.
    const run = finishedRunData(result, policy?.policyId ?? null, [], false);
    return { ...base, ...run, startedAt: run.finishedAt };
  });
  // An ingested answer is the whole story: the verification is finished as it is stored.
  const finished = input.ingested ? runs[0] : undefined;
  const distinctBlobs = [...new Map(staged.map((b) => [b.sha256, b])).values()];

  try {
    const { id, written } = await inSqlTransaction(async (client) => {
      const created = await insertVerificationRows(client, {
        verification: {
          checkType: request.checkType,
          reference: request.reference,
          note: request.note,
          manualReview: request.manualReview,
          source: input.source,
          createdById: input.createdById ?? null,
          apiKeyId: input.apiKeyId ?? null,
          idempotencyKey: input.idempotencyKey ?? null,
          status: finished ? (finished.status === "completed" ? "completed" : "failed") : "queued",
          completedAt: finished?.finishedAt ?? null,
          qualityGate: gate,
        },
        blobs: distinctBlobs.map((b) => ({ sha256: b.sha256, size: b.size, mime: b.mime, storage: b.storage, data: b.storage === "postgres" ? b.bytes : null })),
        media: files.map((file) => ({
          role: file.role,
          sha256: file.facts.sha256,
          mime: file.facts.mime,
          size: file.facts.size,
          width: file.facts.width,
          height: file.facts.height,
          durationMs: file.facts.durationMs,
          fps: file.facts.fps,
          originalFilename: file.originalFilename.slice(0, 255),
        })),
        runs,
        audit: {
          ...auditActorColumns(actor),
          action: "verification.created",
          targetType: "verification",
          after: {
            checkType: request.checkType,
            vendors: request.vendors,
            reference: request.reference,
            source: input.source,
            media: files.map((f) => ({ role: f.role, sha256: f.facts.sha256, mime: f.facts.mime, size: f.facts.size })),
          },
        },
      });
      // With the gate on, only the engine starts; the paid runs wait for its reading (lib/quality-gate).
      const vendorCalls = input.ingested
        ? []
        : created.runIds.flatMap((vendorRunId, i) => (gate && request.vendors[i] !== "local" ? [] : [jobFor(vendorCallQueue(request.vendors[i]), { vendorRunId })]));
      const thumbnails = distinctBlobs.map((b) => jobFor(JOB_QUEUES.thumbnails, { sha256: b.sha256 }));
      await enqueueJobs(client, [...vendorCalls, ...thumbnails]);
      return created;
    });
    if (input.ingested) await onVerificationFinished(id);
    return { id, created: true, warnings, written };
  } catch (error) {
    // Two retries of one request racing: the loser answers with the winner's verification.
    if (isUniqueViolation(error)) {
      const winner = await findByIdempotencyKey(input.apiKeyId, input.idempotencyKey);
      if (winner) return { id: winner.id, created: false, warnings: [], written: null };
    }
    throw error;
  }
}
