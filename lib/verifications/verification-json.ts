import { mediaTombstoneJson } from "@/lib/data-protection/media-tombstone";
import { db } from "@/lib/db";
import { describeQualityGate } from "@/lib/quality-gate/describe-gate";
import { hasMainThumbnail } from "@/lib/verifications/progress-signature";
import type { Media, VendorCallAttempt, VendorRun, Verification } from "@/lib/generated/prisma/client";
import { describeWaitingFor } from "@/lib/verifications/describe-waiting-for";
import type { runAttemptSchema, VerificationJson } from "@/lib/api/schemas/verification-schemas";
import type { NormalizedResult } from "@/lib/vendors/types";
import type { z } from "zod";

/** A verification's address in the API (create, list and detail answer the same one). */
export function verificationApiUrl(id: string) {
  return `/api/v1/verifications/${id}`;
}

export function callAttemptJson(a: Pick<VendorCallAttempt, "attempt" | "outcome" | "sentAt" | "finishedAt" | "httpStatus" | "error">) {
  return { attempt: a.attempt, outcome: a.outcome, sentAt: a.sentAt.toISOString(), finishedAt: a.finishedAt?.toISOString() ?? null, httpStatus: a.httpStatus, error: a.error };
}

/** The rows the public JSON of a verification is made of: read back (getVerificationJson), or as just written (createVerification). */
export interface VerificationForJson extends Pick<Verification, "id" | "status" | "checkType" | "reference" | "note" | "source" | "createdAt" | "completedAt" | "erasedAt" | "eraseReason" | "qualityGate"> {
  /** Ordered by role, as the enum declares them. */
  media: Array<Pick<Media, "id" | "role" | "mime" | "size" | "sha256" | "width" | "height" | "durationMs" | "fps" | "purgedAt" | "purgeKind" | "purgedBy"> & { purgePolicy: { name: string } | null }>;
  /** Ordered by vendor, then attempt. */
  runs: Array<
    Pick<VendorRun, "id" | "vendor" | "attempt" | "status" | "outcome" | "vendorVerdict" | "requestedAt" | "startedAt" | "finishedAt" | "latencyMs" | "httpStatus" | "policyId" | "rerunReason" | "skippedByGate" | "sandbox" | "normalized" | "raw" | "attempts"> & {
      callAttempts: Array<Pick<VendorCallAttempt, "attempt" | "outcome" | "sentAt" | "finishedAt" | "httpStatus" | "error">>;
    }
  >;
  testSet: { name: string } | null;
  /** The media's main thumbnails and posters (position 0) that exist. */
  thumbnails: Array<{ sha256: string; kind: string; position: number }>;
}

// The public JSON shape of a verification (GET /api/v1/verifications/{id}), typed from the schema
// the OpenAPI document is generated from.
export function verificationJsonOf(v: VerificationForJson): VerificationJson {
  return {
    id: v.id,
    url: verificationApiUrl(v.id),
    status: v.status,
    checkType: v.checkType,
    reference: v.reference,
    note: v.note,
    source: v.source,
    createdAt: v.createdAt.toISOString(),
    completedAt: v.completedAt?.toISOString() ?? null,
    // The subject was erased: media purged and personal fields cleared; the decision trail stays.
    erased: v.erasedAt ? { at: v.erasedAt.toISOString(), reason: v.eraseReason } : null,
    // "Check quality first": which file failed and why, and the paid calls it saved (null when off).
    qualityGate: describeQualityGate(v, v.runs),
    waitingFor: describeWaitingFor(v.status, v.runs, v.testSet),
    media: v.media.map((m) => ({
      id: m.id, role: m.role, mime: m.mime, size: m.size, sha256: m.sha256, width: m.width, height: m.height, durationMs: m.durationMs, fps: m.fps,
      // A purged media is a tombstone: no bytes, no hash, no URL, and when and why it went.
      url: m.purgedAt ? null : `/api/media/${m.id}`,
      purged: mediaTombstoneJson(m),
      // Nothing to wait for once purged; else its thumbnail (image) or poster (video) exists.
      thumbnailsReady: m.purgedAt !== null || hasMainThumbnail(m.role === "video" || m.mime.startsWith("video/") ? "video" : "image", v.thumbnails.filter((t) => t.sha256 === m.sha256)),
    })),
    runs: v.runs.map((r) => ({
      id: r.id, vendor: r.vendor, attempt: r.attempt, status: r.status, outcome: r.outcome, vendorVerdict: r.vendorVerdict,
      requestedAt: r.requestedAt.toISOString(), startedAt: r.startedAt?.toISOString() ?? null, finishedAt: r.finishedAt?.toISOString() ?? null,
      // Verdict's engine runs in the worker, offline: no HTTP status (runs stored before this said 200).
      latencyMs: r.latencyMs, httpStatus: r.vendor === "local" ? null : r.httpStatus, offline: r.vendor === "local", policyId: r.policyId, rerunReason: r.rerunReason, skippedByGate: r.skippedByGate,
      // A built-in sandbox's test answer, not a real vendor's.
      sandbox: r.sandbox,
      // The vendor-call job writes these columns from NormalizedResult (normalizedResultSchema).
      normalized: r.normalized as NormalizedResult | null, raw: r.raw, attempts: r.attempts as z.output<typeof runAttemptSchema>[] | null,
      // Every HTTP attempt as recorded before it was sent; `unknown`: its worker died waiting for the answer.
      calls: r.callAttempts.map(callAttemptJson),
    })),
  };
}

export async function getVerificationJson(id: string): Promise<VerificationJson | null> {
  const v = await db.verification.findUnique({
    where: { id },
    include: {
      media: { orderBy: { role: "asc" }, include: { purgePolicy: { select: { name: true } } } },
      runs: { orderBy: [{ vendor: "asc" }, { attempt: "asc" }], include: { callAttempts: { orderBy: { attempt: "asc" } } } },
      testSetItems: { select: { testSet: { select: { name: true } } }, take: 1 },
    },
  });
  if (!v) return null;
  const hashes = [...new Set(v.media.flatMap((m) => (m.sha256 ? [m.sha256] : [])))];
  const thumbnails = hashes.length
    ? await db.thumbnail.findMany({ where: { sha256: { in: hashes }, kind: { in: ["thumb", "poster"] }, position: 0 }, select: { sha256: true, kind: true, position: true } })
    : [];
  return verificationJsonOf({ ...v, testSet: v.testSetItems[0]?.testSet ?? null, thumbnails });
}
