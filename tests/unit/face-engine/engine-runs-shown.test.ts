import { describe, expect, it } from "vitest";
import { describeScoreScales } from "@/lib/verifications/score-scales";
import { compareRuns, type ComparedRun } from "@/lib/compare/compare-runs";
import type { EngineReading, ReadingFace, ReadingMedia } from "@/lib/face-engine/engine-reading";
import { defaultPolicies } from "@/lib/policy/default-policies";
import { evaluateLocal } from "@/lib/policy/evaluate-local";
import { normalizeVendorResponse } from "@/lib/vendors/normalize-response";
import type { NormalizedResult } from "@/lib/vendors/types";

// How the engine's runs are shown (its policy's thresholds, no HTTP status) and the same-person
// rule of liveness_video with its review band.

function normalized(checkType: NormalizedResult["checkType"], extra: Partial<NormalizedResult>): NormalizedResult {
  return { vendor: "local", checkType, outcome: "pass", vendorVerdict: {}, reasons: [], warnings: [], latencyMs: 120, httpStatus: null, attempts: [], raw: null, ...extra };
}

const face: ReadingFace = {
  box: [100, 100, 200, 240],
  score: 0.95,
  keypoints: { rightEye: [150, 180], leftEye: [250, 180], nose: [200, 230], mouthRight: [160, 290], mouthLeft: [240, 290] },
  pose: { yaw: 2, pitch: 3, roll: 0 },
  quality: { faceSizePx: 200, sharpness: 300, brightness: 120, cutOffFraction: 0 },
  antispoof: 0.8,
  liveness: 0.9,
};
const frame = (frameMs: number): ReadingMedia => ({ role: "video", frameMs, width: 480, height: 640, faces: [face], error: null, reused: false });

function videoReading(lowest: number): EngineReading {
  const frames = [250, 750, 1250, 1750, 2250, 2750].map(frame);
  return {
    engine: "verdict-local",
    model: "@vladmandic/human",
    modelVersion: "test",
    checkType: "liveness_video",
    media: frames,
    comparisons: frames.slice(1).map((f, i) => ({ a: "video@250", b: `video@${f.frameMs}`, similarity: i === 2 ? lowest : 0.95 })),
    analysisMs: 1000,
  };
}

describe("the engine's runs on the pages", () => {
  it("draws the face_match similarity against the policy's 0.70 / 0.55, not 'no threshold'", () => {
    const [scale] = describeScoreScales({ normalized: normalized("face_match", { faceMatch: { similarity: 0.62, isMatch: false, band: "borderline" } }), livenessScore: null, matchSimilarity: null }, defaultPolicies["local.face_match"]);
    expect(scale).toMatchObject({ key: "similarity", threshold: 0.7, reviewBand: [0.55, 0.7] });
  });

  it("draws the selfie's liveness as advisory: below the threshold is review, never a fail", () => {
    const [scale] = describeScoreScales({ normalized: normalized("liveness_selfie", { liveness: { isLive: true, score: 0.9 } }), livenessScore: null, matchSimilarity: null }, defaultPolicies["local.liveness_selfie"]);
    expect(scale).toMatchObject({ key: "liveness", threshold: 0.5, reviewBand: [0, 0.5] });
    expect(scale.label).toContain("advisory");
  });

  it("draws each 3-angle comparison against the same-person thresholds, from the engine's answer", () => {
    const reading = {
      engine: "verdict-local", model: "m", modelVersion: "v", checkType: "liveness_3angle", analysisMs: 1,
      media: [], comparisons: [{ a: "portrait_mid", b: "portrait_left", similarity: 0.81 }, { a: "portrait_mid", b: "portrait_right", similarity: 0.6 }],
    };
    const policy = defaultPolicies["local.liveness_3angle"];
    const result = normalizeVendorResponse({ vendor: "local", checkType: "liveness_3angle", httpStatus: 200, body: JSON.stringify(reading), contentType: "application/json", policy, latencyMs: 1 });
    const scales = describeScoreScales({ normalized: result, livenessScore: null, matchSimilarity: null }, policy);
    expect(scales.map((s) => [s.key, s.value, s.threshold, s.reviewBand])).toEqual([
      ["mid_left", 0.81, 0.7, [0.45, 0.7]],
      ["mid_right", 0.6, 0.7, [0.45, 0.7]],
    ]);
  });

  it("says on compare that the engine ran offline in the worker instead of an HTTP status", () => {
    const base = { attempt: 1, status: "completed", outcome: "pass", vendorVerdict: null, livenessScore: null, matchSimilarity: null, latencyMs: 100, policy: null } as const;
    const runs: ComparedRun[] = [
      { ...base, id: "a", vendor: "cvs", httpStatus: 200, normalized: null },
      { ...base, id: "b", vendor: "local", httpStatus: 200, normalized: null },
    ];
    const http = compareRuns(runs).find((r) => r.key === "http")!;
    expect(http.cells.map((c) => c.text)).toEqual(["200", "none: offline, in the worker"]);
  });
});

describe("liveness_video: the same person throughout", () => {
  const policy = defaultPolicies["local.liveness_video"];
  const codes = (lowest: number) => {
    const decision = evaluateLocal({ kind: "local.liveness_video", reading: videoReading(lowest), reasons: [] }, policy);
    return { outcome: decision.outcome, codes: decision.reasons.map((r) => r.code) };
  };

  it("passes when every frame is above samePersonAbove (0.70)", () => {
    expect(codes(0.9)).toMatchObject({ outcome: "pass" });
    expect(codes(0.9).codes).not.toContain("different_person");
  });

  it("sends a dip into the review band (0.55–0.70) to a person", () => {
    expect(codes(0.62)).toEqual({ outcome: "review", codes: ["face_match_borderline", "liveness_advisory"] });
  });

  it("fails a face that changes to someone else (at or below 0.55)", () => {
    expect(codes(0.55)).toMatchObject({ outcome: "fail", codes: ["different_person"] });
  });
});
