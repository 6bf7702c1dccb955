import { z } from "zod";

// The environment the media layer reads. Kept here rather than in lib/config/env.ts so workers and
// scripts can use the media layer without the web app's variables; defaults suit a single machine.
const booleanString = z
  .enum(["true", "false", "1", "0"])
  .transform((value) => value === "true" || value === "1");

const mediaEnvSchema = z.object({
  // Looked up on PATH when not absolute; Debian installs them in /usr/bin.
  FFMPEG_PATH: z.string().min(1).default("ffmpeg"),
  FFPROBE_PATH: z.string().min(1).default("ffprobe"),
  // Child processes on untrusted media: killed after this long.
  MEDIA_PROBE_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  MEDIA_FRAME_TIMEOUT_MS: z.coerce.number().int().min(100).default(20_000),
  // The largest file the media layer accepts, whatever a vendor allows (vendor limits are stricter).
  MEDIA_MAX_BYTES: z.coerce.number().int().min(1).default(25 * 1024 * 1024),
  // Decompression-bomb guard for images: width × height.
  MEDIA_MAX_IMAGE_PIXELS: z.coerce.number().int().min(1).default(50_000_000),
  S3_BUCKET: z.string().min(1).optional(),
  S3_ENDPOINT: z.url().optional(),
  S3_REGION: z.string().min(1).default("us-east-1"),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: booleanString.default(true),
});

export type MediaEnv = z.infer<typeof mediaEnvSchema>;

const MEDIA_ENV_KEYS = Object.keys(mediaEnvSchema.shape);
let cached: { key: string; env: MediaEnv } | undefined;

// Read on every call, so tests and long-running workers see the current environment; parsed again
// only when one of its variables changed (it is read for every stored and every sent file).
export function getMediaEnv(source: Record<string, string | undefined> = process.env): MediaEnv {
  const key = JSON.stringify(MEDIA_ENV_KEYS.map((k) => source[k] ?? null));
  if (cached?.key === key) return cached.env;
  const env = parseMediaEnv(source);
  cached = { key, env };
  return env;
}

function parseMediaEnv(source: Record<string, string | undefined>): MediaEnv {
  const blankAsUnset = Object.fromEntries(MEDIA_ENV_KEYS.flatMap((k) => (source[k] === undefined || source[k] === "" ? [] : [[k, source[k]]])));
  const parsed = mediaEnvSchema.safeParse(blankAsUnset);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid media environment: ${problems}`);
  }
  return parsed.data;
}
