import sharp from "sharp";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { ZodError } from "zod";
import { db, disconnectDb } from "@/lib/db";
import { FFMPEG_MISSING_WARNING } from "@/lib/media/extract-video-frame";
import { generateThumbnails, handleThumbnailJob } from "@/lib/media/generate-thumbnails";
import { FFPROBE_MISSING_WARNING } from "@/lib/media/probe-video";
import { NOT_INSTALLED, makeImage, makeRotatedJpeg, makeVideo } from "@/tests/unit/media/support/make-test-media";
import { seedVerificationWithMedia } from "./support/seed-media";

afterAll(() => disconnectDb());
afterEach(() => vi.unstubAllEnvs());

async function thumbnailsOf(sha256: string) {
  return db.thumbnail.findMany({ where: { sha256 }, omit: { data: false }, orderBy: [{ kind: "asc" }, { position: "asc" }] });
}

describe("image thumbnails", () => {
  it("come out rotated by the EXIF orientation, without metadata, as WebP", async () => {
    // Stored 300×200 with orientation 6: displayed 200 wide, 300 high; the stored left half is red.
    const { media } = await seedVerificationWithMedia([{ role: "selfie", bytes: await makeRotatedJpeg(300, 200) }], { withFacts: false });
    const { sha256 } = media[0];
    const report = await generateThumbnails(sha256);
    expect(report.warnings).toEqual([]);
    expect(report.created).toEqual([{ kind: "thumb", position: 0 }, { kind: "preview", position: 0 }]);

    const [thumb, preview] = [...(await thumbnailsOf(sha256))].sort((a, b) => (a.kind === "thumb" ? -1 : b.kind === "thumb" ? 1 : 0));
    expect(thumb).toMatchObject({ kind: "thumb", mime: "image/webp", width: 128, height: 128 });
    expect(preview).toMatchObject({ kind: "preview", mime: "image/webp", width: 200, height: 300 });

    const previewMeta = await sharp(preview.data).metadata();
    expect(previewMeta).toMatchObject({ format: "webp", width: 200, height: 300 });
    expect(previewMeta.exif).toBeUndefined();
    expect(previewMeta.orientation).toBeUndefined();
    // Turned 90° clockwise, the stored left (red) half is now on top.
    const { data, info } = await sharp(preview.data).raw().toBuffer({ resolveWithObject: true });
    const pixel = (x: number, y: number) => [...data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3)];
    expect(pixel(100, 20)[0]).toBeGreaterThan(200);
    expect(pixel(100, 20)[2]).toBeLessThan(60);
    expect(pixel(100, 280)[2]).toBeGreaterThan(200);

    // The media row learns its displayed size.
    expect(await db.media.findUniqueOrThrow({ where: { id: media[0].id } })).toMatchObject({ width: 200, height: 300 });
  });

  it("scales a large image's preview to 1024 px on the long side, and is idempotent", async () => {
    const { media } = await seedVerificationWithMedia([{ role: "selfie", bytes: await makeImage("png", 2000, 1500) }]);
    const { sha256 } = media[0];
    await generateThumbnails(sha256);
    const preview = await db.thumbnail.findUniqueOrThrow({ where: { sha256_kind_position: { sha256, kind: "preview", position: 0 } } });
    expect([preview.width, preview.height]).toEqual([1024, 768]);

    const again = await generateThumbnails(sha256);
    expect(again.created).toEqual([]);
    expect(again.skipped).toHaveLength(2);
    expect(await db.thumbnail.count({ where: { sha256 } })).toBe(2);
  });

  it("one set of thumbnails serves every media row with the same bytes", async () => {
    const bytes = await makeImage("jpeg");
    const first = await seedVerificationWithMedia([{ role: "image1", bytes }], { checkType: "face_match" });
    const second = await seedVerificationWithMedia([{ role: "image2", bytes }], { checkType: "face_match" });
    expect(first.media[0].sha256).toBe(second.media[0].sha256);
    await generateThumbnails(first.media[0].sha256);
    expect((await generateThumbnails(second.media[0].sha256)).created).toEqual([]);
    expect(await db.thumbnail.count({ where: { sha256: first.media[0].sha256 } })).toBe(2);
  });
});

describe("video thumbnails", () => {
  let video: Buffer;
  beforeAll(() => {
    video = makeVideo({ seconds: 2, size: "320x240", rate: 25 });
  });

  it("make a poster and an 8-frame filmstrip, and write duration/fps/size to the media rows", async () => {
    const { media } = await seedVerificationWithMedia([{ role: "video", bytes: video }], { checkType: "liveness_video", withFacts: false });
    const { sha256, id } = media[0];
    const report = await generateThumbnails(sha256);
    expect(report.warnings).toEqual([]);
    expect(report.mediaUpdated).toBe(1);

    const thumbnails = await thumbnailsOf(sha256);
    const poster = thumbnails.filter((t) => t.kind === "poster");
    const strip = thumbnails.filter((t) => t.kind === "filmstrip");
    expect(poster).toHaveLength(1);
    expect(poster[0]).toMatchObject({ mime: "image/webp", width: 320, height: 240, position: 0 });
    expect(strip.map((t) => t.position)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    for (const frame of strip) expect(frame).toMatchObject({ mime: "image/webp", width: 160, height: 120 });
    // testsrc2 moves: frames taken at different times differ.
    expect(new Set(strip.map((t) => Buffer.from(t.data).toString("base64"))).size).toBe(8);
    expect((await sharp(poster[0].data).metadata()).format).toBe("webp");

    expect(await db.media.findUniqueOrThrow({ where: { id } })).toMatchObject({ durationMs: 2000, fps: 25, width: 320, height: 240 });

    const again = await generateThumbnails(sha256);
    expect(again).toMatchObject({ created: [], mediaUpdated: 0, warnings: [] });
    expect(again.skipped).toHaveLength(9);
    expect(await db.thumbnail.count({ where: { sha256 } })).toBe(9);
  });

  it("without ffmpeg: no thumbnails and a clear warning, but ffprobe's facts are written; a later run fills in", async () => {
    const bytes = makeVideo({ seconds: 1 });
    const { media } = await seedVerificationWithMedia([{ role: "video", bytes }], { checkType: "liveness_video", withFacts: false });
    const { sha256, id } = media[0];
    const report = await generateThumbnails(sha256, { tools: { ffmpegPath: NOT_INSTALLED } });
    expect(report.warnings).toEqual([FFMPEG_MISSING_WARNING]);
    expect(report.created).toEqual([]);
    expect(await db.thumbnail.count({ where: { sha256 } })).toBe(0);
    expect(await db.media.findUniqueOrThrow({ where: { id } })).toMatchObject({ durationMs: 1000, fps: 25 });

    // ffmpeg installed later: the same job fills in what is missing.
    const later = await generateThumbnails(sha256);
    expect(later.created).toHaveLength(9);
  });

  it("without ffprobe: a poster from the first frame, no filmstrip (no duration to space it by), and the warning", async () => {
    const bytes = makeVideo({ seconds: 1 });
    const { media } = await seedVerificationWithMedia([{ role: "video", bytes }], { checkType: "liveness_video", withFacts: false });
    const { sha256 } = media[0];
    const report = await generateThumbnails(sha256, { tools: { ffprobePath: NOT_INSTALLED } });
    expect(report.warnings).toEqual([FFPROBE_MISSING_WARNING]);
    expect(report.created).toEqual([{ kind: "poster", position: 0 }]);
    expect(report.mediaUpdated).toBe(0);
  });

  it("without ffmpeg and ffprobe: both warnings, nothing written, no exception (also via FFMPEG_PATH/FFPROBE_PATH)", async () => {
    const bytes = makeVideo({ seconds: 1 });
    const { media } = await seedVerificationWithMedia([{ role: "video", bytes }], { checkType: "liveness_video", withFacts: false });
    const { sha256, id } = media[0];
    vi.stubEnv("FFMPEG_PATH", NOT_INSTALLED);
    vi.stubEnv("FFPROBE_PATH", NOT_INSTALLED);
    const report = await handleThumbnailJob({ sha256 });
    expect(report.warnings).toEqual([FFPROBE_MISSING_WARNING, FFMPEG_MISSING_WARNING]);
    expect(report.created).toEqual([]);
    expect(await db.thumbnail.count({ where: { sha256 } })).toBe(0);
    expect(await db.media.findUniqueOrThrow({ where: { id } })).toMatchObject({ durationMs: null, fps: null });
  });
});

describe("handleThumbnailJob", () => {
  it("refuses a malformed job payload", async () => {
    await expect(handleThumbnailJob({ sha256: "../../etc/passwd" })).rejects.toBeInstanceOf(ZodError);
    await expect(handleThumbnailJob(null)).rejects.toBeInstanceOf(ZodError);
  });

  it("reports an unknown blob as a warning (nothing to retry)", async () => {
    const report = await handleThumbnailJob({ sha256: "f".repeat(64) });
    expect(report.warnings).toEqual([`no blob with sha256 ${"f".repeat(64)}`]);
  });
});
