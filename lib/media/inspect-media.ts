import { ValidationError } from "@/lib/errors";
import type { MediaRole } from "@/lib/generated/prisma/enums";
import { sha256Hex } from "@/lib/media/hash-bytes";
import { inspectImage } from "@/lib/media/inspect-image";
import { getMediaEnv } from "@/lib/media/media-env";
import type { SniffedType } from "@/lib/media/media-types";
import { probeVideo, type ToolPaths } from "@/lib/media/probe-video";
import { sniffMediaType } from "@/lib/media/sniff-media-type";

export interface MediaFacts extends SniffedType {
  sha256: string;
  size: number;
  width: number | null;
  height: number | null;
  durationMs: number | null;
  fps: number | null;
  codec: string | null;
  // False when a video could not be probed (ffprobe missing); `warning` says why.
  probed: boolean;
  warning: string | null;
}

/**
 * Everything the server knows about an uploaded file before storing it: the sniffed type, its
 * hash, and its size/duration. Throws a ValidationError keyed by the role for a file that is too
 * large, of a type not accepted, or that does not decode. A missing ffprobe is not an error: the
 * facts come back with `probed: false` and a warning.
 */
export async function inspectMedia(bytes: Uint8Array, role?: MediaRole, tools: ToolPaths = {}): Promise<MediaFacts> {
  const label = role ?? "file";
  const invalid = (detail: string) => new ValidationError(`${label}: ${detail}`, { [label]: [`${label}: ${detail}`] });
  // Read once: the environment is parsed on every read (lib/config/env.ts).
  const { MEDIA_MAX_BYTES: maxBytes, MEDIA_MAX_IMAGE_PIXELS: maxPixels } = getMediaEnv();
  if (bytes.length > maxBytes) throw invalid(`the file is ${formatBytes(bytes.length)}; at most ${formatBytes(maxBytes)} is accepted.`);

  const type = await sniffMediaType(bytes, role);
  const base = { ...type, sha256: sha256Hex(bytes), size: bytes.length };

  if (type.kind === "image") {
    const image = await inspectImage(bytes, maxPixels).catch((error: unknown) => {
      throw invalid(`the ${type.ext.toUpperCase()} image could not be read (${messageOf(error)}).`);
    });
    return { ...base, width: image.width, height: image.height, durationMs: null, fps: null, codec: null, probed: true, warning: null };
  }

  const video = await probeVideo(bytes, type.ext, tools).catch((error: unknown) => {
    throw invalid(`the video could not be read (${messageOf(error)}).`);
  });
  if (!video.probed) {
    return { ...base, width: null, height: null, durationMs: null, fps: null, codec: null, probed: false, warning: video.warning };
  }
  return { ...base, width: video.width, height: video.height, durationMs: video.durationMs, fps: video.fps, codec: video.codec, probed: true, warning: null };
}

function messageOf(error: unknown) {
  return error instanceof Error ? error.message : String(error);
}

export function formatBytes(bytes: number) {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
