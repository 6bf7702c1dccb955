import { actorLabel, recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { db, type Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { configuredBlobBackend, type BlobBackend } from "@/lib/media/blob-store";
import { blobObjectKey } from "@/lib/media/object-store";
import { scrubVendorImages } from "@/lib/data-protection/scrub-vendor-images";

/*
 * Deleting the bytes of media while keeping the verification as a tombstone.
 *
 * In one transaction (`purgeMedia`): the media rows lose their hash and file name and get
 * purgedAt / purgeKind / policy / purgedBy; their derivatives go (`purgeMediaDerivatives`); a blob
 * that no media refers to any more is deleted (PostgreSQL) or marked `deletePendingAt` (S3); the
 * vendors' raw answers lose their image fields; one audit event per verification says what went.
 * A blob another media still refers to is kept, with its thumbnails.
 *
 * S3 objects cannot join the transaction, so `finishPendingBlobDeletions` deletes them afterwards,
 * each in a transaction that deletes the Blob row first (so a concurrent upload of the same bytes
 * waits) and the object second. A crash between the two steps leaves `deletePendingAt` rows that
 * the next run finishes: purging is resumable and idempotent.
 */

export type PurgeCause =
  | { kind: "policy"; policyId: string; policyName: string }
  | { kind: "erase"; reason: string };

export interface PurgeResult {
  media: number;
  verifications: number;
  // Bytes of originals deleted (PostgreSQL rows deleted, S3 objects marked for deletion).
  bytes: number;
  thumbnailBytes: number;
}

interface LockedMedia {
  id: string;
  verificationId: string;
  role: string;
  sha256: string | null;
  size: number;
}

/**
 * Deletes what was derived from the media's content: thumbnails, posters and filmstrips of content
 * no other (unpurged) media still holds. Call it inside the purge transaction, BEFORE the media
 * rows lose their hash. Everything derived from media is deleted here, so a new kind of derivative
 * (e.g. the engine's faces and embeddings: `deleteFacesOfMedia(tx, mediaIds)`) is one line here.
 * Returns the bytes of thumbnails deleted.
 */
export async function purgeMediaDerivatives(tx: Tx, mediaIds: string[]): Promise<number> {
  if (mediaIds.length === 0) return 0;
  const [deleted] = await tx.$queryRaw<Array<{ bytes: bigint | null }>>`
    WITH gone AS (
      DELETE FROM "Thumbnail" t
      WHERE t."sha256" IN (SELECT m."sha256" FROM "Media" m WHERE m."id" = ANY(${mediaIds}::uuid[]) AND m."sha256" IS NOT NULL)
        AND NOT EXISTS (SELECT 1 FROM "Media" o WHERE o."sha256" = t."sha256" AND NOT (o."id" = ANY(${mediaIds}::uuid[])))
      RETURNING octet_length(t."data") AS bytes
    )
    SELECT sum(bytes)::bigint AS bytes FROM gone`;
  return Number(deleted?.bytes ?? 0);
}

/** Purges the given media (already purged ones are skipped) in the caller's transaction; see above. */
export async function purgeMedia(tx: Tx, mediaIds: string[], cause: PurgeCause, actor: Actor): Promise<PurgeResult> {
  const empty: PurgeResult = { media: 0, verifications: 0, bytes: 0, thumbnailBytes: 0 };
  if (mediaIds.length === 0) return empty;
  const locked = await tx.$queryRaw<LockedMedia[]>`
    SELECT "id", "verificationId", "role"::text AS "role", "sha256", "size" FROM "Media"
    WHERE "id" = ANY(${mediaIds}::uuid[]) AND "purgedAt" IS NULL
    ORDER BY "id" FOR UPDATE`;
  if (locked.length === 0) return empty;
  const ids = locked.map((m) => m.id);
  const thumbnailBytes = await purgeMediaDerivatives(tx, ids);

  const by = cause.kind === "erase" ? actorLabel(actor) : `policy:${cause.policyName}`;
  const policyId = cause.kind === "policy" ? cause.policyId : null;
  await tx.$executeRaw`
    UPDATE "Media" SET "sha256" = NULL, "originalFilename" = NULL, "purgedAt" = now(), "purgeKind" = ${cause.kind},
      "purgePolicyId" = ${policyId}::uuid, "purgedBy" = ${by}, "purgedBytes" = 0
    WHERE "id" = ANY(${ids}::uuid[])`;

  // Blobs no media refers to any more: PostgreSQL bytes go now, S3 objects are marked for deletion.
  const hashes = [...new Set(locked.flatMap((m) => (m.sha256 ? [m.sha256] : [])))];
  const freed = hashes.length
    ? await tx.$queryRaw<Array<{ sha256: string; size: number }>>`
        WITH unreferenced AS (
          SELECT b."sha256" FROM "Blob" b
          WHERE b."sha256" = ANY(${hashes}::text[]) AND NOT EXISTS (SELECT 1 FROM "Media" o WHERE o."sha256" = b."sha256")
          FOR UPDATE
        ), deleted AS (
          DELETE FROM "Blob" b USING unreferenced u WHERE b."sha256" = u."sha256" AND b."storage" = 'postgres' RETURNING b."sha256", b."size"
        ), marked AS (
          UPDATE "Blob" b SET "deletePendingAt" = now(), "data" = NULL FROM unreferenced u
          WHERE b."sha256" = u."sha256" AND b."storage" = 's3' RETURNING b."sha256", b."size"
        )
        SELECT * FROM deleted UNION ALL SELECT * FROM marked`
    : [];
  // The freed bytes count once, on the first purged media that held them.
  const freedBySha = new Map(freed.map((b) => [b.sha256, b.size]));
  for (const m of locked) {
    const size = m.sha256 ? freedBySha.get(m.sha256) : undefined;
    if (size === undefined) continue;
    freedBySha.delete(m.sha256!);
    await tx.$executeRaw`UPDATE "Media" SET "purgedBytes" = ${size} WHERE "id" = ${m.id}::uuid`;
  }

  const verificationIds = [...new Set(locked.map((m) => m.verificationId))];
  await scrubRunImages(tx, verificationIds);
  const bytes = freed.reduce((sum, b) => sum + b.size, 0);
  for (const verificationId of verificationIds) {
    const mine = locked.filter((m) => m.verificationId === verificationId);
    await recordAuditEvent(tx, actor, {
      action: "media.purged",
      targetType: "verification",
      targetId: verificationId,
      after: {
        cause: cause.kind,
        ...(cause.kind === "policy" ? { policy: cause.policyName, policyId: cause.policyId } : { reason: cause.reason }),
        media: mine.map((m) => ({ id: m.id, role: m.role })),
        bytes: sumFreedFor(mine, freed),
      },
    });
  }
  return { media: locked.length, verifications: verificationIds.length, bytes, thumbnailBytes };
}

function sumFreedFor(media: LockedMedia[], freed: Array<{ sha256: string; size: number }>) {
  const hashes = new Set(media.flatMap((m) => (m.sha256 ? [m.sha256] : [])));
  return freed.filter((b) => hashes.has(b.sha256)).reduce((sum, b) => sum + b.size, 0);
}

/** Replaces image fields in the raw (and normalized.raw) answers of the verifications' runs. */
async function scrubRunImages(tx: Tx, verificationIds: string[]) {
  const runs = await tx.vendorRun.findMany({ where: { verificationId: { in: verificationIds } }, select: { id: true, raw: true, normalized: true } });
  for (const run of runs) {
    const raw = scrubVendorImages(run.raw);
    const normalized = scrubVendorImages(run.normalized);
    if (!raw.changed && !normalized.changed) continue;
    await tx.vendorRun.update({
      where: { id: run.id },
      data: {
        ...(raw.changed ? { raw: raw.value as Prisma.InputJsonValue } : {}),
        ...(normalized.changed ? { normalized: normalized.value as Prisma.InputJsonValue } : {}),
      },
    });
  }
}

/**
 * Deletes the S3 objects of blobs marked `deletePendingAt`, and their rows. A blob that a media
 * refers to again (the same bytes were uploaded anew meanwhile) is unmarked and kept.
 * Returns how many objects were deleted.
 */
export async function finishPendingBlobDeletions(backend: BlobBackend = configuredBlobBackend(), limit = 500): Promise<number> {
  let deleted = 0;
  for (;;) {
    const pending = await db.blob.findMany({ where: { deletePendingAt: { not: null } }, select: { sha256: true }, take: limit, orderBy: { sha256: "asc" } });
    if (pending.length === 0) return deleted;
    for (const { sha256 } of pending) {
      await db.$transaction(async (tx) => {
        const gone = await tx.$executeRaw`
          DELETE FROM "Blob" b WHERE b."sha256" = ${sha256} AND b."deletePendingAt" IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM "Media" o WHERE o."sha256" = b."sha256")`;
        if (gone === 0) {
          await tx.blob.updateMany({ where: { sha256, deletePendingAt: { not: null } }, data: { deletePendingAt: null } });
          return;
        }
        if (backend.storage !== "s3") throw new Error(`blob ${sha256} waits for its S3 object to be deleted, but S3_BUCKET is not configured`);
        // Inside the transaction: if the delete fails, the row stays marked and the next run retries.
        await backend.objects.deleteObject(blobObjectKey(sha256));
        deleted++;
      });
    }
    if (pending.length < limit) return deleted;
  }
}
