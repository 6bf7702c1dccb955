import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { MARKER_PREFIX, runFfmpeg, writeImageScenarioMarker } from "@/lib/sandbox/media-marker";

export type SampleImageOptions = {
  width?: number;
  height?: number;
  format?: "jpg" | "png";
  scenario?: string;
  /** Varies the gradient so unmarked samples hash differently. */
  seed?: number;
};

/** Writes `value` bit by bit as black and white 16-px blocks across the top band of the image. */
function stampSeed(pixels: Buffer, width: number, rows: number, value: number) {
  const blocks = Math.min(24, Math.floor(width / 16));
  for (let bit = 0; bit < blocks; bit += 1) {
    const shade = (value >> bit) & 1 ? 255 : 0;
    for (let y = 0; y < rows; y += 1) pixels.fill(shade, (y * width + bit * 16) * 3, (y * width + bit * 16 + 16) * 3);
  }
}

/** A plain gradient image (no face): enough for sandboxes, which decide from markers and hashes. */
export async function createSampleImage(options: SampleImageOptions = {}): Promise<Buffer> {
  const { width = 640, height = 480, format = "jpg", scenario, seed = 0 } = options;
  const channels = 3;
  const pixels = Buffer.alloc(width * height * channels);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const i = (y * width + x) * channels;
      pixels[i] = Math.floor((x / width) * 255 + seed * 37) & 0xff;
      pixels[i + 1] = Math.floor((y / height) * 255 + seed * 91) & 0xff;
      pixels[i + 2] = (128 + seed * 53) & 0xff;
    }
  }
  // The gradient repeats every 256 seeds: above that, a band of the top rows carries the rest of the
  // seed in blocks, so every seed gives its own picture (and hash) after JPEG compression.
  const high = Math.floor(seed / 256);
  if (high > 0) stampSeed(pixels, width, Math.min(16, height), high);
  const image = sharp(pixels, { raw: { width, height, channels } });
  const encoded = format === "png" ? await image.png().toBuffer() : await image.jpeg({ quality: 85 }).toBuffer();
  return scenario ? writeImageScenarioMarker(encoded, scenario) : encoded;
}

export type SampleVideoOptions = {
  width?: number;
  height?: number;
  durationS?: number;
  fps?: number;
  scenario?: string;
  /** Varies the picture so unmarked samples hash differently. */
  seed?: number;
};

/** An H.264 mp4 from ffmpeg's testsrc2 pattern, optionally tagged `comment=sandbox:<scenario>`. */
export async function createSampleVideo(options: SampleVideoOptions = {}): Promise<Buffer> {
  const { width = 1280, height = 720, durationS = 5, fps = 30, scenario, seed = 0 } = options;
  const dir = await mkdtemp(path.join(tmpdir(), "verdict-video-"));
  try {
    const output = path.join(dir, "sample.mp4");
    const args = [
      "-f",
      "lavfi",
      "-i",
      `testsrc2=size=${width}x${height}:rate=${fps}`,
      "-t",
      String(durationS),
      "-vf",
      `hue=h=${(seed * 47) % 360}`,
      "-c:v",
      "libx264",
      "-preset",
      "ultrafast",
      "-pix_fmt",
      "yuv420p",
      "-movflags",
      "+faststart",
    ];
    if (scenario) args.push("-metadata", `comment=${MARKER_PREFIX}${scenario}`);
    args.push(output);
    await runFfmpeg(args);
    return await readFile(output);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
