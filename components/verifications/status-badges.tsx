import { Badge } from "@/components/ui/badge";
import { SandboxBadge } from "@/components/verifications/sandbox-badge";

// Badges for outcomes and statuses, one tone per meaning so a list reads at a glance.

type Tone = "neutral" | "info" | "success" | "warning" | "danger";

const OUTCOME_TONES: Record<string, Tone> = { pass: "success", fail: "danger", review: "warning", error: "danger" };
const RUN_STATUS_TONES: Record<string, Tone> = { queued: "neutral", running: "info", completed: "success", failed: "danger", cancelled: "neutral" };
const VERIFICATION_STATUS_TONES: Record<string, Tone> = { queued: "neutral", running: "info", completed: "success", failed: "danger" };

export function OutcomeBadge({ outcome }: { outcome: string | null }) {
  if (!outcome) return <Badge>no outcome</Badge>;
  return <Badge tone={OUTCOME_TONES[outcome] ?? "neutral"}>{outcome}</Badge>;
}

export function RunStatusBadge({ status }: { status: string }) {
  return <Badge tone={RUN_STATUS_TONES[status] ?? "neutral"}>{status}</Badge>;
}

export function VerificationStatusBadge({ status }: { status: string }) {
  return <Badge tone={VERIFICATION_STATUS_TONES[status] ?? "neutral"}>{status}</Badge>;
}

/** A vendor's latest run in a list cell: "FPT pass", or its status while not finished; marked when a sandbox answered. */
export function VendorRunChip({ vendor, status, outcome, sandbox = false }: { vendor: string; status: string; outcome: string | null; sandbox?: boolean }) {
  const finished = outcome !== null;
  return (
    // Wraps inside narrow table cells (the sandbox badge goes under the outcome) instead of being clipped.
    <span className="inline-flex flex-wrap items-center gap-1 text-xs">
      <span className="whitespace-nowrap text-zinc-600 dark:text-zinc-400">{vendor}</span>
      {finished ? <OutcomeBadge outcome={outcome} /> : <RunStatusBadge status={status} />}
      {sandbox ? <SandboxBadge compact /> : null}
    </span>
  );
}
