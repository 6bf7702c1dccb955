import { extractVideoFrame } from "@/lib/media/extract-video-frame";
import { probeVideoFile } from "@/lib/media/probe-video";
import { ToolMissingError } from "@/lib/media/run-tool";
import { withTempFile } from "@/lib/media/with-temp-file";

// Frames evenly spread through a video, by ffmpeg (lib/media: no shell, a timeout, local files only).

const FRAME_SIDE = 1024;

export type SampledFrames = { ok: true; frames: Array<{ atMs: number; png: Buffer }> } | { ok: false; error: string };

/** The frames' times: the middles of `count` equal slices of the video. */
export function frameTimesMs(durationMs: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => Math.round((durationMs * (i + 0.5)) / count));
}

export async function sampleVideoFrames(bytes: Uint8Array, count: number): Promise<SampledFrames> {
  try {
    return await withTempFile(bytes, "mp4", async (file) => {
      const probe = await probeVideoFile(file);
      if (!probe.probed) return { ok: false, error: probe.warning };
      const frames: Array<{ atMs: number; png: Buffer }> = [];
      for (const atMs of frameTimesMs(probe.durationMs, count)) frames.push({ atMs, png: await extractVideoFrame(file, atMs / 1000, FRAME_SIDE) });
      return { ok: true, frames };
    });
  } catch (error) {
    if (error instanceof ToolMissingError) return { ok: false, error: "ffmpeg is not installed: the engine cannot read videos" };
    return { ok: false, error: `the video could not be read: ${error instanceof Error ? error.message : String(error)}` };
  }
}
