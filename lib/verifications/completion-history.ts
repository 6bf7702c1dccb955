import type { Outcome } from "@/lib/vendors/types";

export interface CompletionRun {
  vendor: string;
  attempt: number;
  requestedAt: Date;
  finishedAt: Date | null;
  outcome: Outcome | null;
}

export interface Completion {
  at: Date;
  /** The verdict at that moment, from each vendor's newest run finished by then: the worst answer (fail, review, pass), or error when no vendor answered. */
  outcome: Outcome | null;
  /** 0 for the first completion; reruns complete the verification again. */
  round: number;
}

const SEVERITY: Outcome[] = ["fail", "review", "pass", "error"];

function outcomeAt(runs: CompletionRun[], at: number): Outcome | null {
  const newest = new Map<string, CompletionRun>();
  for (const run of runs) {
    if (!run.finishedAt || run.finishedAt.getTime() > at) continue;
    const seen = newest.get(run.vendor);
    if (!seen || run.attempt > seen.attempt) newest.set(run.vendor, run);
  }
  const outcomes = [...newest.values()].flatMap((run) => (run.outcome ? [run.outcome] : []));
  return SEVERITY.find((outcome) => outcomes.includes(outcome)) ?? null;
}

// Every moment the verification completed: the verification row keeps only the latest completion
// (`completedAt`, reset by a rerun), but its runs keep when each was requested and finished, so a
// completion is each moment no run was left open. The last one takes the row's own `completedAt`.
export function describeCompletions(runs: CompletionRun[], completedAt: Date | null): Completion[] {
  const changes = runs.flatMap((run) => [
    { at: run.requestedAt.getTime(), delta: 1 },
    ...(run.finishedAt ? [{ at: run.finishedAt.getTime(), delta: -1 }] : []),
  ]);
  // At the same instant a request counts before a finish, so a rerun queued as a run ends is one round.
  changes.sort((a, b) => a.at - b.at || b.delta - a.delta);
  const moments: number[] = [];
  let open = 0;
  for (const change of changes) {
    open += change.delta;
    if (open === 0 && change.delta < 0) moments.push(change.at);
  }
  if (open > 0 || moments.length === 0) {
    // Still running (a rerun is open), or no run at all (an ingested answer may still carry a time).
    if (open === 0 && completedAt) moments.push(completedAt.getTime());
  } else if (completedAt && completedAt.getTime() >= moments[moments.length - 1]) {
    moments[moments.length - 1] = completedAt.getTime();
  }
  return moments.map((at, round) => ({ at: new Date(at), outcome: outcomeAt(runs, at), round }));
}
