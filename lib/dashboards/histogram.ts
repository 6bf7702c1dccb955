// The rollups keep latency (ms) and time to decision (minutes) as 32-bin histograms, each bin half
// an octave wide: bin k holds [2^(k/2), 2^((k+1)/2)), bin 0 everything below 2^(1/2), bin 31
// everything from 2^15.5 up. (SQL: dash_latency_bin / dash_ttd_bin in the dashboard_rollups migration.)
// A percentile read from the bins is exact to within its bin; inside the bin we interpolate on a log
// scale, which keeps the error well under the bin's ±41 % width for smooth distributions.

export const HISTOGRAM_BINS = 32;

export function binLowerEdge(bin: number): number {
  return bin === 0 ? 0 : 2 ** (bin / 2);
}

export function binUpperEdge(bin: number): number {
  return 2 ** ((bin + 1) / 2);
}

/** The bin a value falls in, as the SQL computes it. */
export function binOf(value: number): number {
  const v = Math.max(value, 1);
  return Math.min(HISTOGRAM_BINS - 1, Math.max(0, Math.floor(2 * Math.log2(v) + 1e-9)));
}

/** Element-wise sum of histograms (missing bins count as 0). */
export function addHistograms(into: number[], from: readonly number[]): number[] {
  for (let i = 0; i < HISTOGRAM_BINS; i++) into[i] = (into[i] ?? 0) + (from[i] ?? 0);
  return into;
}

export function emptyHistogram(): number[] {
  return new Array<number>(HISTOGRAM_BINS).fill(0);
}

/** The p-th quantile (0 < p ≤ 1) of a histogram, or null when it is empty. */
export function percentileFromHistogram(bins: readonly number[], p: number): number | null {
  const total = bins.reduce((sum, n) => sum + Math.max(0, n), 0);
  if (total === 0) return null;
  const target = Math.min(1, Math.max(0, p)) * total;
  let seen = 0;
  for (let bin = 0; bin < HISTOGRAM_BINS; bin++) {
    const count = Math.max(0, bins[bin] ?? 0);
    if (count === 0) continue;
    if (seen + count >= target) {
      const fraction = (target - seen) / count;
      const lo = binLowerEdge(bin);
      const hi = binUpperEdge(bin);
      return bin === 0 ? lo + fraction * (hi - lo) : lo * (hi / lo) ** fraction;
    }
    seen += count;
  }
  return binUpperEdge(HISTOGRAM_BINS - 1);
}
