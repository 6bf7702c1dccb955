import type pg from "pg";
import type { Db, Tx } from "@/lib/db";
import type { EngineFace } from "@/lib/face-engine/analyse-image";
import { ENGINE_MODEL_NAME } from "@/lib/face-engine/engine-version";
import { indexFaces } from "@/lib/face-search/index-faces";

// The faces the engine found, kept per media (table "MediaFace"). Written by the `local` vendor's
// job; read by the pages that draw face boxes; deleted with their media by retention.

export interface FaceToStore {
  mediaId: string;
  /** null for an image, the frame's time for a video. */
  frameMs: number | null;
  faces: EngineFace[];
  modelVersion: string;
}

/**
 * Replaces what the engine stored for these media (a rerun reads them again) with the new faces,
 * on the caller's transaction: one DELETE and one INSERT.
 */
export async function replaceMediaFaces(client: pg.PoolClient, items: FaceToStore[]): Promise<void> {
  const mediaIds = [...new Set(items.map((i) => i.mediaId))];
  if (mediaIds.length === 0) return;
  await client.query(`DELETE FROM "MediaFace" WHERE "mediaId" = ANY($1::uuid[])`, [mediaIds]);
  const rows = items.flatMap((item) =>
    item.faces.map((face, faceIndex) => ({
      mediaId: item.mediaId,
      faceIndex,
      frameMs: item.frameMs,
      box: face.box,
      landmarks: face.keypoints,
      yaw: face.pose.yaw,
      pitch: face.pose.pitch,
      roll: face.pose.roll,
      quality: face.quality,
      detectorScore: face.score,
      antispoofScore: face.antispoof,
      livenessScore: face.liveness,
      embedding: face.embedding,
      modelName: ENGINE_MODEL_NAME,
      modelVersion: item.modelVersion,
    })),
  );
  if (rows.length === 0) return;
  const inserted = await client.query<{ id: string; mediaId: string; faceIndex: number; frameMs: number | null }>(
    `INSERT INTO "MediaFace" ("mediaId", "faceIndex", "frameMs", "box", "landmarks", "yaw", "pitch", "roll", "quality", "detectorScore", "antispoofScore",
       "livenessScore", "embedding", "modelName", "modelVersion")
     SELECT x."mediaId", x."faceIndex", x."frameMs", x."box", x."landmarks", x."yaw", x."pitch", x."roll", x."quality", x."detectorScore", x."antispoofScore",
       x."livenessScore", ARRAY(SELECT jsonb_array_elements_text(x."embedding")::real), x."modelName", x."modelVersion"
     FROM jsonb_to_recordset($1::jsonb) AS x("mediaId" uuid, "faceIndex" int, "frameMs" int, "box" jsonb, "landmarks" jsonb, "yaw" real, "pitch" real, "roll" real,
       "quality" jsonb, "detectorScore" real, "antispoofScore" real, "livenessScore" real, "embedding" jsonb, "modelName" text, "modelVersion" text)
     RETURNING "id", "mediaId", "faceIndex", "frameMs"`,
    [JSON.stringify(rows)],
  );
  // Every face the engine embeds is searchable (1:N face search), in the same transaction.
  const key = (r: { mediaId: string; faceIndex: number; frameMs: number | null }) => `${r.mediaId}:${r.frameMs ?? ""}:${r.faceIndex}`;
  const embeddings = new Map(rows.map((r) => [key(r), r.embedding]));
  await indexFaces(
    client,
    inserted.rows.flatMap((r) => {
      const embedding = embeddings.get(key(r));
      return embedding ? [{ faceId: r.id, embedding }] : [];
    }),
  );
}

/**
 * Deletes every face the engine stored for these media, on the caller's Prisma transaction (for
 * retention: call it in the transaction that purges the media). Returns how many rows went.
 * Deleting a Media row also deletes its faces (ON DELETE CASCADE); this is for purges that keep it.
 */
export async function deleteFacesOfMedia(tx: Tx | Db, mediaIds: string[]): Promise<number> {
  if (mediaIds.length === 0) return 0;
  const { count } = await tx.mediaFace.deleteMany({ where: { mediaId: { in: mediaIds } } });
  return count;
}

export interface StoredFace {
  id: string;
  mediaId: string;
  faceIndex: number;
  frameMs: number | null;
  box: [number, number, number, number];
  yaw: number;
  pitch: number;
  roll: number;
  quality: Record<string, number>;
  detectorScore: number;
}

/** The faces of these media without their embeddings (for drawing boxes), largest first. */
export async function findFacesOfMedia(tx: Tx | Db, mediaIds: string[]): Promise<StoredFace[]> {
  if (mediaIds.length === 0) return [];
  const rows = await tx.mediaFace.findMany({
    where: { mediaId: { in: mediaIds } },
    select: { id: true, mediaId: true, faceIndex: true, frameMs: true, box: true, yaw: true, pitch: true, roll: true, quality: true, detectorScore: true },
    orderBy: [{ mediaId: "asc" }, { frameMs: "asc" }, { faceIndex: "asc" }],
  });
  return rows.map((r) => ({ ...r, box: r.box as StoredFace["box"], quality: r.quality as Record<string, number> }));
}
