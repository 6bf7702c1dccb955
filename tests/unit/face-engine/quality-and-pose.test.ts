import { describe, expect, it } from "vitest";
import {
  classifyFacing,
  cosineSimilarity,
  cutOffFractionOf,
  findQualityProblems,
  isFrontal,
  laplacianVariance,
  meanOf,
  poseFitsRole,
  poseThresholdsSchema,
  qualityThresholdsSchema,
  similarityOf,
} from "@/lib/face-engine/face-quality";
import { errorRatesAt, detTable } from "@/lib/face-engine/evaluation";
import { frameTimesMs } from "@/lib/face-engine/sample-video-frames";

const quality = qualityThresholdsSchema.parse({});
const pose = poseThresholdsSchema.parse({});
const good = { faceSizePx: 200, sharpness: 300, brightness: 120, cutOffFraction: 0 };

describe("quality rules", () => {
  it("finds nothing wrong with a large, sharp, well-exposed face inside the picture", () => {
    expect(findQualityProblems(good, quality)).toEqual([]);
  });

  it("names each problem at its threshold", () => {
    expect(findQualityProblems({ ...good, faceSizePx: quality.minFaceSizePx - 1 }, quality)).toEqual(["face_too_small"]);
    expect(findQualityProblems({ ...good, faceSizePx: quality.minFaceSizePx }, quality)).toEqual([]);
    expect(findQualityProblems({ ...good, sharpness: quality.minSharpness - 0.1 }, quality)).toEqual(["blurry"]);
    expect(findQualityProblems({ ...good, brightness: quality.minBrightness - 1 }, quality)).toEqual(["too_dark"]);
    expect(findQualityProblems({ ...good, brightness: quality.maxBrightness + 1 }, quality)).toEqual(["too_bright"]);
    expect(findQualityProblems({ ...good, cutOffFraction: quality.maxCutOffFraction + 0.01 }, quality)).toEqual(["face_cut_off"]);
  });

  it("calls a small face too small, not also blurry", () => {
    expect(findQualityProblems({ ...good, faceSizePx: 30, sharpness: 1 }, quality)).toEqual(["face_too_small"]);
  });

  it("measures how far a box runs past the picture's edges", () => {
    expect(cutOffFractionOf([10, 10, 100, 100], 200, 200)).toBe(0);
    expect(cutOffFractionOf([-20, 10, 100, 100], 200, 200)).toBeCloseTo(0.2);
    expect(cutOffFractionOf([150, 150, 100, 100], 200, 200)).toBeCloseTo(0.5);
  });

  it("measures sharpness as the Laplacian's variance: zero on a flat picture, high on a checkerboard", () => {
    const flat = new Uint8Array(16 * 16).fill(128);
    const checker = Uint8Array.from({ length: 16 * 16 }, (_, i) => ((i % 16) + Math.floor(i / 16)) % 2 === 0 ? 0 : 255);
    expect(laplacianVariance(flat, 16, 16)).toBe(0);
    expect(laplacianVariance(checker, 16, 16)).toBeGreaterThan(100_000);
    expect(meanOf(flat)).toBe(128);
  });
});

describe("pose rules", () => {
  it("reads yaw as frontal, turned left or right, with a gap between", () => {
    expect(classifyFacing({ yaw: 5, pitch: 0, roll: 0 }, pose)).toBe("frontal");
    expect(classifyFacing({ yaw: 25, pitch: 0, roll: 0 }, pose)).toBe("left");
    expect(classifyFacing({ yaw: -25, pitch: 0, roll: 0 }, pose)).toBe("right");
    expect(classifyFacing({ yaw: 14, pitch: 0, roll: 0 }, poseThresholdsSchema.parse({ maxFrontalYawDeg: 10, minTurnYawDeg: 18 }))).toBe("unclear");
  });

  it("catches a swapped or repeated angle", () => {
    expect(poseFitsRole({ yaw: 25, pitch: 0, roll: 0 }, "left", pose)).toBe(true);
    expect(poseFitsRole({ yaw: 25, pitch: 0, roll: 0 }, "right", pose)).toBe(false);
    expect(poseFitsRole({ yaw: -25, pitch: 0, roll: 0 }, "left", pose)).toBe(false);
    expect(poseFitsRole({ yaw: 2, pitch: 0, roll: 0 }, "left", pose)).toBe(false);
    expect(poseFitsRole({ yaw: 25, pitch: 0, roll: 0 }, "mid", pose)).toBe(false);
    expect(poseFitsRole({ yaw: 2, pitch: 30, roll: 0 }, "mid", pose)).toBe(false);
    expect(poseFitsRole({ yaw: 2, pitch: 5, roll: 0 }, "mid", pose)).toBe(true);
  });

  it("requires both yaw and pitch within limits for a frontal selfie", () => {
    expect(isFrontal({ yaw: 3, pitch: 3, roll: 40 }, pose)).toBe(true);
    expect(isFrontal({ yaw: 30, pitch: 3, roll: 0 }, pose)).toBe(false);
    expect(isFrontal({ yaw: 3, pitch: -30, roll: 0 }, pose)).toBe(false);
  });
});

describe("similarity and evaluation figures", () => {
  it("is the cosine of two descriptors, negatives as 0", () => {
    expect(cosineSimilarity([1, 0], [1, 0])).toBeCloseTo(1);
    expect(cosineSimilarity([1, 0], [0, 1])).toBeCloseTo(0);
    expect(similarityOf([1, 0], [-1, 0])).toBe(0);
    expect(similarityOf([3, 4], [6, 8])).toBeCloseTo(1);
    expect(cosineSimilarity([1, 2], [1])).toBe(0);
  });

  it("counts false matches above the threshold and false non-matches at or below it (no face counts against)", () => {
    const genuine = [{ a: "a", b: "b", similarity: 0.9 }, { a: "c", b: "d", similarity: 0.7 }, { a: "e", b: "f", similarity: null }];
    const impostor = [{ a: "a", b: "c", similarity: 0.71 }, { a: "a", b: "d", similarity: 0.2 }];
    expect(errorRatesAt(0.7, genuine, impostor)).toMatchObject({ falseMatches: 1, fmr: 0.5, falseNonMatches: 2, fnmr: 2 / 3 });
    const det = detTable(genuine, impostor, 0.5, 0.6, 0.05);
    expect(det.map((r) => r.threshold)).toEqual([0.5, 0.55, 0.6]);
  });

  it("samples video frames in the middle of equal slices", () => {
    expect(frameTimesMs(6000, 3)).toEqual([1000, 3000, 5000]);
  });
});
