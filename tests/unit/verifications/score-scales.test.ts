import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { defaultPolicies } from "@/lib/policy/default-policies";
import { describeScoreScales } from "@/lib/verifications/score-scales";
import { normalizeVendorResponse } from "@/lib/vendors/normalize-response";

// CVS's 3-angle answer (percent strings) drawn against its policy's pair threshold and band.
it("draws CVS's two 3-angle pair similarities against the policy's pair threshold", () => {
  const body = readFileSync(path.resolve(import.meta.dirname, "../../fixtures/vendors/cvs-verify-liveness-mismatch.json"), "utf8");
  const policy = defaultPolicies["cvs.liveness_3angle"];
  const result = normalizeVendorResponse({ vendor: "cvs", checkType: "liveness_3angle", httpStatus: 200, body, contentType: "application/json", policy, latencyMs: 1 });
  const scales = describeScoreScales({ normalized: result, livenessScore: null, matchSimilarity: null }, policy);
  expect(scales.map((s) => [s.key, s.value, s.threshold, s.reviewBand])).toEqual([
    ["matching_mid_left", 0.3107, 0.75, [0.7, 0.8]],
    ["matching_mid_right", 0.9055, 0.75, [0.7, 0.8]],
  ]);
});
