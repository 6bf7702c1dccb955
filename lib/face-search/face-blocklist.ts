import { cosineSimilarity } from "@/lib/face-engine/face-quality";
import { z } from "zod";
import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { db, sqlPool } from "@/lib/db";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { reasonField } from "@/lib/data-protection/legal-holds";
import { representativeFaces } from "@/lib/face-search/describe-faces";

import { activeRuleSetOf } from "@/lib/review/review-rule-sets";

// The face blocklist: a reviewer with the right adds a face (from a case's media) with a reason;
// a new verification whose face matches it opens a high-priority case (rule `blocked_face`).
// The entry keeps its own copy of the descriptor, so a purge of the source does not unblock it.
// Adding and removing are audited; removal keeps the row (who, when, why).

export const FACE_BLOCKLIST_ROLES = ["admin", "reviewer"] as const;

export const addFaceBlockSchema = z.object({ mediaId: z.uuid("Not a media id."), reason: reasonField() });
export const removeFaceBlockSchema = z.object({ blockId: z.uuid("Not a blocklist entry."), reason: reasonField() });

export async function addFaceBlock(actor: Actor, input: unknown) {
  const { mediaId, reason } = addFaceBlockSchema.parse(input);
  const [face] = await representativeFaces(sqlPool(), { mediaId });
  if (!face) throw new NotFoundError("Verdict's engine found no face in this media (or it was purged): nothing to block.");
  const media = await db.media.findUnique({ where: { id: mediaId }, select: { verificationId: true, verification: { select: { reference: true } } } });
  return db.$transaction(async (tx) => {
    const existing = await tx.faceBlock.findFirst({ where: { sourceFaceId: face.faceId, removedAt: null }, select: { id: true } });
    if (existing) throw new ConflictError("This face is already on the blocklist.");
    const created = await tx.faceBlock.create({
      data: {
        sourceFaceId: face.faceId,
        verificationId: media?.verificationId ?? null,
        reference: media?.verification.reference ?? null,
        reason,
        embedding: face.embedding,
        createdById: actor.kind === "user" ? actor.id : null,
      },
      select: { id: true, reference: true, createdAt: true },
    });
    await recordAuditEvent(tx, actor, {
      action: "face_block.added",
      targetType: "face_block",
      targetId: created.id,
      after: { mediaId, faceId: face.faceId, verificationId: media?.verificationId ?? null, reference: created.reference, reason },
    });
    return created;
  });
}

export async function removeFaceBlock(actor: Actor, input: unknown) {
  const { blockId, reason } = removeFaceBlockSchema.parse(input);
  return db.$transaction(async (tx) => {
    const block = await tx.faceBlock.findUnique({ where: { id: blockId }, select: { id: true, removedAt: true, reason: true, reference: true } });
    if (!block) throw new NotFoundError("No such blocklist entry.");
    const { count } = await tx.faceBlock.updateMany({
      where: { id: blockId, removedAt: null },
      data: { removedAt: new Date(), removedById: actor.kind === "user" ? actor.id : null, removeReason: reason },
    });
    if (count === 0) throw new ConflictError("This face was already removed from the blocklist.");
    await recordAuditEvent(tx, actor, {
      action: "face_block.removed",
      targetType: "face_block",
      targetId: blockId,
      before: { reason: block.reason, reference: block.reference },
      after: { removeReason: reason },
    });
    return { id: blockId };
  });
}

export async function listFaceBlocks(options: { includeRemoved?: boolean } = {}) {
  return db.faceBlock.findMany({
    where: options.includeRemoved ? {} : { removedAt: null },
    select: {
      id: true, sourceFaceId: true, verificationId: true, reference: true, reason: true, createdAt: true, removedAt: true, removeReason: true,
      createdBy: { select: { email: true } }, removedBy: { select: { email: true } },
      sourceFace: { select: { mediaId: true } },
    },
    orderBy: { createdAt: "desc" },
    take: 200,
  });
}

/** Whether a face of this verification matches an active blocked face at the rule's threshold. */
export async function matchesFaceBlocklist(verificationId: string): Promise<boolean> {
  const pool = sqlPool();
  const { rows } = await pool.query<{ embedding: number[] }>(`SELECT "embedding" FROM "FaceBlock" WHERE "removedAt" IS NULL`);
  if (rows.length === 0) return false;
  const ruleSetRow = await db.reviewRuleSet.findFirst({ orderBy: { version: "desc" }, select: { version: true, settings: true } });
  const rule = activeRuleSetOf(ruleSetRow).settings.blocked_face;
  if (!rule.enabled) return false;
  const faces = await representativeFaces(pool, { verificationId });
  return faces.some((f) => rows.some((b) => cosineSimilarity(f.embedding, b.embedding) >= rule.similarityAbove));
}
