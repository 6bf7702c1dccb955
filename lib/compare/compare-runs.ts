import type { Policy } from "@/lib/policy/policy-schemas";
import type { RunFields } from "@/lib/verifications/run-fields";
import type { ScoreScale } from "@/lib/verifications/score-scales";
import { describeScoreScales } from "@/lib/verifications/score-scales";
import type { VendorId } from "@/lib/vendors/types";

// One verification across vendors: rows aligned on the normalized fields, one cell per vendor
// (its latest run), and which cells disagree. Pure, so it is unit-tested and renders anywhere.

export interface ComparedRun extends RunFields {
  policy: Policy | null;
}

export interface CompareCell {
  vendor: VendorId;
  /** What the cell shows; null when the vendor gives no such value. */
  text: string | null;
  /** For score rows: the bar against this vendor's threshold. */
  scale: ScoreScale | null;
  disagrees: boolean;
}

export interface CompareRow {
  key: string;
  label: string;
  cells: CompareCell[];
  /** Why cells are flagged, for the legend. */
  rule: string;
}

/** Scores further apart than this (on 0..1) count as a disagreement. */
export const SCORE_SPREAD = 0.1;

function categoricalRow(key: string, label: string, runs: ComparedRun[], pick: (run: ComparedRun) => string | null): CompareRow {
  const values = runs.map(pick);
  const present = values.filter((v): v is string => v !== null);
  const counts = new Map<string, number>();
  for (const v of present) counts.set(v, (counts.get(v) ?? 0) + 1);
  const top = Math.max(0, ...counts.values());
  const modes = [...counts.entries()].filter(([, n]) => n === top).map(([v]) => v);
  const agreeAll = counts.size <= 1;
  return {
    key,
    label,
    rule: "differs from the most common value",
    cells: runs.map((run, i) => {
      const text = values[i] ?? null;
      // With no single most common value, every answer disagrees.
      const disagrees = !agreeAll && text !== null && (modes.length > 1 || !modes.includes(text));
      return { vendor: run.vendor, text, scale: null, disagrees };
    }),
  };
}

function scoreRow(key: string, label: string, runs: ComparedRun[], pick: (run: ComparedRun) => number | null | undefined, scaleKey: string | null): CompareRow {
  const values = runs.map((r) => pick(r) ?? null);
  const present = values.filter((v): v is number => v !== null);
  const spread = present.length > 1 ? Math.max(...present) - Math.min(...present) : 0;
  return {
    key,
    label,
    rule: `scores more than ${SCORE_SPREAD.toFixed(2)} apart`,
    cells: runs.map((run, i) => {
      const value = values[i] ?? null;
      const scale = scaleKey ? (describeScoreScales(run, run.policy).find((s) => s.key === scaleKey) ?? null) : null;
      return { vendor: run.vendor, text: value === null ? null : value.toFixed(3), scale: value === null ? null : scale, disagrees: value !== null && spread > SCORE_SPREAD };
    }),
  };
}

const bool = (v: boolean | null | undefined) => (v === null || v === undefined ? null : v ? "yes" : "no");

export function compareRuns(runs: ComparedRun[]): CompareRow[] {
  const reasonCodes = (r: ComparedRun) => {
    const codes = [...new Set((r.normalized?.reasons ?? []).map((x) => x.code))].sort();
    return r.normalized ? (codes.length ? codes.join(", ") : "none") : null;
  };
  const warnings = (r: ComparedRun) => (r.normalized ? (r.normalized.warnings.length ? r.normalized.warnings.join("; ") : "none") : null);
  const rows: CompareRow[] = [
    categoricalRow("outcome", "Outcome", runs, (r) => r.outcome),
    categoricalRow("live", "Live", runs, (r) => bool(r.normalized?.liveness?.isLive)),
    scoreRow("liveness", "Liveness score", runs, (r) => r.normalized?.liveness?.score ?? r.livenessScore, "liveness"),
    scoreRow("spoof", "Spoof probability", runs, (r) => r.normalized?.liveness?.spoofProb, null),
    scoreRow("deepfake", "Deepfake probability", runs, (r) => r.normalized?.liveness?.deepfakeProb, "deepfake"),
    scoreRow("similarity", "Match similarity", runs, (r) => r.normalized?.faceMatch?.similarity ?? r.matchSimilarity, "similarity"),
    categoricalRow("band", "Match band", runs, (r) => r.normalized?.faceMatch?.band ?? null),
    categoricalRow("reasons", "Reasons", runs, reasonCodes),
    categoricalRow("warnings", "Warnings", runs, warnings),
  ];
  const latency: CompareRow = {
    key: "latency",
    label: "Latency",
    rule: "not compared (informational)",
    cells: runs.map((r) => ({ vendor: r.vendor, text: r.latencyMs === null ? null : `${r.latencyMs} ms`, scale: null, disagrees: false })),
  };
  const http: CompareRow = {
    key: "http",
    label: "HTTP status",
    rule: "not compared (informational)",
    // Verdict's engine is not called over HTTP: it runs offline in the worker.
    cells: runs.map((r) => ({ vendor: r.vendor, text: r.vendor === "local" ? "none: offline, in the worker" : r.httpStatus === null ? null : String(r.httpStatus), scale: null, disagrees: false })),
  };
  // Rows no vendor fills (e.g. similarity on a liveness check) are left out.
  return [...rows, latency, http].filter((row) => row.cells.some((c) => c.text !== null));
}

/** The newest run of each vendor, in vendor order. */
export function latestRunPerVendor<R extends { vendor: VendorId; attempt: number }>(runs: R[]): R[] {
  const latest = new Map<VendorId, R>();
  for (const run of runs) {
    const seen = latest.get(run.vendor);
    if (!seen || run.attempt > seen.attempt) latest.set(run.vendor, run);
  }
  return [...latest.values()].sort((a, b) => a.vendor.localeCompare(b.vendor));
}
