import type { ReadReplicaStatus } from "@/lib/runtime/read-replica-status";
import { formatDuration } from "@/lib/verifications/verification-labels";

// Where the figures come from when DATABASE_READ_URL sends the dashboards to a read replica, and
// how far behind the primary it is: a figure read from a lagging copy is said to be one.
export function ReadReplicaNote({ status }: { status: ReadReplicaStatus | null }) {
  if (!status) return null;
  const lag = status.lagSeconds === null ? null : formatDuration(Math.round(status.lagSeconds * 1000));
  const warn = !status.isReplica || !status.streaming || (status.lagSeconds ?? 0) > 60;
  const text = !status.isReplica
    ? "The dashboards read DATABASE_READ_URL, which is not a standby of the primary: check the setting."
    : !status.streaming
      ? `The read replica is not streaming from the primary: these figures may be out of date${lag ? ` (last change applied ${lag} ago)` : ""}.`
      : status.lagSeconds
        ? `Figures read from the read replica, ${lag} behind the primary.`
        : "Figures read from the read replica, caught up with the primary.";
  return (
    <p role={warn ? "status" : undefined} data-testid="read-replica-note" className={warn ? "mb-4 text-sm text-amber-800 dark:text-amber-300" : "mb-4 text-sm text-zinc-600 dark:text-zinc-400"}>
      {text}
    </p>
  );
}
