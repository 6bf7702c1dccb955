import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { ValidationError } from "@/lib/errors";
import { inspectImage } from "@/lib/media/inspect-image";
import { inspectMedia } from "@/lib/media/inspect-media";
import { FFPROBE_MISSING_WARNING, probeVideo } from "@/lib/media/probe-video";
import { sha256Hex } from "@/lib/media/hash-bytes";
import { NOT_INSTALLED, makeImage, makeRotatedJpeg, makeVideo } from "./support/make-test-media";

let mp4: Buffer;
beforeAll(() => {
  mp4 = makeVideo({ seconds: 2, size: "320x240", rate: 25 });
});
afterEach(() => vi.unstubAllEnvs());

describe("inspectImage", () => {
  it("reports displayed size with EXIF orientation applied, and the stored size", async () => {
    const facts = await inspectImage(await makeRotatedJpeg(300, 200));
    expect(facts).toEqual({ width: 200, height: 300, storedWidth: 300, storedHeight: 200, orientation: 6, format: "jpeg" });
  });

  it("refuses an image over the pixel limit before decoding it", async () => {
    vi.stubEnv("MEDIA_MAX_IMAGE_PIXELS", "10000");
    await expect(inspectImage(await makeImage("png", 200, 100))).rejects.toThrow("the image is 200×100 pixels; at most 10000 pixels are accepted");
  });
});

describe("inspectMedia", () => {
  it("sniffs, hashes and measures an image", async () => {
    const bytes = await makeImage("webp", 640, 480);
    const facts = await inspectMedia(bytes, "selfie");
    expect(facts).toEqual({
      kind: "image", mime: "image/webp", ext: "webp", sha256: sha256Hex(bytes), size: bytes.length,
      width: 640, height: 480, durationMs: null, fps: null, codec: null, probed: true, warning: null,
    });
  });

  it("reads duration, fps, size and codec of a video with ffprobe", async () => {
    const facts = await inspectMedia(mp4, "video");
    expect(facts).toMatchObject({ kind: "video", mime: "video/mp4", width: 320, height: 240, durationMs: 2000, fps: 25, codec: "h264", probed: true, warning: null });
  });

  it("degrades with a warning, not an error, when ffprobe is missing", async () => {
    const facts = await inspectMedia(mp4, "video", { ffprobePath: NOT_INSTALLED });
    expect(facts).toMatchObject({ kind: "video", mime: "video/mp4", durationMs: null, width: null, probed: false, warning: FFPROBE_MISSING_WARNING });
    await expect(probeVideo(mp4, "mp4", { ffprobePath: NOT_INSTALLED })).resolves.toEqual({ probed: false, warning: FFPROBE_MISSING_WARNING });
  });

  it("honours FFPROBE_PATH from the environment", async () => {
    vi.stubEnv("FFPROBE_PATH", NOT_INSTALLED);
    await expect(inspectMedia(mp4, "video")).resolves.toMatchObject({ probed: false, warning: FFPROBE_MISSING_WARNING });
  });

  it("rejects a file larger than MEDIA_MAX_BYTES, naming the role", async () => {
    vi.stubEnv("MEDIA_MAX_BYTES", "1000");
    const error = await inspectMedia(await makeImage("png", 400, 400), "portrait_right").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors?.portrait_right?.[0]).toMatch(/^portrait_right: the file is [\d.]+ KB; at most 1000 bytes is accepted\.$/);
  });

  it("rejects an MP4 whose content is broken", async () => {
    // A valid MP4 header followed by garbage: sniffs as MP4, but ffprobe cannot read it.
    const broken = Buffer.concat([mp4.subarray(0, 32), Buffer.alloc(4096, 0x5a)]);
    const error = await inspectMedia(broken, "video").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).message).toMatch(/^video: the video could not be read \(.+\)\.$/);
  });

  it("rejects a JPEG header with a body that does not decode", async () => {
    const jpeg = await makeImage("jpeg");
    const broken = Buffer.concat([jpeg.subarray(0, 4), Buffer.alloc(2000, 0x11)]);
    const error = await inspectMedia(broken, "image2").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).message).toMatch(/^image2: the JPG image could not be read/);
  });
});
