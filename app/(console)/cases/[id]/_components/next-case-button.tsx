"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { claimNextCaseAction } from "../actions";

export function useClaimNextCase(escalated: boolean) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  function claimNext() {
    setMessage(null);
    startTransition(async () => {
      const result = await claimNextCaseAction({ escalated });
      if (!result.ok) setMessage(result.error);
      else if (!result.data.caseId) setMessage(escalated ? "No unassigned escalated case is waiting." : "No unassigned open case is waiting. Well done.");
      else router.push(`/cases/${result.data.caseId}`);
    });
  }
  return { claimNext, pending, message };
}

// Claims the next case (like Claim next in the queue) and opens it.
export function NextCaseButton({ escalated }: { escalated: boolean }) {
  const { claimNext, pending, message } = useClaimNextCase(escalated);
  return (
    <div className="flex flex-col gap-1">
      <Button onClick={claimNext} disabled={pending} data-testid="next-case">
        {pending ? "Claiming…" : escalated ? "Next escalated case" : "Next case"}
      </Button>
      {message ? (
        <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
          {message}
        </p>
      ) : null}
    </div>
  );
}
