import { db } from "@/lib/db";
import { findFacesOfMedia } from "@/lib/face-engine/media-faces";

// The engine's faces of a page's pictures, for drawing: mediaId → picture size and boxes (images
// only; a video's faces are per sampled frame). Embeddings never leave the database here.

export interface PictureFaces {
  width: number;
  height: number;
  boxes: Array<{ box: [number, number, number, number]; score: number; yaw: number }>;
}

export async function findEngineFaces(media: Array<{ id: string; width: number | null; height: number | null; kind?: string; mime?: string }>): Promise<Record<string, PictureFaces>> {
  const pictures = media.filter((m) => m.width && m.height && (m.kind ? m.kind === "image" : m.mime?.startsWith("image/")));
  const faces = await findFacesOfMedia(db, pictures.map((m) => m.id));
  const out: Record<string, PictureFaces> = {};
  for (const m of pictures) {
    const own = faces.filter((f) => f.mediaId === m.id && f.frameMs === null);
    if (own.length === 0) continue;
    out[m.id] = { width: m.width!, height: m.height!, boxes: own.map((f) => ({ box: f.box, score: f.detectorScore, yaw: f.yaw })) };
  }
  return out;
}
