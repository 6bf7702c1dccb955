import { z } from "zod";

// Pure rules on the engine's measurements: what makes a picture of a face unusable, and whether a
// head pose fits the angle it was asked for. No model here, so every rule is unit-tested.

export const qualityThresholdsSchema = z.object({
  /** The face box's shorter side, in pixels of the original picture. */
  minFaceSizePx: z.number().int().min(16).max(1000).default(80),
  /** Variance of the Laplacian on the face crop scaled to 112 px (grey levels²); below: blurry. */
  minSharpness: z.number().min(0).max(5000).default(40),
  /** Mean grey level (0..255) of the face crop. */
  minBrightness: z.number().min(0).max(255).default(50),
  maxBrightness: z.number().min(0).max(255).default(215),
  /** A face box further than this fraction of its size past the picture's edge is cut off. */
  maxCutOffFraction: z.number().min(0).max(0.5).default(0.08),
});
export type QualityThresholds = z.output<typeof qualityThresholdsSchema>;

export interface FaceMeasures {
  /** Shorter side of the face box, original pixels. */
  faceSizePx: number;
  sharpness: number;
  brightness: number;
  /** How far the face box runs past the picture's edges, as a fraction of the box's size (0 inside). */
  cutOffFraction: number;
}

export const QUALITY_CODES = ["face_too_small", "blurry", "too_dark", "too_bright", "face_cut_off"] as const;
export type QualityCode = (typeof QUALITY_CODES)[number];

/** The quality problems of one face, in a stable order. */
export function findQualityProblems(m: FaceMeasures, t: QualityThresholds): QualityCode[] {
  const problems: QualityCode[] = [];
  if (m.faceSizePx < t.minFaceSizePx) problems.push("face_too_small");
  // A small face is blurry by nature once scaled up: say "too small", not both.
  else if (m.sharpness < t.minSharpness) problems.push("blurry");
  if (m.brightness < t.minBrightness) problems.push("too_dark");
  if (m.brightness > t.maxBrightness) problems.push("too_bright");
  if (m.cutOffFraction > t.maxCutOffFraction) problems.push("face_cut_off");
  return problems;
}

/** How far a box [x, y, w, h] runs past a width × height picture, as a fraction of the box's larger side. */
export function cutOffFractionOf(box: readonly [number, number, number, number], width: number, height: number): number {
  const [x, y, w, h] = box;
  const outside = Math.max(0, -x, -y, x + w - width, y + h - height);
  return outside / Math.max(1, w, h);
}

/** Variance of the 4-neighbour Laplacian of a grey image (row-major, one byte per pixel). */
export function laplacianVariance(grey: Uint8Array | Buffer, width: number, height: number): number {
  if (width < 3 || height < 3) return 0;
  let sum = 0;
  let sumSq = 0;
  let n = 0;
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const i = y * width + x;
      const v = grey[i - width] + grey[i + width] + grey[i - 1] + grey[i + 1] - 4 * grey[i];
      sum += v;
      sumSq += v * v;
      n++;
    }
  }
  const mean = sum / n;
  return sumSq / n - mean * mean;
}

export function meanOf(grey: Uint8Array | Buffer): number {
  let sum = 0;
  for (const v of grey) sum += v;
  return grey.length ? sum / grey.length : 0;
}

// ---- Pose ----

export const poseThresholdsSchema = z.object({
  /** |yaw| at most this (degrees) counts as facing the camera. */
  maxFrontalYawDeg: z.number().min(1).max(45).default(12),
  /** |pitch| at most this (degrees) for a frontal picture. */
  maxFrontalPitchDeg: z.number().min(1).max(45).default(20),
  /** A turned head: |yaw| at least this (degrees), to the side asked for. */
  minTurnYawDeg: z.number().min(1).max(80).default(12),
});
export type PoseThresholds = z.output<typeof poseThresholdsSchema>;

export interface Pose {
  /** Degrees; positive: the person turned to their own left (the face points to the picture's right). */
  yaw: number;
  pitch: number;
  roll: number;
}

export type Facing = "left" | "frontal" | "right" | "unclear";

/** Which way a head faces, from its yaw; between frontal and turned is unclear. */
export function classifyFacing(pose: Pose, t: PoseThresholds): Facing {
  if (Math.abs(pose.yaw) <= t.maxFrontalYawDeg) return "frontal";
  if (Math.abs(pose.yaw) >= t.minTurnYawDeg) return pose.yaw > 0 ? "left" : "right";
  return "unclear";
}

export type AngleRole = "left" | "mid" | "right";

/** Whether a head pose fits the angle asked for: left turned left, mid frontal (pitch too), right turned right. */
export function poseFitsRole(pose: Pose, role: AngleRole, t: PoseThresholds): boolean {
  const facing = classifyFacing(pose, t);
  if (role === "mid") return facing === "frontal" && Math.abs(pose.pitch) <= t.maxFrontalPitchDeg;
  return facing === role;
}

/** A selfie is frontal when both yaw and pitch are within the frontal limits. */
export function isFrontal(pose: Pose, t: PoseThresholds): boolean {
  return Math.abs(pose.yaw) <= t.maxFrontalYawDeg && Math.abs(pose.pitch) <= t.maxFrontalPitchDeg;
}

// ---- Similarity ----

export function cosineSimilarity(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length || a.length === 0) return 0;
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i] * b[i];
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

/** Verdict's 0..1 similarity scale: the cosine of the two descriptors, negatives as 0. */
export function similarityOf(a: readonly number[], b: readonly number[]): number {
  return Math.min(1, Math.max(0, cosineSimilarity(a, b)));
}
