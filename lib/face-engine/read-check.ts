import { analyseImage, type EngineFace } from "@/lib/face-engine/analyse-image";
import { engineReadingSchema, mediaKey, type EngineReading, type ReadingComparison, type ReadingMedia } from "@/lib/face-engine/engine-reading";
import { similarityOf } from "@/lib/face-engine/face-quality";
import { ENGINE_MODEL_NAME, ENGINE_MODEL_VERSION } from "@/lib/face-engine/engine-version";
import { sampleVideoFrames } from "@/lib/face-engine/sample-video-frames";
import { isVideoMime } from "@/lib/media/media-types";
import type { CheckType, MediaInput } from "@/lib/vendors/types";

// Reads every media of one check with the engine, and compares the faces the check type compares.
// Returns the reading (the `local` vendor's raw answer) and the faces found per media (to store).

export interface AnalysedMedia {
  role: string;
  frameMs: number | null;
  faces: EngineFace[];
}

export interface CheckReading {
  reading: EngineReading;
  analysed: AnalysedMedia[];
}

/** Which faces a check type compares, as pairs of media keys: the first face of each. */
function pairsToCompare(checkType: CheckType, media: ReadingMedia[]): Array<[string, string]> {
  const withFace = media.filter((m) => m.faces.length > 0);
  const key = (role: string) => withFace.find((m) => m.role === role && m.frameMs === null);
  if (checkType === "face_match") {
    const a = key("image1") ?? key("id_image");
    const b = key("image2");
    return a && b ? [[mediaKey(a), mediaKey(b)]] : [];
  }
  if (checkType === "liveness_3angle") {
    const mid = key("portrait_mid");
    return mid ? (["portrait_left", "portrait_right"] as const).flatMap((r) => (key(r) ? [[mediaKey(mid), mediaKey(key(r)!)] as [string, string]] : [])) : [];
  }
  if (checkType === "liveness_video") {
    const frames = withFace.filter((m) => m.role === "video" && m.frameMs !== null);
    const first = frames[0];
    const pairs: Array<[string, string]> = first ? frames.slice(1).map((f) => [mediaKey(first), mediaKey(f)]) : [];
    const id = key("id_image");
    // The ID image against the frame whose face is largest.
    const best = [...frames].sort((x, y) => y.faces[0].quality.faceSizePx - x.faces[0].quality.faceSizePx)[0];
    if (id && best) pairs.push([mediaKey(id), mediaKey(best)]);
    return pairs;
  }
  return [];
}

async function analyseOne(role: string, frameMs: number | null, bytes: Uint8Array): Promise<{ media: ReadingMedia; faces: EngineFace[] }> {
  try {
    const result = await analyseImage(bytes);
    const faces = result.faces.map(({ embedding: _e, ...face }) => face);
    return { media: { role, frameMs, width: result.width, height: result.height, faces, error: null }, faces: result.faces };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { media: { role, frameMs, width: 0, height: 0, faces: [], error: `the picture could not be read: ${message}` }, faces: [] };
  }
}

export async function readCheck(checkType: CheckType, inputs: MediaInput[], options: { videoFrames: number }): Promise<CheckReading> {
  const started = performance.now();
  const media: ReadingMedia[] = [];
  const analysed: AnalysedMedia[] = [];
  const embeddings = new Map<string, number[]>();
  for (const input of inputs) {
    const pictures: Array<{ frameMs: number | null; bytes: Uint8Array | null; error?: string }> = [];
    if (isVideoMime(input.mime)) {
      const sampled = await sampleVideoFrames(input.bytes, options.videoFrames);
      if (sampled.ok) pictures.push(...sampled.frames.map((f) => ({ frameMs: f.atMs, bytes: f.png })));
      else pictures.push({ frameMs: 0, bytes: null, error: sampled.error });
    } else {
      pictures.push({ frameMs: null, bytes: input.bytes });
    }
    for (const picture of pictures) {
      if (!picture.bytes) {
        media.push({ role: input.role, frameMs: picture.frameMs, width: 0, height: 0, faces: [], error: picture.error ?? "no frame" });
        continue;
      }
      const one = await analyseOne(input.role, picture.frameMs, picture.bytes);
      media.push(one.media);
      analysed.push({ role: input.role, frameMs: picture.frameMs, faces: one.faces });
      const first = one.faces[0];
      if (first) embeddings.set(mediaKey(one.media), first.embedding);
    }
  }
  const comparisons: ReadingComparison[] = pairsToCompare(checkType, media).map(([a, b]) => ({
    a,
    b,
    similarity: Math.round(similarityOf(embeddings.get(a)!, embeddings.get(b)!) * 10_000) / 10_000,
  }));
  const reading = engineReadingSchema.parse({
    engine: "verdict-local",
    model: ENGINE_MODEL_NAME,
    modelVersion: ENGINE_MODEL_VERSION,
    checkType,
    media,
    comparisons,
    analysisMs: Math.round(performance.now() - started),
  });
  return { reading, analysed };
}
