import { z } from "zod";

// The engine's own reading of a check's media: what the `local` vendor records as its raw answer
// (JSON, like any vendor's body). Embeddings are left out (they live in "MediaFace"); the
// similarities computed from them are in, so a policy can decide again from the stored answer.

const point = z.tuple([z.number(), z.number()]);

export const readingFaceSchema = z.object({
  box: z.tuple([z.number(), z.number(), z.number(), z.number()]),
  score: z.number(),
  keypoints: z.object({ rightEye: point, leftEye: point, nose: point, mouthRight: point, mouthLeft: point }),
  pose: z.object({ yaw: z.number(), pitch: z.number(), roll: z.number() }),
  quality: z.object({ faceSizePx: z.number(), sharpness: z.number(), brightness: z.number(), cutOffFraction: z.number() }),
  antispoof: z.number().nullable(),
  liveness: z.number().nullable(),
});
export type ReadingFace = z.infer<typeof readingFaceSchema>;

export const readingMediaSchema = z.object({
  role: z.string(),
  /** For a video: the sampled frame's time; null for an image. */
  frameMs: z.number().nullable(),
  width: z.number(),
  height: z.number(),
  /** Largest first. */
  faces: z.array(readingFaceSchema),
  /** Set when the file could not be read (not an image, no frame). */
  error: z.string().nullable().default(null),
  /** The faces were read earlier from the same picture (same content hash and model version) and reused. */
  reused: z.boolean().default(false),
});
export type ReadingMedia = z.infer<typeof readingMediaSchema>;

export const readingComparisonSchema = z.object({
  /** `role` or `role@frameMs`. */
  a: z.string(),
  b: z.string(),
  similarity: z.number(),
});
export type ReadingComparison = z.infer<typeof readingComparisonSchema>;

export const engineReadingSchema = z.object({
  engine: z.literal("verdict-local"),
  model: z.string(),
  modelVersion: z.string(),
  checkType: z.string(),
  media: z.array(readingMediaSchema),
  comparisons: z.array(readingComparisonSchema),
  analysisMs: z.number(),
});
export type EngineReading = z.infer<typeof engineReadingSchema>;

export function mediaKey(media: Pick<ReadingMedia, "role" | "frameMs">): string {
  return media.frameMs === null ? media.role : `${media.role}@${media.frameMs}`;
}
