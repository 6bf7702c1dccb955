import http from "node:http";
import https from "node:https";
import net from "node:net";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { readFixture } from "@/lib/face-engine/face-fixtures";
import { runLocalCheck } from "@/lib/vendors/local/run-local-check";
import type { MediaInput, MediaRole, NormalizedResult } from "@/lib/vendors/types";

// The real engine on real photos (tests/fixtures/faces). Models load once for the whole file.

const jpeg = async (role: MediaRole, fixture: string | Buffer): Promise<MediaInput> => ({
  role,
  bytes: typeof fixture === "string" ? await readFixture(fixture) : fixture,
  mime: "image/jpeg",
  filename: `${role}.jpg`,
});
const grey = () => sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 128, g: 128, b: 128 } } }).jpeg().toBuffer();
const codes = (result: NormalizedResult) => result.reasons.map((r) => r.code);

/** Watches every way a request could leave the process while `work` runs (model loading included). */
async function watchNetwork<T>(work: () => Promise<T>): Promise<{ value: T; attempts: string[] }> {
  const attempts: string[] = [];
  const originals = { fetch: globalThis.fetch, httpRequest: http.request, httpsRequest: https.request, connect: net.Socket.prototype.connect };
  globalThis.fetch = (async (input: Parameters<typeof fetch>[0]) => {
    attempts.push(`fetch ${String(input instanceof Request ? input.url : input)}`);
    throw new Error("network disabled in this test");
  });
  const refuse = (name: string) =>
    ((...args: unknown[]) => {
      attempts.push(`${name} ${JSON.stringify(args[0])}`);
      throw new Error("network disabled in this test");
    }) as never;
  http.request = refuse("http.request");
  https.request = refuse("https.request");
  net.Socket.prototype.connect = function connect(this: net.Socket, ...args: unknown[]) {
    attempts.push(`socket ${JSON.stringify(args[0])}`);
    throw new Error("network disabled in this test");
  };
  try {
    return { value: await work(), attempts };
  } finally {
    globalThis.fetch = originals.fetch;
    http.request = originals.httpRequest;
    https.request = originals.httpsRequest;
    net.Socket.prototype.connect = originals.connect;
  }
}

describe("Verdict's engine on real photos", () => {
  it("loads its models and analyses faces without any network request", async () => {
    const media = [await jpeg("image1", "same-person/example-left.jpg"), await jpeg("image2", "same-person/example-right.jpg")];
    const { value, attempts } = await watchNetwork(() => runLocalCheck({ checkType: "face_match", media }));
    expect(attempts).toEqual([]);
    expect(value.result.outcome).toBe("pass");
  });

  it("face_match: the same person passes, with the similarity on Verdict's scale and the faces found", async () => {
    const { result, analysed } = await runLocalCheck({
      checkType: "face_match",
      media: [await jpeg("image1", "same-person/example-left.jpg"), await jpeg("image2", "same-person/example-right.jpg")],
    });
    expect(result).toMatchObject({ vendor: "local", outcome: "pass", faceMatch: { band: "match", isMatch: true } });
    expect(result.faceMatch!.similarity).toBeGreaterThan(0.7);
    expect(analysed.map((a) => [a.role, a.faces.length])).toEqual([["image1", 1], ["image2", 1]]);
    expect(analysed[0].faces[0].embedding).toHaveLength(1024);
    // The raw answer is the engine's own reading: boxes and similarity, no embeddings.
    expect(result.raw).toMatchObject({ engine: "verdict-local", comparisons: [{ a: "image1", b: "image2" }] });
    expect(JSON.stringify(result.raw)).not.toContain("embedding");
  });

  it("face_match: two different people do not pass", async () => {
    const { result } = await runLocalCheck({
      checkType: "face_match",
      media: [await jpeg("image1", "people/sample3-face1.jpg"), await jpeg("image2", "people/sample6-face2.jpg")],
    });
    expect(result.outcome).not.toBe("pass");
    expect(result.faceMatch!.band).not.toBe("match");
    expect(result.faceMatch!.similarity).toBeLessThan(0.7);
  });

  it("face_match: a picture without a face fails with no_face, naming the file", async () => {
    const { result } = await runLocalCheck({ checkType: "face_match", media: [await jpeg("image1", "people/sample3-face1.jpg"), await jpeg("image2", await grey())] });
    expect(result.outcome).toBe("fail");
    expect(result.reasons).toContainEqual(expect.objectContaining({ code: "no_face", vendorCode: "image2:no_face", category: "quality", severity: "error" }));
    expect(result.faceMatch).toBeUndefined();
  });

  it("liveness_selfie: a good frontal photo passes only with a strong liveness score, and says liveness is advisory", async () => {
    const { result } = await runLocalCheck({ checkType: "liveness_selfie", media: [await jpeg("selfie", "people/sample3-face1.jpg")] });
    expect(result.outcome).toBe("pass");
    expect(codes(result)).toContain("liveness_advisory");
    expect(result.liveness!.score).toBeGreaterThanOrEqual(0.5);
  });

  it("liveness_selfie: a good photo with a weak liveness score goes to review, never a pass", async () => {
    const { result } = await runLocalCheck({ checkType: "liveness_selfie", media: [await jpeg("selfie", "people/sample6-face2.jpg")] });
    expect(result.liveness!.score).toBeLessThan(0.5);
    expect(result.outcome).toBe("review");
    expect(codes(result)).toContain("liveness_low");
  });

  it("liveness_selfie: a dark, blurry picture fails on quality; a picture without a face fails with no_face", async () => {
    const dark = await runLocalCheck({ checkType: "liveness_selfie", media: [await jpeg("selfie", "same-person/yale-4.jpg")] });
    expect(dark.result.outcome).toBe("fail");
    expect(codes(dark.result)).toContain("too_dark");
    const none = await runLocalCheck({ checkType: "liveness_selfie", media: [await jpeg("selfie", "no-face/dog.jpg")] });
    expect(none.result.outcome).toBe("fail");
    expect(codes(none.result)).toEqual(["no_face"]);
  });

  it("liveness_3angle: swapped left and right portraits are caught as pose_mismatch", async () => {
    const turnedRight = await readFixture("people/sample4-face2.jpg");
    const turnedLeft = await sharp(turnedRight).flop().jpeg().toBuffer();
    const { result } = await runLocalCheck({
      checkType: "liveness_3angle",
      media: [await jpeg("portrait_left", turnedRight), await jpeg("portrait_mid", "people/sample5-face1.jpg"), await jpeg("portrait_right", turnedLeft)],
    });
    expect(result.outcome).toBe("fail");
    const mismatched = result.reasons.filter((r) => r.code === "pose_mismatch").map((r) => r.vendorCode);
    expect(mismatched).toEqual(["portrait_left:pose_mismatch", "portrait_right:pose_mismatch"]);
  });

  it("liveness_3angle: angles in the right order pass the pose rule", async () => {
    const turnedRight = await readFixture("people/sample4-face2.jpg");
    const turnedLeft = await sharp(turnedRight).flop().jpeg().toBuffer();
    const { result } = await runLocalCheck({
      checkType: "liveness_3angle",
      media: [await jpeg("portrait_left", turnedLeft), await jpeg("portrait_mid", "people/sample5-face1.jpg"), await jpeg("portrait_right", turnedRight)],
    });
    expect(codes(result)).not.toContain("pose_mismatch");
  });
});
