import { describe, expect, it } from "vitest";
import {
  cohensKappa,
  computeMatchMetrics,
  computePadMetrics,
  computeTradeoffCurve,
  percentile,
  proportion,
  wilsonInterval,
  type PadSample,
} from "@/lib/test-sets/metrics";

// Expected values are worked by hand (z = 1.96): Wilson centre (p + z²/2n)/(1 + z²/n), half-width
// z/(1 + z²/n)·√(p(1−p)/n + z²/4n²).

describe("Wilson score interval", () => {
  it("5 of 10: [0.2366, 0.7634]", () => {
    const ci = wilsonInterval(5, 10)!;
    expect(ci.lower).toBeCloseTo(0.2366, 4);
    expect(ci.upper).toBeCloseTo(0.7634, 4);
  });

  it("0 of 10: lower bound exactly 0, upper z²/(n+z²) = 0.2775", () => {
    expect(wilsonInterval(0, 10)).toEqual({ lower: 0, upper: expect.closeTo(0.27753, 4) });
  });

  it("10 of 10: mirror image, upper bound exactly 1", () => {
    expect(wilsonInterval(10, 10)).toEqual({ lower: expect.closeTo(0.72247, 4), upper: 1 });
  });

  it("1 of 4: [0.0456, 0.6994]", () => {
    const ci = wilsonInterval(1, 4)!;
    expect(ci.lower).toBeCloseTo(0.0456, 3);
    expect(ci.upper).toBeCloseTo(0.6994, 3);
  });

  it("an empty class has no rate and no interval (not a rate of 0)", () => {
    expect(wilsonInterval(0, 0)).toBeNull();
    expect(proportion(0, 0)).toEqual({ count: 0, total: 0, rate: null, ci: null });
  });

  it("refuses impossible counts", () => {
    expect(() => wilsonInterval(3, 2)).toThrow(RangeError);
    expect(() => wilsonInterval(-1, 2)).toThrow(RangeError);
  });
});

describe("PAD metrics (ISO/IEC 30107-3)", () => {
  const bf = (decision: PadSample["decision"]): PadSample => ({ label: "bona_fide", attackType: null, decision });
  const atk = (attackType: string, decision: PadSample["decision"]): PadSample => ({ label: "attack", attackType, decision });

  it("APCER per attack type, the worst one, BPCER and ACER", () => {
    // 4 print attacks, 1 accepted → 25 %; 2 screen replays, 1 accepted → 50 % (worst);
    // 5 bona fide, 1 rejected → 20 %; ACER = (50 % + 20 %) / 2 = 35 %.
    const m = computePadMetrics([
      atk("print", "accept"),
      atk("print", "reject"),
      atk("print", "reject"),
      atk("print", "reject"),
      atk("screen_replay", "accept"),
      atk("screen_replay", "reject"),
      bf("accept"),
      bf("accept"),
      bf("accept"),
      bf("accept"),
      bf("reject"),
    ]);
    expect(m.apcerByType.print).toMatchObject({ count: 1, total: 4, rate: 0.25 });
    expect(m.apcerByType.screen_replay).toMatchObject({ count: 1, total: 2, rate: 0.5 });
    expect(m.apcerWorst).toMatchObject({ attackType: "screen_replay", rate: 0.5 });
    expect(m.apcerPooled).toMatchObject({ count: 2, total: 6 });
    expect(m.bpcer).toMatchObject({ count: 1, total: 5, rate: 0.2 });
    expect(m.acer).toBeCloseTo(0.35, 10);
    expect(m.apcerByType.print.ci!.lower).toBeCloseTo(0.0456, 3);
  });

  it("leaves undecided samples out of the rates and counts them apart", () => {
    const m = computePadMetrics([bf("accept"), bf(null), atk("mask", null), atk("mask", "reject")]);
    expect(m.bpcer).toMatchObject({ count: 0, total: 1, rate: 0 });
    expect(m.apcerByType.mask).toMatchObject({ count: 0, total: 1, rate: 0 });
    expect(m.undecided).toEqual({ bonaFide: 1, attack: 1 });
    expect(m.counts).toEqual({ bonaFide: 2, attack: 2 });
  });

  it("with no attacks: no APCER and no ACER, BPCER still computed", () => {
    const m = computePadMetrics([bf("accept"), bf("reject")]);
    expect(m.apcerByType).toEqual({});
    expect(m.apcerWorst).toBeNull();
    expect(m.apcerPooled.rate).toBeNull();
    expect(m.bpcer.rate).toBe(0.5);
    expect(m.acer).toBeNull();
  });

  it("with nothing at all: every rate is null", () => {
    const m = computePadMetrics([]);
    expect(m.bpcer).toEqual({ count: 0, total: 0, rate: null, ci: null });
    expect(m.acer).toBeNull();
  });

  it("an attack without a type is counted as unspecified", () => {
    expect(computePadMetrics([atk("", "accept")]).apcerByType.unspecified).toMatchObject({ count: 1, total: 1, rate: 1 });
  });
});

describe("face matching", () => {
  it("FMR and FNMR at the vendor's decision", () => {
    const m = computeMatchMetrics([
      { label: "same_person", decision: "match" },
      { label: "same_person", decision: "match" },
      { label: "same_person", decision: "no_match" },
      { label: "same_person", decision: null },
      { label: "different_person", decision: "no_match" },
      { label: "different_person", decision: "match" },
      { label: "different_person", decision: "no_match" },
      { label: "different_person", decision: "no_match" },
    ]);
    expect(m.fnmr).toMatchObject({ count: 1, total: 3 });
    expect(m.fnmr.rate).toBeCloseTo(1 / 3, 10);
    expect(m.fmr).toMatchObject({ count: 1, total: 4, rate: 0.25 });
    expect(m.undecided).toEqual({ genuine: 1, impostor: 0 });
  });

  it("the DET curve over thresholds, with its equal error rate", () => {
    // Genuine 0.9, 0.8, 0.6; impostor 0.7, 0.3. Accept when score ≥ t.
    const curve = computeTradeoffCurve([0.9, 0.8, 0.6], [0.7, 0.3]);
    expect(curve.points.map((p) => p.threshold)).toEqual([0.3, 0.6, 0.7, 0.8, 0.9, 0.9 + 1e-9]);
    const at = (t: number) => curve.points.find((p) => p.threshold === t)!;
    expect(at(0.3)).toMatchObject({ falseAccept: 1, falseReject: 0 });
    expect(at(0.6)).toMatchObject({ falseAccept: 0.5, falseReject: 0 });
    expect(at(0.7)).toMatchObject({ falseAccept: 0.5, falseReject: 1 / 3 });
    expect(at(0.8)).toMatchObject({ falseAccept: 0, falseReject: 1 / 3 });
    expect(curve.points[curve.points.length - 1]).toMatchObject({ falseAccept: 0, falseReject: 1 });
    // |0.5 − 1/3| = 1/6 at 0.7 is the closest gap: EER ≈ (0.5 + 1/3) / 2.
    expect(curve.eer?.threshold).toBe(0.7);
    expect(curve.eer?.rate).toBeCloseTo(5 / 12, 10);
  });

  it("no curve without both classes", () => {
    expect(computeTradeoffCurve([0.5], [])).toEqual({ points: [], eer: null });
  });
});

describe("Cohen's kappa", () => {
  it("the textbook 2×2: 20/5/10/15 → agreement 0.7, kappa 0.4", () => {
    const pairs: ["yes" | "no", "yes" | "no"][] = [
      ...Array.from({ length: 20 }, () => ["yes", "yes"] as ["yes", "yes"]),
      ...Array.from({ length: 5 }, () => ["yes", "no"] as ["yes", "no"]),
      ...Array.from({ length: 10 }, () => ["no", "yes"] as ["no", "yes"]),
      ...Array.from({ length: 15 }, () => ["no", "no"] as ["no", "no"]),
    ];
    const k = cohensKappa(pairs);
    expect(k.n).toBe(50);
    expect(k.agreement.rate).toBeCloseTo(0.7, 10);
    expect(k.kappa).toBeCloseTo(0.4, 10);
  });

  it("perfect agreement over two categories is 1; systematic opposition is −1", () => {
    expect(cohensKappa([["pass", "pass"], ["fail", "fail"]]).kappa).toBe(1);
    expect(cohensKappa([["pass", "fail"], ["fail", "pass"]]).kappa).toBe(-1);
  });

  it("undefined when both raters always gave the same single answer, or nothing was rated", () => {
    expect(cohensKappa([["pass", "pass"], ["pass", "pass"]])).toMatchObject({ n: 2, kappa: null, agreement: { rate: 1 } });
    expect(cohensKappa([])).toMatchObject({ n: 0, kappa: null, agreement: { rate: null } });
  });
});

describe("nearest-rank percentiles", () => {
  it("p50 and p95 of 1..10 are 5 and 10; of one value, that value; of none, null", () => {
    const values = [10, 3, 7, 1, 9, 2, 8, 4, 6, 5];
    expect(percentile(values, 50)).toBe(5);
    expect(percentile(values, 95)).toBe(10);
    expect(percentile([42], 95)).toBe(42);
    expect(percentile([], 50)).toBeNull();
  });
});
