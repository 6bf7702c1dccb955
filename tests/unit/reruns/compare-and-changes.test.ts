import { describe, expect, it } from "vitest";
import { compareRuns, latestRunPerVendor, type ComparedRun } from "@/lib/compare/compare-runs";
import { buildSideBySideDiff } from "@/lib/compare/side-by-side-diff";
import { getDefaultPolicy } from "@/lib/policy/default-policies";
import { planReruns } from "@/lib/reruns/add-rerun-runs";
import { describeRunChanges, describeRunHistory, type ComparableRun } from "@/lib/reruns/describe-run-changes";
import type { NormalizedResult, VendorId } from "@/lib/vendors/types";

function normalized(vendor: VendorId, outcome: NormalizedResult["outcome"], score: number, codes: string[] = []): NormalizedResult {
  return {
    vendor,
    checkType: "liveness_selfie",
    outcome,
    vendorVerdict: {},
    liveness: { isLive: outcome === "pass", score },
    reasons: codes.map((code) => ({ code, message: code, vendorCode: null, severity: "error", category: "fraud" })),
    warnings: [],
    latencyMs: 100,
    httpStatus: 200,
    attempts: [],
    raw: null,
  };
}

function run(vendor: VendorId, outcome: NormalizedResult["outcome"], score: number, codes: string[] = []): ComparedRun {
  return {
    id: `${vendor}-1`,
    vendor,
    attempt: 1,
    status: "completed",
    outcome,
    vendorVerdict: null,
    livenessScore: score,
    matchSimilarity: null,
    httpStatus: 200,
    latencyMs: 120,
    normalized: normalized(vendor, outcome, score, codes),
    policy: getDefaultPolicy(vendor, "liveness_selfie"),
  };
}

describe("comparing vendors on one verification", () => {
  it("flags the vendor whose outcome differs from the others, and scores far apart", () => {
    const rows = compareRuns([run("biometric_kz", "pass", 0.9), run("kairos", "fail", 0.1, ["not_live"])]);
    const byKey = Object.fromEntries(rows.map((r) => [r.key, r]));
    // Two vendors, two answers: no majority, both flagged.
    expect(byKey.outcome.cells.map((c) => c.disagrees)).toEqual([true, true]);
    expect(byKey.liveness.cells.map((c) => c.disagrees)).toEqual([true, true]);
    expect(byKey.liveness.cells[1].scale).toMatchObject({ key: "liveness", threshold: 0.6 });
    expect(byKey.reasons.cells.map((c) => c.text)).toEqual(["none", "not_live"]);
    // Rows no vendor fills are left out; latency is informational.
    expect(byKey.similarity).toBeUndefined();
    expect(byKey.latency.cells.every((c) => !c.disagrees)).toBe(true);
  });

  it("with three vendors, only the odd one out is flagged", () => {
    const rows = compareRuns([run("biometric_kz", "pass", 0.9), run("kairos", "pass", 0.85), { ...run("cvs", "fail", 0.88), normalized: null }]);
    expect(rows.find((r) => r.key === "outcome")!.cells.map((c) => c.disagrees)).toEqual([false, false, true]);
    expect(rows.find((r) => r.key === "liveness")!.cells.every((c) => !c.disagrees)).toBe(true);
  });

  it("keeps the newest attempt of each vendor", () => {
    expect(latestRunPerVendor([{ vendor: "kairos", attempt: 1 }, { vendor: "kairos", attempt: 3 }, { vendor: "cvs", attempt: 2 }] as { vendor: VendorId; attempt: number }[])).toEqual([
      { vendor: "cvs", attempt: 2 },
      { vendor: "kairos", attempt: 3 },
    ]);
  });
});

describe("side-by-side diff of raw answers", () => {
  it("pairs a changed line on both sides and ignores key order", () => {
    const rows = buildSideBySideDiff({ b: 1, a: "x" }, { a: "x", b: 2 });
    expect(rows.filter((r) => r.kind === "same").map((r) => r.left?.text)).toEqual(["{", '  "a": "x",', "}"]);
    expect(rows.find((r) => r.kind === "changed")).toEqual({ kind: "changed", left: { number: 3, text: '  "b": 1' }, right: { number: 3, text: '  "b": 2' } });
  });

  it("shows a line only one side has, and diffs text bodies by line", () => {
    const rows = buildSideBySideDiff("one\ntwo\n", "one\n");
    expect(rows).toEqual([
      { kind: "same", left: { number: 1, text: "one" }, right: { number: 1, text: "one" } },
      { kind: "removed", left: { number: 2, text: "two" }, right: null },
    ]);
    expect(buildSideBySideDiff(null, { a: 1 })[0]).toMatchObject({ kind: "changed", left: { text: "(no body)" } });
  });
});

describe("what changed between runs", () => {
  const base: ComparableRun = { attempt: 1, status: "completed", outcome: "fail", livenessScore: 0.1, matchSimilarity: null, httpStatus: 200, normalized: normalized("kairos", "fail", 0.1, ["not_live"]) };
  it("lists outcome, score delta, live call and reasons", () => {
    const next: ComparableRun = { ...base, attempt: 2, outcome: "pass", livenessScore: 0.9, normalized: normalized("kairos", "pass", 0.9) };
    const changes = describeRunChanges(base, next);
    expect(changes.changes.map((c) => c.field)).toEqual(["Outcome", "Liveness score", "Live", "Reasons"]);
    expect(changes.changes[1].delta).toBeCloseTo(0.8, 10);
    expect(changes.changes[3]).toMatchObject({ before: "−not_live", after: "" });
  });

  it("says nothing changed for the same answer, and waits for an open run", () => {
    expect(describeRunChanges(base, { ...base, attempt: 2 }).changes).toEqual([]);
    expect(describeRunChanges(base, { ...base, attempt: 2, status: "queued", outcome: null, normalized: null })).toMatchObject({ pending: true, changes: [] });
    expect(describeRunHistory([{ ...base, attempt: 3 }, base, { ...base, attempt: 2 }]).map((h) => `${h.from}→${h.to}`)).toEqual(["2→3", "1→2"]);
  });
});

describe("planning reruns", () => {
  it("numbers attempts after the latest, and skips vendors that do not serve, lack media or are busy", () => {
    const plan = planReruns(
      [
        { id: "v1", checkType: "liveness_selfie", mediaRoles: ["selfie"], runs: [{ vendor: "kairos", attempt: 2, status: "completed" }, { vendor: "kairos", attempt: 1, status: "failed" }] },
        { id: "v2", checkType: "liveness_selfie", mediaRoles: ["selfie"], runs: [{ vendor: "kairos", attempt: 1, status: "running" }] },
        { id: "v3", checkType: "face_match", mediaRoles: ["image1", "image2"], runs: [] },
      ],
      ["kairos", "fpt", "cvs"],
    );
    expect(plan.create).toEqual([
      { verificationId: "v1", vendor: "kairos", attempt: 3 },
      { verificationId: "v3", vendor: "cvs", attempt: 1 },
    ]);
    expect(plan.skipped.map((s) => `${s.verificationId}:${s.vendor}:${s.reason}`)).toEqual([
      "v1:fpt:not_served",
      "v1:cvs:not_served",
      "v2:kairos:busy",
      "v2:fpt:not_served",
      "v2:cvs:not_served",
      "v3:kairos:not_served",
      "v3:fpt:missing_media",
    ]);
  });
});
