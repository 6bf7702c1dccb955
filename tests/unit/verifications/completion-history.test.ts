import { describe, expect, it } from "vitest";
import { describeCompletions, type CompletionRun } from "@/lib/verifications/completion-history";

const t = (seconds: number) => new Date(Date.UTC(2026, 10, 1, 12, 0, seconds));
const run = (vendor: string, attempt: number, requested: number, finished: number | null, outcome: CompletionRun["outcome"]): CompletionRun => ({
  vendor,
  attempt,
  requestedAt: t(requested),
  finishedAt: finished === null ? null : t(finished),
  outcome,
});

describe("describeCompletions", () => {
  it("finds one completion when every run finished together, at the row's completedAt, with the worst answer", () => {
    const completions = describeCompletions([run("kairos", 1, 0, 2, "pass"), run("biometric_kz", 1, 0, 3, "review")], t(4));
    expect(completions).toEqual([{ at: t(4), outcome: "review", round: 0 }]);
  });

  it("keeps the first completion when a rerun completes the verification again", () => {
    const runs = [run("cvs", 1, 0, 2, "fail"), run("cvs", 2, 60, 62, "pass")];
    const completions = describeCompletions(runs, t(63));
    expect(completions).toEqual([
      { at: t(2), outcome: "fail", round: 0 },
      { at: t(63), outcome: "pass", round: 1 },
    ]);
  });

  it("lists no new completion while a rerun is still open", () => {
    const runs = [run("cvs", 1, 0, 2, "pass"), run("fpt", 1, 60, null, null)];
    expect(describeCompletions(runs, null)).toEqual([{ at: t(2), outcome: "pass", round: 0 }]);
  });

  it("says error only when no vendor answered", () => {
    expect(describeCompletions([run("kairos", 1, 0, 1, "error"), run("biometric_kz", 1, 0, 2, "pass")], t(2))[0].outcome).toBe("pass");
    expect(describeCompletions([run("kairos", 1, 0, 1, "error")], t(2))[0].outcome).toBe("error");
  });

  it("uses completedAt alone for a verification without runs", () => {
    expect(describeCompletions([], t(5))).toEqual([{ at: t(5), outcome: null, round: 0 }]);
    expect(describeCompletions([], null)).toEqual([]);
  });
});
