import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { randomUUID } from "node:crypto";
import path from "node:path";
import sharp from "sharp";

// Real media made on the spot (sharp, ffmpeg), so tests never depend on checked-in binaries.
// Each file carries a random EXIF/metadata tag: its sha256 is new on every run, so tests that
// store blobs never meet the thumbnails of an earlier run.
const uniqueTag = () => ({ IFD0: { ImageDescription: `verdict-test ${randomUUID()}` } });

export function makeImage(format: "jpeg" | "png" | "webp" | "gif", width = 300, height = 200): Promise<Buffer> {
  const image = sharp({ create: { width, height, channels: 3, background: { r: 200, g: 120, b: 40 } } });
  return (format === "gif" ? image : image.withExif(uniqueTag())).toFormat(format).toBuffer();
}

// A landscape-stored JPEG whose EXIF says "rotate 90° clockwise to display" (how phones save portraits).
export async function makeRotatedJpeg(storedWidth = 300, storedHeight = 200): Promise<Buffer> {
  // Left half red, right half blue, so a test can tell which way the pixels were turned.
  const half = Math.floor(storedWidth / 2);
  const red = await sharp({ create: { width: half, height: storedHeight, channels: 3, background: { r: 255, g: 0, b: 0 } } }).png().toBuffer();
  return sharp({ create: { width: storedWidth, height: storedHeight, channels: 3, background: { r: 0, g: 0, b: 255 } } })
    .composite([{ input: red, left: 0, top: 0 }])
    .withMetadata({ orientation: 6 })
    .withExifMerge(uniqueTag())
    .jpeg()
    .toBuffer();
}

/** An H.264 MP4 (or QuickTime .mov) from ffmpeg's test pattern source. */
export function makeVideo(options: { seconds?: number; size?: string; rate?: number; container?: "mp4" | "mov" } = {}): Buffer {
  const { seconds = 2, size = "320x240", rate = 25, container = "mp4" } = options;
  const dir = mkdtempSync(path.join(tmpdir(), "verdict-test-video-"));
  try {
    const out = path.join(dir, `clip.${container}`);
    execFileSync(
      "ffmpeg",
      ["-v", "error", "-nostdin", "-f", "lavfi", "-i", `testsrc2=size=${size}:rate=${rate}`, "-t", String(seconds), "-c:v", "libx264", "-pix_fmt", "yuv420p", "-metadata", `comment=verdict-test ${randomUUID()}`, out],
      { stdio: ["ignore", "ignore", "pipe"] },
    );
    return readFileSync(out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const NOT_INSTALLED = "/nonexistent/verdict-test/ffmpeg-missing";
