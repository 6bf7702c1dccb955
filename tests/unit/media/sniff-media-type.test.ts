import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ValidationError } from "@/lib/errors";
import { sniffMediaType } from "@/lib/media/sniff-media-type";
import { makeImage, makeVideo } from "./support/make-test-media";

let mp4: Buffer;
let mov: Buffer;
const dir = mkdtempSync(path.join(tmpdir(), "verdict-sniff-"));

beforeAll(() => {
  mp4 = makeVideo();
  mov = makeVideo({ container: "mov", seconds: 1 });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function rejection(promise: Promise<unknown>): Promise<ValidationError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ValidationError);
  return error as ValidationError;
}

describe("sniffMediaType", () => {
  it.each([
    ["jpeg", "image/jpeg", "jpg"],
    ["png", "image/png", "png"],
    ["webp", "image/webp", "webp"],
  ] as const)("recognises a real %s image from its bytes", async (format, mime, ext) => {
    const bytes = await makeImage(format);
    await expect(sniffMediaType(bytes, "portrait_mid")).resolves.toEqual({ kind: "image", mime, ext });
  });

  it("recognises an H.264 MP4 and a QuickTime movie", async () => {
    await expect(sniffMediaType(mp4, "video")).resolves.toEqual({ kind: "video", mime: "video/mp4", ext: "mp4" });
    await expect(sniffMediaType(mov, "video")).resolves.toEqual({ kind: "video", mime: "video/quicktime", ext: "mov" });
  });

  it("rejects a text file renamed .jpg, naming the role and what is allowed", async () => {
    const file = path.join(dir, "passport.jpg");
    writeFileSync(file, "this is not a picture, whatever its name says\n");
    const error = await rejection(sniffMediaType(readFileSync(file), "selfie"));
    expect(error.message).toBe("selfie: the file type could not be recognised from its content; expected a JPEG, PNG or WebP image.");
    expect(error.fieldErrors).toEqual({ selfie: [error.message] });
  });

  it("rejects a recognised but unaccepted type (GIF) with its real type", async () => {
    const error = await rejection(sniffMediaType(await makeImage("gif"), "image1"));
    expect(error.message).toBe("image1: the content is image/gif, which is not accepted; expected a JPEG, PNG or WebP image.");
  });

  it("rejects a video sent as a portrait and an image sent as the video", async () => {
    const asPortrait = await rejection(sniffMediaType(mp4, "portrait_left"));
    expect(asPortrait.fieldErrors).toEqual({ portrait_left: ["portrait_left: the content is video/mp4, not an image; expected a JPEG, PNG or WebP image."] });
    const asVideo = await rejection(sniffMediaType(await makeImage("png"), "video"));
    expect(asVideo.fieldErrors).toEqual({ video: ["video: the content is image/png, not a video; expected an MP4 or QuickTime (.mov) video."] });
  });

  it("rejects an empty file", async () => {
    const error = await rejection(sniffMediaType(new Uint8Array(0), "id_image"));
    expect(error.message).toContain("id_image: the file is empty");
  });

  it("accepts any allowed kind when no role is given", async () => {
    await expect(sniffMediaType(mp4)).resolves.toMatchObject({ kind: "video" });
    const error = await rejection(sniffMediaType(Buffer.from("%PDF-1.7\n")));
    expect(error.message).toMatch(/^file: .* expected a JPEG, PNG or WebP image, or an MP4 or QuickTime \(\.mov\) video\.$/);
  });
});
