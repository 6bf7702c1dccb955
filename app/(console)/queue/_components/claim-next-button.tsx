"use client";

import { isPageShortcut } from "@/components/review/shortcuts-dialog";
import { usePageShortcuts } from "@/components/review/use-page-shortcuts";
import { Button } from "@/components/ui/button";
import { useClaimNextCase } from "./use-claim-next-case";

// Claim next in the queue, also on `c` (see useClaimNextCase).
export function ClaimNextButton({ escalated = false }: { escalated?: boolean }) {
  const { claimNext: claim, pending, message } = useClaimNextCase(escalated);

  usePageShortcuts("claim-next", (event) => {
    if (event.key === "c" && isPageShortcut(event)) {
      event.preventDefault();
      claim();
    }
  });

  return (
    <div className="flex flex-col items-end gap-1">
      <Button onClick={claim} disabled={pending} aria-keyshortcuts="c">
        {pending ? "Claiming…" : escalated ? "Claim next escalated" : "Claim next"}
      </Button>
      {message ? (
        <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
          {message}
        </p>
      ) : null}
    </div>
  );
}
