import type { FaceResult } from "@vladmandic/human";
import sharp, { type Sharp } from "sharp";
import { cutOffFractionOf, laplacianVariance, meanOf, type FaceMeasures, type Pose } from "@/lib/face-engine/face-quality";
import { ENGINE_MODEL_VERSION, getFaceEngine } from "@/lib/face-engine/load-human";
import { openImage } from "@/lib/media/inspect-image";

// One picture through the engine: decode (EXIF orientation applied, alpha dropped), scale, pad to
// a square with a margin (the detector squashes non-square input, and a margin lets a face cut
// off at the edge show as a box running past it), detect, then measure each face on the original.

/** Long side of the picture given to the detector. */
const DETECTOR_SIDE = 1024;
/** Margin on each side of the padded square, as a fraction of the picture's long side. */
const PAD_FRACTION = 0.12;
/** Faces below this detector score are ignored (neighbours' ears, patterns). */
export const MIN_FACE_SCORE = 0.6;
/** Side of the grey face crop the sharpness and brightness are measured on. */
const QUALITY_SIDE = 112;

export type Box = [number, number, number, number];
export type Point = [number, number];

export interface EngineFace {
  /** [x, y, width, height] in pixels of the picture as displayed (EXIF orientation applied). */
  box: Box;
  score: number;
  /** Eyes, nose tip and mouth corners; "left"/"right" are the person's own. */
  keypoints: { rightEye: Point; leftEye: Point; nose: Point; mouthRight: Point; mouthLeft: Point };
  pose: Pose;
  quality: FaceMeasures;
  /** The models' anti-spoofing and liveness scores (0..1): advisory, weak on single photos. */
  antispoof: number | null;
  liveness: number | null;
  embedding: number[];
}

export interface EngineImageReading {
  width: number;
  height: number;
  /** Largest face first. */
  faces: EngineFace[];
  modelVersion: string;
  analysisMs: number;
}

// Mesh indices (MediaPipe face mesh) of the key points kept.
const MESH = { rightEyeOuter: 33, rightEyeInner: 133, leftEyeOuter: 263, leftEyeInner: 362, nose: 1, mouthRight: 61, mouthLeft: 291 } as const;
const RAD = 180 / Math.PI;

interface Placement {
  scale: number;
  offsetX: number;
  offsetY: number;
}

function toOriginal(p: readonly [number, number, ...number[]] | Point, at: Placement): Point {
  return [round1((p[0] - at.offsetX) / at.scale), round1((p[1] - at.offsetY) / at.scale)];
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const round3 = (n: number) => Math.round(n * 1000) / 1000;

function keypointsOf(face: FaceResult, at: Placement): EngineFace["keypoints"] | null {
  const m = face.mesh;
  if (m.length < 468) return null;
  const mid = (a: number, b: number): Point => [(m[a][0] + m[b][0]) / 2, (m[a][1] + m[b][1]) / 2];
  return {
    rightEye: toOriginal(mid(MESH.rightEyeOuter, MESH.rightEyeInner), at),
    leftEye: toOriginal(mid(MESH.leftEyeOuter, MESH.leftEyeInner), at),
    nose: toOriginal([m[MESH.nose][0], m[MESH.nose][1]], at),
    mouthRight: toOriginal([m[MESH.mouthRight][0], m[MESH.mouthRight][1]], at),
    mouthLeft: toOriginal([m[MESH.mouthLeft][0], m[MESH.mouthLeft][1]], at),
  };
}

/** Degrees, with yaw positive when the person turned to their own left (nose towards the picture's right). */
function poseOf(face: FaceResult): Pose {
  const angle = face.rotation?.angle;
  if (!angle) return { yaw: 0, pitch: 0, roll: 0 };
  return { yaw: round1(-angle.yaw * RAD), pitch: round1(angle.pitch * RAD), roll: round1(angle.roll * RAD) };
}

async function measureFace(rgb: Sharp, box: Box, width: number, height: number): Promise<FaceMeasures> {
  const left = Math.max(0, Math.floor(box[0]));
  const top = Math.max(0, Math.floor(box[1]));
  const right = Math.min(width, Math.ceil(box[0] + box[2]));
  const bottom = Math.min(height, Math.ceil(box[1] + box[3]));
  const cutOffFraction = round3(cutOffFractionOf(box, width, height));
  const faceSizePx = Math.round(Math.min(box[2], box[3]));
  if (right - left < 2 || bottom - top < 2) return { faceSizePx, sharpness: 0, brightness: 0, cutOffFraction };
  const { data } = await rgb
    .clone()
    .extract({ left, top, width: right - left, height: bottom - top })
    .greyscale()
    .resize(QUALITY_SIDE, QUALITY_SIDE, { fit: "fill" })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { faceSizePx, sharpness: round1(laplacianVariance(data, QUALITY_SIDE, QUALITY_SIDE)), brightness: round1(meanOf(data)), cutOffFraction };
}

/** Finds and measures every face in one picture. Throws when the bytes are not a decodable image. */
export async function analyseImage(bytes: Uint8Array): Promise<EngineImageReading> {
  const started = performance.now();
  const { human, tf } = await getFaceEngine();
  const decoded = await openImage(bytes).rotate().removeAlpha().toColourspace("srgb").raw().toBuffer({ resolveWithObject: true });
  const { width, height } = decoded.info;
  const rgb = sharp(decoded.data, { raw: { width, height, channels: 3 } });

  const long = Math.max(width, height);
  const scale = Math.min(1, DETECTOR_SIDE / long);
  const scaledW = Math.max(1, Math.round(width * scale));
  const scaledH = Math.max(1, Math.round(height * scale));
  const pad = Math.round(Math.max(scaledW, scaledH) * PAD_FRACTION);
  const side = Math.max(scaledW, scaledH) + 2 * pad;
  const at: Placement = { scale, offsetX: Math.floor((side - scaledW) / 2), offsetY: Math.floor((side - scaledH) / 2) };
  const square = await rgb
    .clone()
    .resize(scaledW, scaledH, { fit: "fill" })
    .extend({ left: at.offsetX, top: at.offsetY, right: side - scaledW - at.offsetX, bottom: side - scaledH - at.offsetY, background: { r: 0, g: 0, b: 0 } })
    .raw()
    .toBuffer();

  const input = tf.tensor3d(new Uint8Array(square.buffer, square.byteOffset, square.byteLength), [side, side, 3], "int32");
  let found: FaceResult[];
  try {
    found = (await human.detect(input)).face;
  } finally {
    input.dispose();
  }

  const faces: EngineFace[] = [];
  for (const face of found) {
    if (face.score < MIN_FACE_SCORE || !face.embedding || face.embedding.length === 0) continue;
    const [x, y] = toOriginal([face.box[0], face.box[1]], at);
    const box: Box = [x, y, round1(face.box[2] / scale), round1(face.box[3] / scale)];
    const keypoints = keypointsOf(face, at);
    if (!keypoints) continue;
    faces.push({
      box,
      score: round3(face.score),
      keypoints,
      pose: poseOf(face),
      quality: await measureFace(rgb, box, width, height),
      antispoof: typeof face.real === "number" ? round3(face.real) : null,
      liveness: typeof face.live === "number" ? round3(face.live) : null,
      embedding: face.embedding.map((v) => Math.round(v * 1e6) / 1e6),
    });
  }
  faces.sort((a, b) => b.box[2] * b.box[3] - a.box[2] * a.box[3]);
  return { width, height, faces, modelVersion: ENGINE_MODEL_VERSION, analysisMs: Math.round(performance.now() - started) };
}
