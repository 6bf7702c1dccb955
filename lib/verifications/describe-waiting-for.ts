import type { VendorRunStatus, VerificationStatus } from "@/lib/generated/prisma/enums";

/**
 * What an unfinished verification waits for, in words (null once it is finished). A verification
 * without any vendor run — a test-set item never run, or skipped by a test-set run because the
 * chosen vendors need media it does not have — waits for a person, not for the system: it says so
 * instead of looking queued forever.
 */
export function describeWaitingFor(
  status: VerificationStatus,
  runs: { vendor: string; status: VendorRunStatus }[],
  testSet: { name: string } | null,
): string | null {
  if (status === "completed" || status === "failed") return null;
  const queued = runs.filter((r) => r.status === "queued").map((r) => r.vendor);
  const running = runs.filter((r) => r.status === "running").map((r) => r.vendor);
  if (running.length) return `Waiting for ${[...new Set(running)].join(", ")} to answer.`;
  if (queued.length) return `Waiting for a worker to call ${[...new Set(queued)].join(", ")}.`;
  if (runs.length === 0 && testSet) {
    return `No vendor has been asked yet: this is an item of the test set “${testSet.name}”. Run the test set (or rerun this verification) on vendors whose required media it has.`;
  }
  if (runs.length === 0) return "No vendor has been asked yet: rerun it on a vendor.";
  return "Every run has ended; the status is being settled.";
}
