// Vendor evaluation metrics, as pure functions (unit-tested against hand-worked examples).
//
// Presentation attack detection (ISO/IEC 30107-3):
//   APCER (per attack type) = attacks of that type accepted as bona fide / attacks of that type;
//   the reported APCER is the worst (highest) over attack types, as the standard asks;
//   BPCER = bona fide presentations rejected / bona fide presentations;
//   ACER  = (worst APCER + BPCER) / 2 (from the 2017 edition; later editions drop it, we show it
//   as asked but it has no interval of its own).
// Face matching: FMR = impostor pairs decided "match" / impostor pairs; FNMR = genuine pairs decided
// "no match" / genuine pairs. The DET curve sweeps a threshold over the vendors' similarity scores.
// Samples without a decision (the vendor answered with an error) are left out of these rates and
// counted apart (they are failures to acquire, reported as the vendor's error rate).
//
// Confidence intervals: 95 % Wilson score intervals (z = 1.959964) for every proportion. Wilson,
// not the normal approximation, because error rates are often 0 or near it on small test sets,
// where the normal interval collapses to [0, 0].

export const Z_95 = 1.959963984540054;

export interface Interval {
  lower: number;
  upper: number;
}

export interface Proportion {
  count: number;
  total: number;
  /** count / total; null when total = 0 (an empty class has no rate, not a rate of 0). */
  rate: number | null;
  /** 95 % Wilson score interval; null when total = 0. */
  ci: Interval | null;
}

/** Wilson score interval for `successes` out of `n`; null for n = 0. */
export function wilsonInterval(successes: number, n: number, z = Z_95): Interval | null {
  if (!Number.isInteger(successes) || !Number.isInteger(n) || successes < 0 || n < 0 || successes > n) {
    throw new RangeError(`wilsonInterval needs 0 ≤ successes ≤ n (got ${successes}/${n})`);
  }
  if (n === 0) return null;
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // Clamp away floating-point dust at the ends (x = 0 gives exactly 0, x = n exactly 1).
  return { lower: successes === 0 ? 0 : Math.max(0, centre - half), upper: successes === n ? 1 : Math.min(1, centre + half) };
}

export function proportion(count: number, total: number): Proportion {
  return { count, total, rate: total === 0 ? null : count / total, ci: wilsonInterval(count, total) };
}

// ---------------------------------------------------------------------------------------------
// Liveness (presentation attack detection)

export type PadLabel = "bona_fide" | "attack";
export type PadDecision = "accept" | "reject";

export interface PadSample {
  label: PadLabel;
  /** For attacks: print, screen_replay, mask, deepfake… (null → "unspecified"). */
  attackType: string | null;
  /** accept = judged bona fide (live); null = no decision (vendor error). */
  decision: PadDecision | null;
}

export interface PadMetrics {
  apcerByType: Record<string, Proportion>;
  /** The highest APCER over attack types (with its type); null when there are no decided attacks. */
  apcerWorst: (Proportion & { attackType: string }) | null;
  /** All attack types pooled (for reference; ISO reports the worst). */
  apcerPooled: Proportion;
  bpcer: Proportion;
  /** (worst APCER + BPCER) / 2; null when either is undefined. */
  acer: number | null;
  undecided: { bonaFide: number; attack: number };
  counts: { bonaFide: number; attack: number };
}

export function computePadMetrics(samples: PadSample[]): PadMetrics {
  const byType = new Map<string, { accepted: number; total: number }>();
  let bonaFide = 0;
  let bonaFideRejected = 0;
  let attacks = 0;
  let attacksAccepted = 0;
  const undecided = { bonaFide: 0, attack: 0 };
  const counts = { bonaFide: 0, attack: 0 };
  for (const s of samples) {
    if (s.label === "bona_fide") {
      counts.bonaFide++;
      if (s.decision === null) {
        undecided.bonaFide++;
        continue;
      }
      bonaFide++;
      if (s.decision === "reject") bonaFideRejected++;
    } else {
      counts.attack++;
      if (s.decision === null) {
        undecided.attack++;
        continue;
      }
      const type = s.attackType || "unspecified";
      const entry = byType.get(type) ?? { accepted: 0, total: 0 };
      entry.total++;
      attacks++;
      if (s.decision === "accept") {
        entry.accepted++;
        attacksAccepted++;
      }
      byType.set(type, entry);
    }
  }
  const apcerByType: Record<string, Proportion> = {};
  for (const [type, e] of [...byType.entries()].sort(([a], [b]) => a.localeCompare(b))) apcerByType[type] = proportion(e.accepted, e.total);
  let apcerWorst: PadMetrics["apcerWorst"] = null;
  for (const [attackType, p] of Object.entries(apcerByType)) {
    if (p.rate === null) continue;
    // Ties: the type with more samples is the better-supported worst case.
    if (!apcerWorst || p.rate > apcerWorst.rate! || (p.rate === apcerWorst.rate && p.total > apcerWorst.total)) apcerWorst = { ...p, attackType };
  }
  const bpcer = proportion(bonaFideRejected, bonaFide);
  const acer = apcerWorst?.rate !== null && apcerWorst?.rate !== undefined && bpcer.rate !== null ? (apcerWorst.rate + bpcer.rate) / 2 : null;
  return { apcerByType, apcerWorst, apcerPooled: proportion(attacksAccepted, attacks), bpcer, acer, undecided, counts };
}

// ---------------------------------------------------------------------------------------------
// Face matching

export type MatchLabel = "same_person" | "different_person";

export interface MatchSample {
  label: MatchLabel;
  /** The vendor's decision at its threshold; null = no decision (vendor error). */
  decision: "match" | "no_match" | null;
}

export interface MatchMetrics {
  fmr: Proportion;
  fnmr: Proportion;
  undecided: { genuine: number; impostor: number };
  counts: { genuine: number; impostor: number };
}

export function computeMatchMetrics(samples: MatchSample[]): MatchMetrics {
  let genuine = 0;
  let falseNonMatches = 0;
  let impostor = 0;
  let falseMatches = 0;
  const undecided = { genuine: 0, impostor: 0 };
  const counts = { genuine: 0, impostor: 0 };
  for (const s of samples) {
    const isGenuine = s.label === "same_person";
    if (isGenuine) counts.genuine++;
    else counts.impostor++;
    if (s.decision === null) {
      if (isGenuine) undecided.genuine++;
      else undecided.impostor++;
      continue;
    }
    if (isGenuine) {
      genuine++;
      if (s.decision === "no_match") falseNonMatches++;
    } else {
      impostor++;
      if (s.decision === "match") falseMatches++;
    }
  }
  return { fmr: proportion(falseMatches, impostor), fnmr: proportion(falseNonMatches, genuine), undecided, counts };
}

export interface TradeoffPoint {
  /** Accept (match / live) when score ≥ threshold. */
  threshold: number;
  /** Impostor (attack) scores at or above the threshold / impostors: FMR or APCER. */
  falseAccept: number;
  /** Genuine (bona fide) scores below the threshold / genuines: FNMR or BPCER. */
  falseReject: number;
}

export interface TradeoffCurve {
  points: TradeoffPoint[];
  /** Where false accept and false reject are closest; their mean. null without both classes. */
  eer: { threshold: number; rate: number } | null;
}

/**
 * The error trade-off over every threshold the scores allow (DET / ROC): one point per distinct
 * score, plus the two ends. Higher score = more likely genuine. Empty when a class has no scores.
 */
export function computeTradeoffCurve(genuineScores: number[], impostorScores: number[]): TradeoffCurve {
  if (genuineScores.length === 0 || impostorScores.length === 0) return { points: [], eer: null };
  const genuine = [...genuineScores].sort((a, b) => a - b);
  const impostor = [...impostorScores].sort((a, b) => a - b);
  const thresholds = [...new Set([...genuine, ...impostor])].sort((a, b) => a - b);
  const countBelow = (sorted: number[], t: number) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid] < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const point = (t: number): TradeoffPoint => ({
    threshold: t,
    falseAccept: (impostor.length - countBelow(impostor, t)) / impostor.length,
    falseReject: countBelow(genuine, t) / genuine.length,
  });
  const top = thresholds[thresholds.length - 1];
  const points = [...thresholds.map(point), { threshold: top + 1e-9, falseAccept: 0, falseReject: 1 }];
  let best = points[0];
  for (const p of points) if (Math.abs(p.falseAccept - p.falseReject) < Math.abs(best.falseAccept - best.falseReject)) best = p;
  return { points, eer: { threshold: best.threshold, rate: (best.falseAccept + best.falseReject) / 2 } };
}

// ---------------------------------------------------------------------------------------------
// Agreement between two raters (vendor × vendor, vendor × reviewer)

export interface Agreement {
  /** Items both raters judged. */
  n: number;
  /** Share of those with the same answer. */
  agreement: Proportion;
  /** Cohen's kappa; null when undefined (no items, or both raters always gave one same answer). */
  kappa: number | null;
}

export function cohensKappa<T extends string>(pairs: [T, T][]): Agreement {
  const n = pairs.length;
  const same = pairs.filter(([a, b]) => a === b).length;
  if (n === 0) return { n, agreement: proportion(0, 0), kappa: null };
  const left = new Map<T, number>();
  const right = new Map<T, number>();
  for (const [a, b] of pairs) {
    left.set(a, (left.get(a) ?? 0) + 1);
    right.set(b, (right.get(b) ?? 0) + 1);
  }
  const observed = same / n;
  let expected = 0;
  for (const [category, count] of left) expected += (count / n) * ((right.get(category) ?? 0) / n);
  const kappa = expected >= 1 - 1e-12 ? null : (observed - expected) / (1 - expected);
  return { n, agreement: proportion(same, n), kappa };
}

// ---------------------------------------------------------------------------------------------
// Latency

/** Nearest-rank percentile (p in 0..100) of the values; null when there are none. */
export function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1];
}
