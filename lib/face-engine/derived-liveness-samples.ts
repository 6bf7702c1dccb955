import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { getMediaEnv } from "@/lib/media/media-env";
import { runTool } from "@/lib/media/run-tool";

// Evaluation material for liveness_3angle and liveness_video, derived from the real still photos
// in tests/fixtures/faces (no real left/mid/right captures or selfie videos ship in any package):
// - a photo mirrored horizontally: the same face with its yaw reversed (a head turned to the
//   person's right becomes one turned to their left), for the pose rule and same-person-across-
//   angles pairs;
// - videos made by ffmpeg from stills: one photo with a slow zoom, several photos of one person
//   in a row, and a splice of two different people.
// What they cannot show is said where they are used (`npm run eval:engine`, the README).

const VIDEO_WIDTH = 480;
const VIDEO_HEIGHT = 640;
const FPS = 25;

/** The photo mirrored left to right, re-encoded as JPEG. */
export function mirrorPhoto(bytes: Uint8Array): Promise<Buffer> {
  return sharp(bytes).flop().jpeg({ quality: 92 }).toBuffer();
}

export interface VideoSegment {
  bytes: Uint8Array;
  seconds: number;
}

/**
 * An H.264 MP4 (480×640, 25 fps) showing each still in turn for its seconds, letterboxed, each with
 * a slow zoom (up to 10 %) so consecutive frames differ as in a capture. Throws when ffmpeg fails.
 */
export async function makeVideoFromStills(segments: VideoSegment[]): Promise<Buffer> {
  if (segments.length === 0) throw new Error("a video needs at least one still");
  const dir = await mkdtemp(path.join(tmpdir(), "verdict-derived-video-"));
  try {
    const inputs: string[] = [];
    const chains: string[] = [];
    for (const [i, segment] of segments.entries()) {
      const file = path.join(dir, `still-${i}.png`);
      // Placed on a dark frame with a margin (the fixtures are tight face crops: a 10 % zoom on
      // the bare crop would push the face past the edge), so the zoom works on the final frame.
      const inner = await sharp(segment.bytes).resize(Math.round(VIDEO_WIDTH * 0.75), Math.round(VIDEO_HEIGHT * 0.75), { fit: "inside" }).png().toBuffer({ resolveWithObject: true });
      const left = Math.floor((VIDEO_WIDTH - inner.info.width) / 2);
      const top = Math.floor((VIDEO_HEIGHT - inner.info.height) / 2);
      const framed = await sharp(inner.data)
        .extend({ left, top, right: VIDEO_WIDTH - inner.info.width - left, bottom: VIDEO_HEIGHT - inner.info.height - top, background: "#202020" })
        .png()
        .toBuffer();
      await writeFile(file, framed);
      const frames = Math.max(1, Math.round(segment.seconds * FPS));
      inputs.push("-i", file);
      chains.push(`[${i}:v]zoompan=z='min(1+0.1*on/${frames},1.1)':x='iw/2-(iw/zoom/2)':y='ih/2-(ih/zoom/2)':d=${frames}:s=${VIDEO_WIDTH}x${VIDEO_HEIGHT}:fps=${FPS},setsar=1[v${i}]`);
    }
    const concat = `${segments.map((_, i) => `[v${i}]`).join("")}concat=n=${segments.length}:v=1:a=0[out]`;
    const out = path.join(dir, "video.mp4");
    const env = getMediaEnv();
    await runTool(env.FFMPEG_PATH, ["-v", "error", "-nostdin", "-y", ...inputs, "-filter_complex", [...chains, concat].join(";"), "-map", "[out]", "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", out], {
      timeoutMs: 60_000,
      maxStdoutBytes: 1024 * 1024,
    });
    return await readFile(out);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
