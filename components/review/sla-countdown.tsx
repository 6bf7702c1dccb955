"use client";

import { useSyncExternalStore } from "react";
import { cn } from "@/components/ui/cn";
import { slaStateOf } from "@/lib/review/queue-search";

function formatLeft(ms: number): string {
  const abs = Math.abs(ms);
  const minutes = Math.floor(abs / 60_000);
  const text = minutes >= 60 * 24 ? `${Math.floor(minutes / (60 * 24))}d ${Math.floor((minutes % (60 * 24)) / 60)}h` : minutes >= 60 ? `${Math.floor(minutes / 60)}h ${minutes % 60}m` : `${minutes}m`;
  return ms < 0 ? `${text} overdue` : `${text} left`;
}

const everyHalfMinute = (tick: () => void) => {
  const timer = setInterval(tick, 30_000);
  return () => clearInterval(timer);
};
// Whole seconds, so that React reads the same value twice within one render.
const browserClock = () => Math.floor(Date.now() / 1000) * 1000;

// Time left to the SLA, ticking each minute: neutral, amber in the last hour, red once overdue.
// The first render uses the server's clock (`now`) so server and client agree.
export function SlaCountdown({ dueAt, decided, now }: { dueAt: string | null; decided: boolean; now: number }) {
  const clock = useSyncExternalStore(everyHalfMinute, browserClock, () => now);
  if (!dueAt || decided) return <span className="text-xs text-zinc-500">—</span>;
  const state = slaStateOf(dueAt, decided, clock);
  const left = new Date(dueAt).getTime() - clock;
  return (
    <span
      data-sla={state}
      title={`SLA due ${dueAt.slice(0, 16).replace("T", " ")} UTC`}
      className={cn(
        "inline-flex rounded px-1.5 py-0.5 text-xs font-medium tabular-nums",
        state === "breached" && "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-300",
        state === "due_soon" && "bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-300",
        state === "ok" && "text-zinc-600 dark:text-zinc-400",
      )}
    >
      {formatLeft(left)}
    </span>
  );
}
