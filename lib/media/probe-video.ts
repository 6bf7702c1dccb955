import { z } from "zod";
import { getMediaEnv } from "@/lib/media/media-env";
import { ToolMissingError, runTool } from "@/lib/media/run-tool";
import { withTempFile } from "@/lib/media/with-temp-file";

export interface VideoFacts {
  probed: true;
  durationMs: number;
  fps: number | null;
  // Display size: rotation metadata (phone videos) already applied.
  width: number;
  height: number;
  codec: string;
}

export interface VideoNotProbed {
  probed: false;
  warning: string;
}

export type VideoProbe = VideoFacts | VideoNotProbed;

export interface ToolPaths {
  ffmpegPath?: string;
  ffprobePath?: string;
}

export const FFPROBE_MISSING_WARNING = "ffprobe not installed: video duration and thumbnails unavailable";

const numberish = z.union([z.number(), z.string()]).transform(Number).pipe(z.number());
const ffprobeOutputSchema = z.object({
  streams: z
    .array(
      z.object({
        codec_type: z.string().optional(),
        codec_name: z.string().optional(),
        width: z.number().int().positive().optional(),
        height: z.number().int().positive().optional(),
        avg_frame_rate: z.string().optional(),
        r_frame_rate: z.string().optional(),
        duration: numberish.optional(),
        tags: z.record(z.string(), z.string()).optional(),
        side_data_list: z.array(z.object({ rotation: numberish.optional() }).loose()).optional(),
      }).loose(),
    )
    .default([]),
  format: z.object({ duration: numberish.optional(), format_name: z.string().optional() }).loose().optional(),
});

// "30000/1001" → 29.97; "0/0" (unknown) → null.
export function parseFrameRate(rate: string | undefined): number | null {
  if (!rate) return null;
  const [num, den] = rate.split("/").map(Number);
  const value = den === undefined ? num : num / den;
  return Number.isFinite(value) && value > 0 ? Math.round(value * 1000) / 1000 : null;
}

/** Reads the facts of ffprobe's JSON answer; throws when there is no usable video stream. */
export function readVideoFacts(json: unknown): VideoFacts {
  const output = ffprobeOutputSchema.parse(json);
  const stream = output.streams.find((s) => s.codec_type === "video" && s.width && s.height);
  if (!stream?.width || !stream.height) throw new Error("the file has no video stream");
  const seconds = stream.duration ?? output.format?.duration;
  if (seconds === undefined || seconds <= 0) throw new Error("the video's duration is unknown");
  const rotation = stream.side_data_list?.find((d) => d.rotation !== undefined)?.rotation ?? Number(stream.tags?.rotate ?? 0);
  const quarterTurn = Math.abs(Math.round(rotation / 90)) % 2 === 1;
  return {
    probed: true,
    durationMs: Math.round(seconds * 1000),
    fps: parseFrameRate(stream.avg_frame_rate) ?? parseFrameRate(stream.r_frame_rate),
    width: quarterTurn ? stream.height : stream.width,
    height: quarterTurn ? stream.width : stream.height,
    codec: stream.codec_name ?? "unknown",
  };
}

/**
 * Duration, frame rate, size and codec of a video file with ffprobe. The input format is forced to
 * the MP4/QuickTime demuxer (the type was sniffed already), so a crafted file cannot make ffprobe
 * read playlists or other files. A missing ffprobe gives `{ probed: false, warning }`; a file
 * ffprobe cannot read throws.
 */
export async function probeVideoFile(filePath: string, tools: ToolPaths = {}): Promise<VideoProbe> {
  const env = getMediaEnv();
  const ffprobe = tools.ffprobePath ?? env.FFPROBE_PATH;
  const args = ["-v", "error", "-protocol_whitelist", "file", "-f", "mov", "-print_format", "json", "-show_streams", "-show_format", filePath];
  try {
    const { stdout } = await runTool(ffprobe, args, { timeoutMs: env.MEDIA_PROBE_TIMEOUT_MS, maxStdoutBytes: 1024 * 1024 });
    return readVideoFacts(JSON.parse(stdout.toString("utf8")));
  } catch (error) {
    if (error instanceof ToolMissingError) return { probed: false, warning: FFPROBE_MISSING_WARNING };
    throw error;
  }
}

export function probeVideo(bytes: Uint8Array, ext: string, tools: ToolPaths = {}): Promise<VideoProbe> {
  return withTempFile(bytes, ext, (filePath) => probeVideoFile(filePath, tools));
}
