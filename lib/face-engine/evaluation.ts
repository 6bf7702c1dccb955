// Pure figures of a face-matching evaluation: FMR / FNMR at a threshold and a DET table.

export interface ScoredPair {
  a: string;
  b: string;
  similarity: number | null;
}

export interface ErrorRates {
  /** Impostor pairs scored above the threshold (would pass). */
  falseMatches: number;
  impostors: number;
  fmr: number;
  /** Genuine pairs at or below the threshold (would not pass), or without a face to compare. */
  falseNonMatches: number;
  genuines: number;
  fnmr: number;
}

const rate = (n: number, of: number) => (of === 0 ? 0 : n / of);

/** A pair passes when its similarity is strictly above the threshold, as Verdict's policies decide `match`. */
export function errorRatesAt(threshold: number, genuine: ScoredPair[], impostor: ScoredPair[]): ErrorRates {
  const falseMatches = impostor.filter((p) => p.similarity !== null && p.similarity > threshold).length;
  const falseNonMatches = genuine.filter((p) => p.similarity === null || p.similarity <= threshold).length;
  return {
    falseMatches,
    impostors: impostor.length,
    fmr: rate(falseMatches, impostor.length),
    falseNonMatches,
    genuines: genuine.length,
    fnmr: rate(falseNonMatches, genuine.length),
  };
}

/** Thresholds from `from` to `to` (inclusive) by `step`, each with its error rates. */
export function detTable(genuine: ScoredPair[], impostor: ScoredPair[], from = 0.3, to = 0.8, step = 0.025) {
  const rows: Array<{ threshold: number } & ErrorRates> = [];
  for (let t = from; t <= to + 1e-9; t += step) {
    const threshold = Math.round(t * 1000) / 1000;
    rows.push({ threshold, ...errorRatesAt(threshold, genuine, impostor) });
  }
  return rows;
}

/** Lowest and highest similarity of a set of pairs (null when none has a score). */
export function similarityRange(pairs: ScoredPair[]): [number, number] | null {
  const scores = pairs.map((p) => p.similarity).filter((s): s is number => s !== null);
  return scores.length ? [Math.min(...scores), Math.max(...scores)] : null;
}
