import { getMediaEnv } from "@/lib/media/media-env";
import { runTool } from "@/lib/media/run-tool";

export const FFMPEG_MISSING_WARNING = "ffmpeg not installed: video poster and filmstrip unavailable";

/**
 * One frame of a video file as PNG, scaled so its long side is at most `maxSide` (never enlarged).
 * Input seeking (-ss before -i) is fast and frame-accurate; the MP4/QuickTime demuxer is forced and
 * only local files may be opened, so a crafted file cannot point ffmpeg elsewhere. Throws
 * ToolMissingError without ffmpeg, ToolFailedError when no frame comes out.
 */
export async function extractVideoFrame(filePath: string, atSeconds: number, maxSide: number, ffmpegPath?: string): Promise<Buffer> {
  const env = getMediaEnv();
  const scale = `scale=w='min(${maxSide},iw)':h='min(${maxSide},ih)':force_original_aspect_ratio=decrease`;
  const args = [
    "-v", "error", "-nostdin",
    "-protocol_whitelist", "file",
    "-f", "mov",
    "-ss", atSeconds.toFixed(3),
    "-i", filePath,
    "-map", "0:v:0",
    "-frames:v", "1",
    "-vf", scale,
    "-f", "image2pipe", "-c:v", "png",
    "pipe:1",
  ];
  const { stdout } = await runTool(ffmpegPath ?? env.FFMPEG_PATH, args, { timeoutMs: env.MEDIA_FRAME_TIMEOUT_MS, maxStdoutBytes: 16 * 1024 * 1024 });
  if (stdout.length === 0) throw new Error(`no frame at ${atSeconds.toFixed(2)} s`);
  return stdout;
}

// Where the poster and the filmstrip frames are taken from.
export function posterSecond(durationMs: number | null): number {
  if (durationMs === null) return 0;
  const seconds = durationMs / 1000;
  return seconds >= 2 ? 1 : seconds / 2;
}

export function filmstripSeconds(durationMs: number, frames: number): number[] {
  const seconds = durationMs / 1000;
  return Array.from({ length: frames }, (_, i) => (seconds * (i + 0.5)) / frames);
}
