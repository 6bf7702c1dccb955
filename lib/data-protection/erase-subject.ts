import { z } from "zod";
import { actorLabel, recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { finishPendingBlobDeletions, purgeMedia } from "@/lib/data-protection/purge-media";
import { reasonField, referenceField, verificationHeldSql } from "@/lib/data-protection/legal-holds";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { erasedReferenceOf } from "@/lib/data-protection/erased-reference";
import { configuredBlobBackend, type BlobBackend } from "@/lib/media/blob-store";

// Erasure of a subject (GDPR Art. 17): every verification of the reference loses its media (bytes,
// thumbnails, vendor image echoes) and its personal fields (note, manual review note, file names)
// at once. The rows stay as tombstones with the decisions, comments and audit trail; the reference
// itself is replaced, on the verifications, their cases and their webhook deliveries, by a keyed
// hash (erased-reference.ts), which keeps the tombstones together and lets an erase of the same
// reference find them again. Verifications under a legal hold are skipped (they keep the reference)
// and named in the result. Erasing again changes nothing.

export const eraseSubjectSchema = z.object({
  reference: referenceField(),
  reason: reasonField(),
  // The console asks the admin to type the reference again; the API does not.
  confirmation: z.string().trim().optional(),
});

export interface EraseResult {
  reference: string;
  verifications: number;
  erased: number;
  alreadyErased: number;
  media: number;
  bytes: number;
  // Verifications kept as they are because of a legal hold.
  held: string[];
}

const BATCH = 200;

export async function eraseSubject(actor: Actor, input: z.infer<typeof eraseSubjectSchema>, backend: BlobBackend = configuredBlobBackend()): Promise<EraseResult> {
  if (input.confirmation !== undefined && input.confirmation !== input.reference) {
    throw new ValidationError("The confirmation does not match the reference.", { confirmation: [`Type the reference exactly: ${input.reference}`] });
  }
  const tombstone = erasedReferenceOf(input.reference);
  const rows = await db.$queryRaw<Array<{ id: string; erasedAt: Date | null; held: boolean }>>`
    SELECT v."id", v."erasedAt", ${verificationHeldSql("v")} AS held FROM "Verification" v
    WHERE v."reference" IN (${input.reference}, ${tombstone}) ORDER BY v."id"`;
  if (rows.length === 0) throw new NotFoundError(`No verification has the reference "${input.reference}"; nothing was erased.`);
  const held = rows.filter((r) => r.held).map((r) => r.id);
  const toErase = rows.filter((r) => !r.held);
  const result: EraseResult = { reference: input.reference, verifications: rows.length, erased: 0, alreadyErased: 0, media: 0, bytes: 0, held };
  const by = actorLabel(actor);

  for (let i = 0; i < toErase.length; i += BATCH) {
    const ids = toErase.slice(i, i + BATCH).map((r) => r.id);
    const batch = await db.$transaction(
      async (tx) => {
        // Re-checked under the row locks: a hold placed meanwhile wins.
        const locked = await tx.$queryRaw<Array<{ id: string; erasedAt: Date | null }>>`
          SELECT v."id", v."erasedAt" FROM "Verification" v
          WHERE v."id" = ANY(${ids}::uuid[]) AND NOT ${verificationHeldSql("v")} FOR UPDATE`;
        const lockedIds = locked.map((v) => v.id);
        const media = await tx.media.findMany({ where: { verificationId: { in: lockedIds }, purgedAt: null }, select: { id: true } });
        const purged = await purgeMedia(tx, media.map((m) => m.id), { kind: "erase", reason: input.reason }, actor);
        const fresh = locked.filter((v) => v.erasedAt === null).map((v) => v.id);
        await tx.verification.updateMany({
          where: { id: { in: fresh } },
          data: { erasedAt: new Date(), erasedBy: by, eraseReason: input.reason, note: null, manualReviewNote: null, reference: tombstone },
        });
        await tx.reviewCase.updateMany({ where: { verificationId: { in: lockedIds } }, data: { reference: tombstone } });
        // Webhook payloads already sent keep no copy of the reference either.
        await tx.$executeRaw`
          UPDATE "WebhookDelivery" SET "payload" = jsonb_set("payload", '{data,reference}', to_jsonb(${tombstone}::text))
          WHERE "payload"->'data'->>'reference' = ${input.reference}
            AND coalesce("payload"->'data'->>'verificationId', "payload"->'data'->>'id') = ANY(${lockedIds}::text[])`;
        await tx.media.updateMany({ where: { verificationId: { in: lockedIds } }, data: { originalFilename: null } });
        return { purged, fresh: fresh.length, already: locked.length - fresh.length };
      },
      { timeout: 120_000 },
    );
    result.erased += batch.fresh;
    result.alreadyErased += batch.already;
    result.media += batch.purged.media;
    result.bytes += batch.purged.bytes;
    await finishPendingBlobDeletions(backend);
  }

  await recordAuditEvent(db, actor, {
    action: "subject.erased",
    targetType: "subject",
    // The keyed hash, not the reference: the audit log (append-only) must not keep what was erased.
    targetId: tombstone,
    after: { reason: input.reason, verifications: rows.length, erased: result.erased, alreadyErased: result.alreadyErased, media: result.media, bytes: result.bytes, heldSkipped: held },
  });
  return result;
}
