import { cn } from "@/components/ui/cn";
import { formatDateTime, formatDuration, SOURCE_LABELS, VENDOR_SHORT_NAMES } from "@/lib/verifications/verification-labels";
import { describeCompletions } from "@/lib/verifications/completion-history";
import type { VerificationDetail } from "@/lib/verifications/get-verification";

interface TimelineEvent {
  at: Date;
  text: string;
  tone: "neutral" | "good" | "warn" | "bad";
  order: number;
}

const OUTCOME_TONE = { pass: "good", fail: "bad", review: "warn", error: "bad" } as const;

function eventsOf(v: VerificationDetail): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  let order = 0;
  const push = (at: Date | string | null, text: string, tone: TimelineEvent["tone"] = "neutral") => {
    if (at) events.push({ at: new Date(at), text, tone, order: order++ });
  };
  const by = v.createdBy?.email ?? (v.apiKey ? `API key “${v.apiKey.name}”` : null);
  push(v.createdAt, `Created (${SOURCE_LABELS[v.source]})${by ? ` by ${by}` : ""}`);
  for (const run of [...v.runs].sort((a, b) => a.requestedAt.getTime() - b.requestedAt.getTime() || a.attempt - b.attempt)) {
    const name = `${VENDOR_SHORT_NAMES[run.vendor]} run ${run.attempt}`;
    push(run.requestedAt, `${name} queued${run.rerunReason ? ` (rerun: ${run.rerunReason})` : ""}`);
    push(run.startedAt, `${name} started`);
    for (const a of run.attempts) {
      const result = a.networkError ? `network error: ${a.networkError}` : `HTTP ${a.httpStatus ?? "—"}`;
      push(a.startedAt, `${name} · HTTP attempt ${a.attempt} → ${result} in ${formatDuration(a.latencyMs)}`, a.networkError || (a.httpStatus ?? 0) >= 500 ? "bad" : "neutral");
    }
    if (run.finishedAt) {
      const outcome = run.outcome ? `: ${run.outcome}` : "";
      push(run.finishedAt, `${name} ${run.status}${outcome}${run.latencyMs !== null ? ` after ${formatDuration(run.latencyMs)}` : ""}`, run.outcome ? OUTCOME_TONE[run.outcome] : run.status === "failed" ? "bad" : "neutral");
    }
  }
  // The first completion keeps its time; each rerun that completes it again is an entry of its own.
  for (const completion of describeCompletions(v.runs, v.completedAt)) {
    const again = completion.round > 0 ? " again (after a rerun)" : "";
    const tone = completion.outcome ? OUTCOME_TONE[completion.outcome] : v.status === "failed" ? "bad" : "neutral";
    const text = completion.outcome === "error" ? `Verification failed${again}: no vendor answered` : `Verification completed${again}${completion.outcome ? `: ${completion.outcome}` : ""}`;
    push(completion.at, text, tone);
  }
  return events.sort((a, b) => a.at.getTime() - b.at.getTime() || a.order - b.order);
}

const DOT = { neutral: "bg-zinc-400", good: "bg-emerald-500", warn: "bg-amber-500", bad: "bg-red-500" } as const;

// What happened to the verification, in time order: creation, each run queued/started/finished,
// and every HTTP attempt in between (retries included).
export function VerificationTimeline({ verification }: { verification: VerificationDetail }) {
  const events = eventsOf(verification);
  return (
    <ol className="flex flex-col gap-2 border-l border-zinc-200 pl-4 dark:border-zinc-800" aria-label="Timeline">
      {events.map((e) => (
        <li key={e.order} className="relative text-sm" data-tone={e.tone}>
          <span className={cn("absolute -left-[21px] top-1.5 size-2.5 rounded-full", DOT[e.tone])} aria-hidden />
          <time dateTime={e.at.toISOString()} className="block font-mono text-xs text-zinc-500">
            {formatDateTime(e.at)}
          </time>
          {e.text}
        </li>
      ))}
    </ol>
  );
}
