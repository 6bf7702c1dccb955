import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { detectMediaFormat, readScenarioMarker, writeImageScenarioMarker, writeScenarioMarker } from "@/lib/sandbox/media-marker";
import { readMp4DurationSeconds, readMp4VideoSize } from "@/lib/media/mp4-boxes";
import { createSampleImage, createSampleVideo } from "@/lib/sandbox/sample-media";
import { HASH_MIX, pickScenario } from "@/lib/sandbox/scenario-selection";

describe("image markers (pure JS)", () => {
  for (const format of ["jpg", "png"] as const) {
    it(`${format}: write → read round trip, still decodable, replaces an earlier marker`, async () => {
      const plain = await createSampleImage({ width: 40, height: 30, format });
      expect(readScenarioMarker(plain)).toBeNull();
      const marked = writeImageScenarioMarker(plain, "spoof");
      expect(readScenarioMarker(marked)).toBe("spoof");
      const remarked = await writeScenarioMarker(marked, "no_face");
      expect(readScenarioMarker(remarked)).toBe("no_face");
      expect(remarked.length).toBe(marked.length + 2); // "no_face" is 2 bytes longer than "spoof", one marker only
      const decoded = await sharp(remarked).raw().toBuffer({ resolveWithObject: true });
      expect(decoded.info).toMatchObject({ width: 40, height: 30 });
      expect(decoded.data.equals(await sharp(plain).raw().toBuffer())).toBe(true);
    });
  }

  it("keeps other comments and marks images written by other tools", async () => {
    const jpeg = await sharp({ create: { width: 8, height: 8, channels: 3, background: "#888" } }).jpeg().toBuffer();
    const note = Buffer.from("made by a camera");
    const withComment = Buffer.concat([jpeg.subarray(0, 2), Buffer.from([0xff, 0xfe, 0, note.length + 2]), note, jpeg.subarray(2)]);
    const marked = writeImageScenarioMarker(withComment, "mask");
    expect(readScenarioMarker(marked)).toBe("mask");
    expect(marked.includes(note)).toBe(true);
    const png = await sharp({ create: { width: 8, height: 8, channels: 4, background: "#123456" } }).png().toBuffer();
    expect(readScenarioMarker(writeImageScenarioMarker(png, "hat"))).toBe("hat");
  });

  it("rejects bad scenario names and unknown formats", async () => {
    const image = await createSampleImage({ width: 8, height: 8 });
    expect(() => writeImageScenarioMarker(image, "Bad Name")).toThrow(/invalid scenario name/);
    expect(() => writeImageScenarioMarker(Buffer.from("GIF89a"), "pass")).toThrow(/JPEG or PNG/);
    expect(readScenarioMarker(Buffer.from("random bytes"))).toBeNull();
    expect(detectMediaFormat(Buffer.alloc(0))).toBe("unknown");
  });
});

describe("mp4 markers (ffmpeg writes, pure JS reads the atoms)", () => {
  it("round trip, duration and size", async () => {
    const video = await createSampleVideo({ width: 160, height: 120, fps: 5, durationS: 5, scenario: "deepfake" });
    expect(detectMediaFormat(video)).toBe("mp4");
    expect(readScenarioMarker(video)).toBe("deepfake");
    expect(readMp4DurationSeconds(video)).toBeCloseTo(5, 1);
    expect(readMp4VideoSize(video)).toEqual({ width: 160, height: 120 });
    const remarked = await writeScenarioMarker(video, "still_image");
    expect(readScenarioMarker(remarked)).toBe("still_image");
    const plain = await createSampleVideo({ width: 160, height: 120, fps: 5, durationS: 1 });
    expect(readScenarioMarker(plain)).toBeNull();
  });
});

describe("scenario selection", () => {
  const names = ["pass", "borderline", "spoof", "deepfake"] as const;
  const mix = { pass: "pass", review: "borderline", fail: "spoof" } as const;

  it("a marker wins; unknown markers fall back to the hash", async () => {
    const marked = await createSampleImage({ width: 8, height: 8, scenario: "deepfake" });
    expect(pickScenario([marked], names, mix)).toMatchObject({ scenario: "deepfake", source: "marker" });
    const unknown = await createSampleImage({ width: 8, height: 8, scenario: "not_a_scenario" });
    expect(pickScenario([unknown], names, mix).source).toBe("hash");
  });

  it("unmarked media: deterministic, and the documented mix (80/10/10)", () => {
    const counts = { pass: 0, borderline: 0, spoof: 0 };
    for (let i = 0; i < 2000; i += 1) {
      const picked = pickScenario([Buffer.from(`media-${i}`)], names, mix);
      expect(pickScenario([Buffer.from(`media-${i}`)], names, mix)).toEqual(picked);
      counts[picked.scenario as keyof typeof counts] += 1;
    }
    expect(counts.pass / 2000).toBeCloseTo(HASH_MIX.pass, 1);
    expect(counts.borderline / 2000).toBeCloseTo(HASH_MIX.review, 1);
    expect(counts.spoof / 2000).toBeCloseTo(HASH_MIX.fail, 1);
  });
});
