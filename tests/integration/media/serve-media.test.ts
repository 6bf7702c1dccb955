import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/audit/record-audit-event";
import { db, disconnectDb } from "@/lib/db";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { generateThumbnails } from "@/lib/media/generate-thumbnails";
import { serveOriginalMedia, serveThumbnail } from "@/lib/media/serve-media";
import { makeImage, makeVideo } from "@/tests/unit/media/support/make-test-media";
import { seedVerificationWithMedia } from "./support/seed-media";

// The responses behind app/api/media/**; authentication and roles are the routes' (see tests/e2e/media.spec.ts).
afterAll(() => disconnectDb());

const actor: Actor = { kind: "cli", label: "media-test" };
const viewer = { actor, role: "operator" as const };
// The `viewer` role: list thumbnails only.
const viewerRole = { actor: { kind: "cli", label: "media-test-viewer" } as Actor, role: "viewer" as const };
const request = (headers: Record<string, string> = {}) => new Request("http://verdict.test/api/media/x", { headers });

let image: Buffer;
let video: Buffer;
let imageMediaId: string;
let videoMediaId: string;
let verificationId: string;

beforeAll(async () => {
  image = await makeImage("png", 120, 80);
  video = makeVideo({ seconds: 1 });
  const seeded = await seedVerificationWithMedia(
    [
      { role: "id_image", bytes: image },
      { role: "video", bytes: video },
    ],
    { checkType: "liveness_video" },
  );
  verificationId = seeded.verification.id;
  imageMediaId = seeded.media.find((m) => m.role === "id_image")!.id;
  videoMediaId = seeded.media.find((m) => m.role === "video")!.id;
});

const viewsOf = (mediaId: string) => db.auditEvent.findMany({ where: { action: "media.viewed", targetType: "media", targetId: mediaId }, orderBy: { id: "asc" } });

describe("serveOriginalMedia", () => {
  it("serves the bytes with the sniffed type and private cache headers, and audits the view", async () => {
    const response = await serveOriginalMedia(request(), imageMediaId, viewer);
    expect(response.status).toBe(200);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      "content-type": "image/png",
      "content-length": String(image.length),
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
      "content-disposition": 'inline; filename="id_image.png"',
      "accept-ranges": "bytes",
    });
    expect(Buffer.from(await response.arrayBuffer()).equals(image)).toBe(true);
    const views = await viewsOf(imageMediaId);
    expect(views).toHaveLength(1);
    expect(views[0]).toMatchObject({ actorLabel: "cli:media-test", after: { verificationId, role: "id_image", kind: "original", viewerRole: "operator" } });
  });

  it("serves a byte range of a video with 206 and audits it too", async () => {
    const response = await serveOriginalMedia(request({ Range: "bytes=0-99" }), videoMediaId, viewer);
    expect(response.status).toBe(206);
    expect(response.headers.get("content-type")).toBe("video/mp4");
    expect(response.headers.get("content-range")).toBe(`bytes 0-99/${video.length}`);
    expect(Buffer.from(await response.arrayBuffer()).equals(video.subarray(0, 100))).toBe(true);
    const views = await viewsOf(videoMediaId);
    expect(views.at(-1)?.after).toMatchObject({ role: "video", range: "0-99" });
  });

  it("answers 416 to a range past the end, without serving or auditing", async () => {
    const before = (await viewsOf(videoMediaId)).length;
    const response = await serveOriginalMedia(request({ Range: `bytes=${video.length}-` }), videoMediaId, viewer);
    expect(response.status).toBe(416);
    expect(response.headers.get("content-range")).toBe(`bytes */${video.length}`);
    expect((await viewsOf(videoMediaId)).length).toBe(before);
  });

  it("refuses an unknown media id with NotFound and audits nothing", async () => {
    const unknown = randomUUID();
    await expect(serveOriginalMedia(request(), unknown, viewer)).rejects.toBeInstanceOf(NotFoundError);
    expect(await viewsOf(unknown)).toHaveLength(0);
  });
});

describe("serveThumbnail", () => {
  it("is NotFound until generated, then WebP that no cache keeps", async () => {
    await expect(serveThumbnail(imageMediaId, "thumb", 0, viewer)).rejects.toThrow("The thumb thumbnail of this media is not generated yet.");
    await generateThumbnails((await db.media.findUniqueOrThrow({ where: { id: imageMediaId } })).sha256!);
    const response = await serveThumbnail(imageMediaId, "thumb", 0, viewer);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/webp");
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(0);
  });

  it("serves filmstrip frames by position and refuses a position on other kinds", async () => {
    await generateThumbnails((await db.media.findUniqueOrThrow({ where: { id: videoMediaId } })).sha256!);
    expect((await serveThumbnail(videoMediaId, "filmstrip", 7, viewer)).status).toBe(200);
    await expect(serveThumbnail(videoMediaId, "poster", 3, viewer)).rejects.toBeInstanceOf(ValidationError);
    await expect(serveThumbnail(imageMediaId, "poster", 0, viewer)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("gives a viewer list thumbnails (≤ 256 px) unaudited, and 403 on a preview or a poster", async () => {
    const before = (await viewsOf(imageMediaId)).length;
    expect((await serveThumbnail(imageMediaId, "thumb", 0, viewerRole)).status).toBe(200);
    expect((await serveThumbnail(videoMediaId, "filmstrip", 0, viewerRole)).status).toBe(200);
    await expect(serveThumbnail(imageMediaId, "preview", 0, viewerRole)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(serveThumbnail(videoMediaId, "poster", 0, viewerRole)).rejects.toBeInstanceOf(ForbiddenError);
    expect((await viewsOf(imageMediaId)).length).toBe(before);
    expect(await viewsOf(videoMediaId)).not.toContainEqual(expect.objectContaining({ actorLabel: "cli:media-test-viewer" }));
  });

  it("audits every preview and poster view by the roles that may see them", async () => {
    const before = (await viewsOf(imageMediaId)).length;
    const preview = await serveThumbnail(imageMediaId, "preview", 0, viewer);
    expect(preview.status).toBe(200);
    expect(preview.headers.get("cache-control")).toBe("private, no-store");
    expect((await serveThumbnail(videoMediaId, "poster", 0, viewer)).status).toBe(200);
    const views = await viewsOf(imageMediaId);
    expect(views).toHaveLength(before + 1);
    expect(views.at(-1)).toMatchObject({ actorLabel: "cli:media-test", after: { verificationId, role: "id_image", kind: "preview", width: 120, height: 80, viewerRole: "operator" } });
    expect((await viewsOf(videoMediaId)).at(-1)).toMatchObject({ after: { role: "video", kind: "poster" } });
  });
});
