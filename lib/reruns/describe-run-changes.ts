import type { NormalizedResult } from "@/lib/vendors/types";

// What changed between two runs of the same vendor on the same verification, field by field, in
// words a person can scan: outcome, scores, band, reasons added or gone. Pure and client-safe.

export interface ComparableRun {
  attempt: number;
  status: string;
  outcome: string | null;
  livenessScore: number | null;
  matchSimilarity: number | null;
  httpStatus: number | null;
  normalized: NormalizedResult | null;
}

export interface RunChange {
  field: string;
  before: string;
  after: string;
  /** For scores: after − before. */
  delta?: number;
}

export interface RunChanges {
  from: number;
  to: number;
  changes: RunChange[];
  /** True while the newer run has no answer yet. */
  pending: boolean;
}

const score = (n: number | null | undefined) => (n === null || n === undefined ? "—" : n.toFixed(3));
const text = (v: string | number | boolean | null | undefined) => (v === null || v === undefined || v === "" ? "—" : String(v));

function scoreChange(field: string, before: number | null | undefined, after: number | null | undefined): RunChange | null {
  if ((before ?? null) === (after ?? null)) return null;
  if (before !== null && before !== undefined && after !== null && after !== undefined && Math.abs(after - before) < 5e-4) return null;
  const delta = before !== null && before !== undefined && after !== null && after !== undefined ? after - before : undefined;
  return { field, before: score(before), after: score(after), ...(delta !== undefined ? { delta } : {}) };
}

export function describeRunChanges(before: ComparableRun, after: ComparableRun): RunChanges {
  const pending = after.status === "queued" || after.status === "running";
  const changes: RunChange[] = [];
  if (pending) return { from: before.attempt, to: after.attempt, changes, pending };
  const push = (c: RunChange | null) => {
    if (c) changes.push(c);
  };
  if (before.outcome !== after.outcome) push({ field: "Outcome", before: text(before.outcome), after: text(after.outcome) });
  const b = before.normalized;
  const a = after.normalized;
  push(scoreChange("Liveness score", b?.liveness?.score ?? before.livenessScore, a?.liveness?.score ?? after.livenessScore));
  push(scoreChange("Spoof probability", b?.liveness?.spoofProb, a?.liveness?.spoofProb));
  push(scoreChange("Deepfake probability", b?.liveness?.deepfakeProb, a?.liveness?.deepfakeProb));
  push(scoreChange("Face similarity", b?.faceMatch?.similarity ?? before.matchSimilarity, a?.faceMatch?.similarity ?? after.matchSimilarity));
  if ((b?.faceMatch?.band ?? null) !== (a?.faceMatch?.band ?? null)) push({ field: "Match band", before: text(b?.faceMatch?.band), after: text(a?.faceMatch?.band) });
  if ((b?.liveness?.isLive ?? null) !== (a?.liveness?.isLive ?? null)) push({ field: "Live", before: text(b?.liveness?.isLive), after: text(a?.liveness?.isLive) });
  if (before.httpStatus !== after.httpStatus) push({ field: "HTTP status", before: text(before.httpStatus), after: text(after.httpStatus) });
  const codesBefore = new Set((b?.reasons ?? []).map((r) => r.code));
  const codesAfter = new Set((a?.reasons ?? []).map((r) => r.code));
  const added = [...codesAfter].filter((c) => !codesBefore.has(c));
  const gone = [...codesBefore].filter((c) => !codesAfter.has(c));
  if (added.length || gone.length) push({ field: "Reasons", before: gone.length ? `−${gone.join(", −")}` : "", after: added.length ? `+${added.join(", +")}` : "" });
  const warningsBefore = b?.warnings.length ?? 0;
  const warningsAfter = a?.warnings.length ?? 0;
  if (warningsBefore !== warningsAfter) push({ field: "Warnings", before: String(warningsBefore), after: String(warningsAfter) });
  return { from: before.attempt, to: after.attempt, changes, pending };
}

/** Changes along a vendor's history, newest pair first (runs given in any order). */
export function describeRunHistory<R extends ComparableRun>(runs: R[]): RunChanges[] {
  const sorted = [...runs].sort((x, y) => x.attempt - y.attempt);
  const out: RunChanges[] = [];
  for (let i = 1; i < sorted.length; i++) out.push(describeRunChanges(sorted[i - 1], sorted[i]));
  return out.reverse();
}
