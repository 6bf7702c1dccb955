import { describe, expect, it } from "vitest";
import { parseFrameRate, readVideoFacts } from "@/lib/media/probe-video";

const stream = { codec_type: "video", codec_name: "h264", width: 1920, height: 1080, avg_frame_rate: "30000/1001", duration: "4.004000" };

describe("readVideoFacts", () => {
  it("reads ffprobe's JSON", () => {
    expect(readVideoFacts({ streams: [{ codec_type: "audio", codec_name: "aac" }, stream], format: { duration: "4.1" } })).toEqual({
      probed: true, durationMs: 4004, fps: 29.97, width: 1920, height: 1080, codec: "h264",
    });
  });

  it("swaps width and height for a phone video rotated a quarter turn", () => {
    const rotated = { ...stream, side_data_list: [{ side_data_type: "Display Matrix", rotation: -90 }] };
    expect(readVideoFacts({ streams: [rotated] })).toMatchObject({ width: 1080, height: 1920 });
    const tagged = { ...stream, tags: { rotate: "270" } };
    expect(readVideoFacts({ streams: [tagged] })).toMatchObject({ width: 1080, height: 1920 });
  });

  it("falls back to the container's duration", () => {
    const { duration: _omit, ...withoutDuration } = stream;
    expect(readVideoFacts({ streams: [withoutDuration], format: { duration: "2.5" } })).toMatchObject({ durationMs: 2500 });
  });

  it("refuses output without a video stream or a duration", () => {
    expect(() => readVideoFacts({ streams: [{ codec_type: "audio" }], format: { duration: "3" } })).toThrow("the file has no video stream");
    expect(() => readVideoFacts({ streams: [{ ...stream, duration: undefined }] })).toThrow("the video's duration is unknown");
  });
});

describe("parseFrameRate", () => {
  it.each([
    ["25/1", 25],
    ["30000/1001", 29.97],
    ["0/0", null],
    [undefined, null],
  ])("%s → %s", (rate, expected) => {
    expect(parseFrameRate(rate)).toBe(expected);
  });
});
