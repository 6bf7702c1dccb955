import { cosineSimilarity } from "@/lib/face-engine/face-quality";
import { describe, expect, it } from "vitest";
import { asInt8, CODE_BITS, cosineOfQuantized, projectEmbedding, quantizeEmbedding, signCode, weightPlanes, WEIGHT_PLANES } from "@/lib/face-search/face-code";
import { nearestLists, trainCentres } from "@/lib/face-search/face-search-lists";
import type { FaceSignals } from "@/lib/face-search/face-signals";
import { evaluateReviewRules, type RuleInput } from "@/lib/review/evaluate-review-rules";
import { DEFAULT_REVIEW_RULE_SETTINGS, reviewRuleSettingsSchema } from "@/lib/review/review-rule-settings";
import { syntheticFace } from "@/bench/synthetic-faces";

const hamming = (a: string, b: string) => [...a].filter((c, i) => c !== b[i]).length;

describe("face codes", () => {
  it("sign codes: a near duplicate is closer in Hamming distance than another person", () => {
    const a = syntheticFace(1, 0);
    const twin = syntheticFace(1, 1);
    const other = syntheticFace(2, 0);
    expect(cosineSimilarity(a, twin)).toBeGreaterThan(cosineSimilarity(a, other));
    const code = signCode(projectEmbedding(a));
    expect(code).toHaveLength(CODE_BITS);
    expect(hamming(code, signCode(projectEmbedding(twin)))).toBeLessThan(hamming(code, signCode(projectEmbedding(other))));
  });

  it("asymmetric Hamming: the query's weight planes rank neighbours closer to their cosine than plain Hamming", () => {
    const query = projectEmbedding(syntheticFace(1000, 9));
    const code = signCode(query);
    const planes = weightPlanes(query);
    expect(planes).toHaveLength(WEIGHT_PLANES);
    for (const plane of planes) expect(plane).toMatch(/^[01]{256}$/);
    // The SQL's distance, computed here: Σ_k 2^k · popcount((code XOR query) AND plane_k).
    const weighted = (other: string) => planes.reduce((sum, plane, k) => sum + (1 << k) * [...other].filter((c, i) => c !== code[i] && plane[i] === "1").length, 0);
    const faces = Array.from({ length: 300 }, (_, i) => syntheticFace(i, 0));
    const exact = faces.map((f) => cosineSimilarity(syntheticFace(1000, 9), f));
    const rankAgreement = (distance: (j: number) => number) => {
      // Share of pairs of faces that the distance orders as the exact cosine does (Kendall-style).
      let agree = 0;
      let pairs = 0;
      for (let a = 0; a < faces.length; a += 3) for (let b = a + 1; b < faces.length; b += 3) {
        pairs++;
        if (Math.sign(exact[a] - exact[b]) === Math.sign(distance(b) - distance(a))) agree++;
      }
      return agree / pairs;
    };
    const codes = faces.map((f) => signCode(projectEmbedding(f)));
    expect(rankAgreement((j) => weighted(codes[j]))).toBeGreaterThan(rankAgreement((j) => hamming(code, codes[j])));
  });

  it("the int8 copy keeps the cosine within 0.005", () => {
    for (let i = 0; i < 20; i++) {
      const a = syntheticFace(i, 0);
      const b = syntheticFace(i + (i % 2), 1);
      expect(Math.abs(cosineOfQuantized(asInt8(quantizeEmbedding(a)), asInt8(quantizeEmbedding(b))) - cosineSimilarity(a, b))).toBeLessThan(0.005);
    }
  });

  it("IVF lists: a face is filed under the list whose centre is nearest; lists are numbered from 1", () => {
    const points = Array.from({ length: 64 }, (_, i) => projectEmbedding(syntheticFace(i, 0)));
    const centres = trainCentres(points, 8, 3);
    const lists = { version: 1, count: 8, centres };
    const [first] = nearestLists(lists, points[0], 1);
    expect(first).toBeGreaterThanOrEqual(1);
    expect(first).toBeLessThanOrEqual(8);
    expect(nearestLists(lists, points[0], 3)[0]).toBe(first);
  });
});

const faces = (over: Partial<FaceSignals>): FaceSignals => ({ otherReferences: [], sameReferenceBest: null, blocked: [], ...over });
const input = (signals: FaceSignals): RuleInput => ({ verificationId: "00000000-0000-4000-8000-000000000001", checkType: "liveness_selfie", manualReview: false, manualReviewNote: null, runs: [], faces: signals });
const match = (similarity: number, reference: string | null = "other") => ({ faceId: "f", verificationId: "v", reference, similarity, role: "selfie" });

describe("face review rules", () => {
  it("duplicate face fires at the threshold, with the earlier faces", () => {
    const fired = evaluateReviewRules(input(faces({ otherReferences: [match(0.83), match(0.41)] })), DEFAULT_REVIEW_RULE_SETTINGS);
    expect(fired.map((f) => f.code)).toEqual(["duplicate_face"]);
    expect(fired[0].faces).toEqual([{ faceId: "f", verificationId: "v", reference: "other", similarity: 0.83 }]);
    expect(evaluateReviewRules(input(faces({ otherReferences: [match(0.69)] })), DEFAULT_REVIEW_RULE_SETTINGS)).toEqual([]);
  });

  it("face changed fires below its threshold only", () => {
    expect(evaluateReviewRules(input(faces({ sameReferenceBest: match(0.31, "me") })), DEFAULT_REVIEW_RULE_SETTINGS).map((f) => f.code)).toEqual(["face_changed"]);
    expect(evaluateReviewRules(input(faces({ sameReferenceBest: match(0.62, "me") })), DEFAULT_REVIEW_RULE_SETTINGS)).toEqual([]);
  });

  it("a blocked face opens the highest priority, and says why it was blocked", () => {
    const fired = evaluateReviewRules(input(faces({ blocked: [{ blockId: "b", reason: "ring 7", reference: "x", similarity: 0.9, role: "selfie" }] })), DEFAULT_REVIEW_RULE_SETTINGS);
    expect(fired.map((f) => [f.code, f.priority])).toEqual([["blocked_face", 100]]);
    expect(fired[0].details[0]).toContain("ring 7");
  });

  it("rule sets saved before the face rules parse with them on, at the evaluated thresholds", () => {
    const older = Object.fromEntries(Object.entries(DEFAULT_REVIEW_RULE_SETTINGS).filter(([code]) => !["blocked_face", "duplicate_face", "face_changed"].includes(code)));
    const parsed = reviewRuleSettingsSchema.parse(older);
    expect([parsed.duplicate_face.similarityAbove, parsed.face_changed.similarityBelow, parsed.blocked_face.enabled]).toEqual([0.7, 0.5, true]);
    expect(reviewRuleSettingsSchema.safeParse({ ...DEFAULT_REVIEW_RULE_SETTINGS, duplicate_face: { ...DEFAULT_REVIEW_RULE_SETTINGS.duplicate_face, similarityAbove: 1.5 } }).success).toBe(false);
  });
});
