import { z } from "zod";
import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { db, sqlPool } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { describeFaces, representativeFaces, type FaceOrigin } from "@/lib/face-search/describe-faces";
import { searchFaceIndex } from "@/lib/face-search/search-face-index";

// 1:N face search for a person or an API client: the most similar faces across every verification.
// A biometric identification: every search is audited (who, from which face, how many results,
// the best similarity), in the same way whether it finds anything or not.

export const FACE_SEARCH_LIMIT = 10;

export interface SimilarFace extends FaceOrigin {
  similarity: number;
}

export interface FaceSearchResult {
  query: { faceId: string | null; mediaId: string | null; verificationId: string | null; label: string };
  results: SimilarFace[];
}

export const faceSearchFromMediaSchema = z.object({ mediaId: z.uuid("Not a media id.") });

/** Search from a stored face (a verification's media): the largest face of the picture. */
export async function searchFacesFromMedia(actor: Actor, input: unknown): Promise<FaceSearchResult> {
  const { mediaId } = faceSearchFromMediaSchema.parse(input);
  const [face] = await representativeFaces(sqlPool(), { mediaId });
  if (!face) throw new NotFoundError("Verdict's engine found no face in this media (or it was purged): there is nothing to search with.");
  const origin = (await describeFaces(sqlPool(), [face.faceId])).get(face.faceId);
  return runAuditedSearch(actor, face.embedding, {
    faceId: face.faceId,
    mediaId,
    verificationId: origin?.verificationId ?? null,
    label: `${origin?.reference ?? "no reference"} · ${face.role}`,
  });
}

/**
 * Searches the index and writes the audit row. `detail` adds to the row what says where the face
 * came from (an uploaded picture's hash, never the picture).
 */
export async function runAuditedSearch(actor: Actor, embedding: ArrayLike<number>, query: FaceSearchResult["query"], detail: Record<string, string | number | null> = {}): Promise<FaceSearchResult> {
  // One more than asked: the query face itself is in the index and is not a result.
  const hits = (await searchFaceIndex(sqlPool(), embedding, FACE_SEARCH_LIMIT + 1)).filter((h) => h.faceId !== query.faceId).slice(0, FACE_SEARCH_LIMIT);
  const origins = await describeFaces(sqlPool(), hits.map((h) => h.faceId));
  const results = hits.flatMap((h) => {
    const origin = origins.get(h.faceId);
    return origin ? [{ ...origin, similarity: h.similarity }] : [];
  });
  await recordAuditEvent(db, actor, {
    action: "face.searched",
    targetType: query.mediaId ? "media" : "face_search",
    targetId: query.mediaId,
    after: {
      from: query.mediaId ? "stored_face" : "uploaded_picture",
      verificationId: query.verificationId,
      results: results.length,
      best: results[0]?.similarity ?? null,
      references: [...new Set(results.map((r) => r.reference ?? ""))].slice(0, FACE_SEARCH_LIMIT),
      ...detail,
    },
  });
  return { query, results };
}
