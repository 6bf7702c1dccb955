import type pg from "pg";
import type { Db, Tx } from "@/lib/db";
import type { EngineFace, EngineImageReading } from "@/lib/face-engine/analyse-image";
import { ENGINE_MODEL_NAME } from "@/lib/face-engine/engine-version";

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
  await client.query(
    `INSERT INTO "MediaFace" ("mediaId", "faceIndex", "frameMs", "box", "landmarks", "yaw", "pitch", "roll", "quality", "detectorScore", "antispoofScore",
       "livenessScore", "embedding", "modelName", "modelVersion")
     SELECT x."mediaId", x."faceIndex", x."frameMs", x."box", x."landmarks", x."yaw", x."pitch", x."roll", x."quality", x."detectorScore", x."antispoofScore",
       x."livenessScore", ARRAY(SELECT jsonb_array_elements_text(x."embedding")::real), x."modelName", x."modelVersion"
     FROM jsonb_to_recordset($1::jsonb) AS x("mediaId" uuid, "faceIndex" int, "frameMs" int, "box" jsonb, "landmarks" jsonb, "yaw" real, "pitch" real, "roll" real,
       "quality" jsonb, "detectorScore" real, "antispoofScore" real, "livenessScore" real, "embedding" jsonb, "modelName" text, "modelVersion" text)`,
    [JSON.stringify(rows)],
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

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * What the engine already read in these pictures (by content hash, same model version): the faces
 * stored for the newest media with that hash, as a reading, so the same picture is not analysed
 * twice (a rerun, a quality gate then a vendor run, the same photo in another verification).
 * Images only, and only pictures where a face was found: "no face" leaves no row to tell an
 * analysed picture from an unread one, and reading it again is cheap (the detector alone runs).
 */
export async function findStoredReadings(tx: Tx | Db, pictures: Array<{ sha256: string }>, modelVersion: string): Promise<Map<string, EngineImageReading>> {
  const hashes = [...new Set(pictures.map((p) => p.sha256))];
  const out = new Map<string, EngineImageReading>();
  if (hashes.length === 0) return out;
  const rows = await tx.mediaFace.findMany({
    where: { frameMs: null, modelVersion, media: { sha256: { in: hashes }, width: { not: null }, height: { not: null } } },
    include: { media: { select: { sha256: true, width: true, height: true } } },
    orderBy: [{ createdAt: "desc" }, { faceIndex: "asc" }],
  });
  const chosenMedia = new Map<string, string>();
  for (const row of rows) if (row.media.sha256 && !chosenMedia.has(row.media.sha256)) chosenMedia.set(row.media.sha256, row.mediaId);
  for (const [sha256, mediaId] of chosenMedia) {
    const own = rows.filter((r) => r.mediaId === mediaId).sort((a, b) => a.faceIndex - b.faceIndex);
    const first = own[0];
    out.set(sha256, {
      width: first.media.width!,
      height: first.media.height!,
      faces: own.map((r) => ({
        box: r.box as EngineFace["box"],
        // real columns come back as float4 values (21.299999…): rounded as the engine rounds them.
        score: round(r.detectorScore, 3),
        keypoints: r.landmarks as unknown as EngineFace["keypoints"],
        pose: { yaw: round(r.yaw, 1), pitch: round(r.pitch, 1), roll: round(r.roll, 1) },
        quality: r.quality as unknown as EngineFace["quality"],
        antispoof: r.antispoofScore === null ? null : round(r.antispoofScore, 3),
        liveness: r.livenessScore === null ? null : round(r.livenessScore, 3),
        embedding: r.embedding.map((v) => round(v, 6)),
      })),
      modelVersion,
      analysisMs: 0,
    });
  }
  return out;
}
