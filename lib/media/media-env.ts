import { readEnv, type Env } from "@/lib/config/env";

// The variables the media layer reads (declared, with their defaults, in lib/config/env.ts).
export type MediaEnv = Pick<
  Env,
  | "FFMPEG_PATH"
  | "FFPROBE_PATH"
  | "MEDIA_PROBE_TIMEOUT_MS"
  | "MEDIA_FRAME_TIMEOUT_MS"
  | "MEDIA_MAX_BYTES"
  | "MEDIA_MAX_IMAGE_PIXELS"
  | "S3_BUCKET"
  | "S3_ENDPOINT"
  | "S3_REGION"
  | "S3_ACCESS_KEY_ID"
  | "S3_SECRET_ACCESS_KEY"
  | "S3_FORCE_PATH_STYLE"
>;

// Read on every call (cheaply: parsed again only when a variable changed), so tests and
// long-running workers see the current environment.
export function getMediaEnv(source: Record<string, string | undefined> = process.env): MediaEnv {
  return readEnv(source);
}
