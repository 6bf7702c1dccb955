import { z } from "zod";
import { db } from "@/lib/db";
import type { ThumbnailKind } from "@/lib/generated/prisma/enums";
import { configuredBlobBackend, readBlobBytes, type BlobBackend } from "@/lib/media/blob-store";
import { FFMPEG_MISSING_WARNING, extractVideoFrame, filmstripSeconds, posterSecond } from "@/lib/media/extract-video-frame";
import { SHA256_PATTERN } from "@/lib/media/hash-bytes";
import { inspectImage, openImage } from "@/lib/media/inspect-image";
import { isImageMime, isVideoMime, VIDEO_TYPES } from "@/lib/media/media-types";
import { probeVideoFile, type ToolPaths, type VideoProbe } from "@/lib/media/probe-video";
import { ToolMissingError } from "@/lib/media/run-tool";
import { withTempFile } from "@/lib/media/with-temp-file";

// What each kind looks like. All thumbnails are WebP without metadata (sharp drops EXIF/GPS unless asked).
export const THUMBNAIL_SPECS = {
  thumb: { size: 128 },
  preview: { maxSide: 1024 },
  poster: { maxSide: 640 },
  filmstrip: { maxSide: 160, frames: 8 },
} as const;

const THUMBNAIL_MIME = "image/webp";

export interface ThumbnailSlot {
  kind: ThumbnailKind;
  position: number;
}

export interface ThumbnailReport {
  sha256: string;
  created: ThumbnailSlot[];
  // Already present before this run.
  skipped: ThumbnailSlot[];
  // Media rows of this sha256 that got their size/duration/fps written.
  mediaUpdated: number;
  // Why something could not be made (ffmpeg missing, a frame that would not decode…).
  warnings: string[];
}

interface RenderedThumbnail extends ThumbnailSlot {
  data: Buffer;
  width: number;
  height: number;
}

const slotKey = (slot: ThumbnailSlot) => `${slot.kind}:${slot.position}`;

function slotsFor(kind: "image" | "video"): ThumbnailSlot[] {
  if (kind === "image") return [{ kind: "thumb", position: 0 }, { kind: "preview", position: 0 }];
  const strip = Array.from({ length: THUMBNAIL_SPECS.filmstrip.frames }, (_, position) => ({ kind: "filmstrip" as const, position }));
  return [{ kind: "poster", position: 0 }, ...strip];
}

async function toWebp(input: Buffer | Uint8Array, slot: ThumbnailSlot): Promise<RenderedThumbnail> {
  let pipeline = openImage(input).rotate();
  if (slot.kind === "thumb") pipeline = pipeline.resize(THUMBNAIL_SPECS.thumb.size, THUMBNAIL_SPECS.thumb.size, { fit: "cover" });
  else {
    const maxSide = THUMBNAIL_SPECS[slot.kind].maxSide;
    pipeline = pipeline.resize(maxSide, maxSide, { fit: "inside", withoutEnlargement: true });
  }
  const { data, info } = await pipeline.webp({ quality: 80 }).toBuffer({ resolveWithObject: true });
  return { ...slot, data, width: info.width, height: info.height };
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Makes the thumbnails of a blob that are not there yet and stores them in PostgreSQL:
 * images → `thumb` (128×128 cover) and `preview` (≤1024 px), EXIF orientation applied;
 * videos → `poster` (≤640 px, at ~1 s) and an 8-frame `filmstrip` (≤160 px), and the duration,
 * fps and size read by ffprobe are written to every Media row of that sha256.
 * Idempotent: kinds already stored are skipped, concurrent runs do not collide. A missing
 * ffmpeg/ffprobe or an undecodable file ends up in `warnings`, never in an exception; database
 * errors do throw (so a job retries).
 */
export async function generateThumbnails(sha256: string, options: { tools?: ToolPaths; backend?: BlobBackend } = {}): Promise<ThumbnailReport> {
  const report: ThumbnailReport = { sha256, created: [], skipped: [], mediaUpdated: 0, warnings: [] };
  const blob = await db.blob.findUnique({ where: { sha256 }, select: { mime: true } });
  if (!blob) {
    report.warnings.push(`no blob with sha256 ${sha256}`);
    return report;
  }
  const kind = isImageMime(blob.mime) ? "image" : isVideoMime(blob.mime) ? "video" : null;
  if (!kind) {
    report.warnings.push(`no thumbnails for ${blob.mime}`);
    return report;
  }

  const existing = await db.thumbnail.findMany({ where: { sha256 }, select: { kind: true, position: true } });
  const present = new Set(existing.map(slotKey));
  const wanted = slotsFor(kind);
  report.skipped = wanted.filter((slot) => present.has(slotKey(slot)));
  const missing = wanted.filter((slot) => !present.has(slotKey(slot)));
  const mediaWithoutFacts = await db.media.count({
    where: { sha256, ...(kind === "video" ? { durationMs: null } : { width: null }) },
  });
  if (missing.length === 0 && mediaWithoutFacts === 0) return report;

  const stored = await readBlobBytes(sha256, options.backend ?? configuredBlobBackend());
  if (!stored) {
    report.warnings.push(`no blob with sha256 ${sha256}`);
    return report;
  }

  const rendered = kind === "image" ? await renderImage(stored.bytes, missing, report) : await renderVideo(stored.bytes, blob.mime, missing, report, options.tools ?? {});

  if (rendered.thumbnails.length > 0) {
    await db.thumbnail.createMany({
      data: rendered.thumbnails.map((t) => ({ sha256, kind: t.kind, position: t.position, mime: THUMBNAIL_MIME, width: t.width, height: t.height, data: new Uint8Array(t.data) })),
      skipDuplicates: true,
    });
    report.created = rendered.thumbnails.map(({ kind: k, position }) => ({ kind: k, position }));
  }
  if (rendered.facts && mediaWithoutFacts > 0) {
    const { count } = await db.media.updateMany({
      where: { sha256, ...(kind === "video" ? { durationMs: null } : { width: null }) },
      data: rendered.facts,
    });
    report.mediaUpdated = count;
  }
  return report;
}

type MediaFactsUpdate = { width: number; height: number; durationMs?: number; fps?: number | null };

async function renderImage(bytes: Uint8Array, missing: ThumbnailSlot[], report: ThumbnailReport) {
  const thumbnails: RenderedThumbnail[] = [];
  let facts: MediaFactsUpdate | null = null;
  try {
    const image = await inspectImage(bytes);
    facts = { width: image.width, height: image.height };
    for (const slot of missing) thumbnails.push(await toWebp(bytes, slot));
  } catch (error) {
    report.warnings.push(`the image could not be decoded: ${message(error)}`);
  }
  return { thumbnails, facts };
}

async function renderVideo(bytes: Uint8Array, mime: string, missing: ThumbnailSlot[], report: ThumbnailReport, tools: ToolPaths) {
  const ext = isVideoMime(mime) ? VIDEO_TYPES[mime] : "mp4";
  return withTempFile(bytes, ext, async (filePath) => {
    const thumbnails: RenderedThumbnail[] = [];
    let probe: VideoProbe;
    try {
      probe = await probeVideoFile(filePath, tools);
    } catch (error) {
      report.warnings.push(`the video could not be probed: ${message(error)}`);
      return { thumbnails, facts: null };
    }
    if (!probe.probed) report.warnings.push(probe.warning);
    const durationMs = probe.probed ? probe.durationMs : null;
    const facts: MediaFactsUpdate | null = probe.probed ? { width: probe.width, height: probe.height, durationMs: probe.durationMs, fps: probe.fps } : null;

    const strip = durationMs === null ? [] : filmstripSeconds(durationMs, THUMBNAIL_SPECS.filmstrip.frames);
    for (const slot of missing) {
      const atSeconds = slot.kind === "poster" ? posterSecond(durationMs) : strip[slot.position];
      // Without ffprobe there is no duration to space the filmstrip by; the poster comes from 0 s.
      if (atSeconds === undefined) continue;
      const spec = THUMBNAIL_SPECS[slot.kind === "poster" ? "poster" : "filmstrip"];
      try {
        const png = await extractVideoFrame(filePath, atSeconds, spec.maxSide, tools.ffmpegPath);
        thumbnails.push(await toWebp(png, slot));
      } catch (error) {
        if (error instanceof ToolMissingError) {
          report.warnings.push(FFMPEG_MISSING_WARNING);
          break;
        }
        report.warnings.push(`${slot.kind} ${slot.position}: ${message(error)}`);
      }
    }
    return { thumbnails, facts };
  });
}

const thumbnailJobSchema = z.object({ sha256: z.string().regex(SHA256_PATTERN, "expected a lowercase hex sha256") });

/** The job handler the queue calls for `{ sha256 }`; returns the report as the job's output. */
export async function handleThumbnailJob(data: unknown): Promise<ThumbnailReport> {
  const { sha256 } = thumbnailJobSchema.parse(data);
  const report = await generateThumbnails(sha256);
  for (const warning of report.warnings) console.warn(`[thumbnails ${sha256.slice(0, 12)}] ${warning}`);
  return report;
}
