"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { isPageShortcut } from "@/components/review/shortcuts-dialog";
import { usePageShortcuts } from "@/components/review/use-page-shortcuts";
import { Button } from "@/components/ui/button";
import { claimNextAction } from "../actions";

// Claims the highest-priority unassigned case for the signed-in reviewer and opens it (also on `c`).
// On the Escalated view of a senior reviewer it claims escalated cases (never one they escalated).
export function ClaimNextButton({ escalated = false }: { escalated?: boolean }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<string | null>(null);

  function claim() {
    setMessage(null);
    startTransition(async () => {
      const result = await claimNextAction({ escalated });
      if (!result.ok) setMessage(result.error);
      else if (!result.data.caseId) setMessage(escalated ? "No unassigned escalated case is waiting for you." : "No unassigned open case is waiting. Well done.");
      else router.push(`/cases/${result.data.caseId}`);
    });
  }

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
