import { cosineSimilarity } from "@/lib/face-engine/face-quality";
import type pg from "pg";
import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";

import { describeFaces, representativeFaces } from "@/lib/face-search/describe-faces";
import { searchFaceIndex } from "@/lib/face-search/search-face-index";

// What the faces of a finished verification say, for the review rules (duplicate face, face
// changed, blocked face): raw similarities only; the rules apply their thresholds (pure, in
// lib/review/evaluate-review-rules.ts). Each automatic search is audited like a person's.

export interface FaceMatchSignal {
  faceId: string;
  verificationId: string;
  reference: string | null;
  similarity: number;
  /** The face of this verification that matched (its media role). */
  role: string;
}

export interface FaceSignals {
  /** Most similar faces of other verifications under another reference (or none), best first. */
  otherReferences: FaceMatchSignal[];
  /** Best similarity to the faces of earlier verifications of the same reference (null: none to compare). */
  sameReferenceBest: FaceMatchSignal | null;
  /** Active blocklist entries the faces resemble, best first. */
  blocked: Array<{ blockId: string; reason: string; reference: string | null; similarity: number; role: string }>;
}

const SYSTEM: Actor = { kind: "system", label: "review-rules" };
const LOOKED_AT = 20;

export async function readFaceSignals(pool: pg.Pool, verificationId: string, reference: string | null): Promise<FaceSignals | null> {
  const faces = await representativeFaces(pool, { verificationId });
  if (faces.length === 0) return null;

  const otherReferences: FaceMatchSignal[] = [];
  for (const face of faces) {
    const hits = await searchFaceIndex(pool, face.embedding, LOOKED_AT);
    const origins = await describeFaces(pool, hits.map((h) => h.faceId));
    for (const hit of hits) {
      const origin = origins.get(hit.faceId);
      if (!origin || origin.verificationId === verificationId) continue;
      if (reference !== null && origin.reference === reference) continue;
      otherReferences.push({ faceId: hit.faceId, verificationId: origin.verificationId, reference: origin.reference, similarity: hit.similarity, role: face.role });
    }
  }
  otherReferences.sort((a, b) => b.similarity - a.similarity);

  let sameReferenceBest: FaceMatchSignal | null = null;
  if (reference !== null) {
    const { rows } = await pool.query<{ faceId: string; verificationId: string; embedding: number[] }>(
      `SELECT DISTINCT ON (m."id") f."id" AS "faceId", v."id" AS "verificationId", f."embedding"
       FROM "Verification" v JOIN "Verification" me ON me."id" = $2::uuid
       JOIN "Media" m ON m."verificationId" = v."id" AND m."purgedAt" IS NULL JOIN "MediaFace" f ON f."mediaId" = m."id"
       WHERE v."reference" = $1 AND v."id" <> me."id" AND v."createdAt" < me."createdAt"
       ORDER BY m."id", f."frameMs" NULLS FIRST, f."faceIndex" LIMIT 200`,
      [reference, verificationId],
    );
    for (const earlier of rows) {
      for (const face of faces) {
        const similarity = cosineSimilarity(face.embedding, earlier.embedding);
        if (!sameReferenceBest || similarity > sameReferenceBest.similarity) {
          sameReferenceBest = { faceId: earlier.faceId, verificationId: earlier.verificationId, reference, similarity, role: face.role };
        }
      }
    }
  }

  const blocks = await pool.query<{ id: string; reason: string; reference: string | null; embedding: number[] }>(
    `SELECT "id", "reason", "reference", "embedding" FROM "FaceBlock" WHERE "removedAt" IS NULL`,
  );
  const blocked = blocks.rows
    .map((b) => {
      let best = { similarity: -1, role: "" };
      for (const face of faces) {
        const similarity = cosineSimilarity(face.embedding, b.embedding);
        if (similarity > best.similarity) best = { similarity, role: face.role };
      }
      return { blockId: b.id, reason: b.reason, reference: b.reference, ...best };
    })
    .sort((a, b) => b.similarity - a.similarity)
    .slice(0, 5);

  await recordAuditEvent(db, SYSTEM, {
    action: "face.searched",
    targetType: "verification",
    targetId: verificationId,
    after: {
      from: "review_rules",
      faces: faces.length,
      bestOtherReference: otherReferences[0]?.similarity ?? null,
      sameReferenceBest: sameReferenceBest?.similarity ?? null,
      bestBlocked: blocked[0]?.similarity ?? null,
    },
  });
  return { otherReferences: otherReferences.slice(0, 5), sameReferenceBest, blocked };
}
