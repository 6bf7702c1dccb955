import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";

// The real photos under tests/fixtures/faces (their sources and licences are in its README), and
// the "derived" variants of one photo the evaluation uses as extra genuine pairs.

export const FACE_FIXTURES_DIR = path.resolve(import.meta.dirname, "../../tests/fixtures/faces");

export interface FixturePhoto {
  name: string;
  bytes: Buffer;
}

export async function readFixtureGroup(group: "people" | "same-person" | "no-face"): Promise<FixturePhoto[]> {
  const dir = path.join(FACE_FIXTURES_DIR, group);
  const names = (await readdir(dir)).filter((n) => n.endsWith(".jpg")).sort();
  return Promise.all(names.map(async (name) => ({ name: `${group}/${name}`, bytes: await readFile(path.join(dir, name)) })));
}

export function readFixture(name: string): Promise<Buffer> {
  return readFile(path.join(FACE_FIXTURES_DIR, name));
}

/** Same picture, changed the ways a second capture of the same face changes: scale, crop, rotation, exposure, recompression. */
export async function deriveVariants(bytes: Buffer): Promise<Array<{ kind: string; bytes: Buffer }>> {
  const meta = await sharp(bytes).metadata();
  const w = meta.width ?? 256;
  const h = meta.height ?? 256;
  return [
    { kind: "smaller+recompressed", bytes: await sharp(bytes).resize(Math.round(w * 0.7)).jpeg({ quality: 35 }).toBuffer() },
    { kind: "rotated 8°", bytes: await sharp(bytes).rotate(8, { background: "#808080" }).jpeg({ quality: 85 }).toBuffer() },
    { kind: "brighter", bytes: await sharp(bytes).modulate({ brightness: 1.3 }).jpeg({ quality: 85 }).toBuffer() },
    {
      kind: "cropped+darker",
      bytes: await sharp(bytes)
        .extract({ left: Math.round(w * 0.08), top: Math.round(h * 0.05), width: Math.round(w * 0.84), height: Math.round(h * 0.9) })
        .modulate({ brightness: 0.75 })
        .jpeg({ quality: 80 })
        .toBuffer(),
    },
  ];
}

/** A picture with no content at all, and one of pure noise. */
export async function syntheticNoFacePictures(): Promise<FixturePhoto[]> {
  const grey = await sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 128, g: 128, b: 128 } } }).jpeg().toBuffer();
  const noisePixels = Buffer.alloc(320 * 240 * 3);
  let seed = 12345;
  for (let i = 0; i < noisePixels.length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    noisePixels[i] = seed & 0xff;
  }
  const noise = await sharp(noisePixels, { raw: { width: 320, height: 240, channels: 3 } }).jpeg().toBuffer();
  return [
    { name: "synthetic/grey.jpg", bytes: grey },
    { name: "synthetic/noise.jpg", bytes: noise },
  ];
}
