"use client";

import { isPageShortcut } from "@/components/review/shortcuts-dialog";
import { usePageShortcuts } from "@/components/review/use-page-shortcuts";
import { Button } from "@/components/ui/button";
import { useClaimNextCase } from "./use-claim-next-case";

const LABELS = {
  queue: { normal: "Claim next", escalated: "Claim next escalated" },
  case: { normal: "Next case", escalated: "Next escalated case" },
} as const;

// Claims the next case and opens it (see useClaimNextCase): Claim next in the queue, also on `c`,
// and Next case on a case page.
export function ClaimNextButton({ escalated = false, place = "queue" }: { escalated?: boolean; place?: "queue" | "case" }) {
  const { claimNext, pending, message } = useClaimNextCase(escalated);
  const inQueue = place === "queue";

  usePageShortcuts("claim-next", (event) => {
    if (inQueue && event.key === "c" && isPageShortcut(event)) {
      event.preventDefault();
      claimNext();
    }
  });

  return (
    <div className={inQueue ? "flex flex-col items-end gap-1" : "flex flex-col gap-1"}>
      <Button onClick={claimNext} disabled={pending} aria-keyshortcuts={inQueue ? "c" : undefined} data-testid={inQueue ? undefined : "next-case"}>
        {pending ? "Claiming…" : LABELS[place][escalated ? "escalated" : "normal"]}
      </Button>
      {message ? (
        <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
          {message}
        </p>
      ) : null}
    </div>
  );
}
