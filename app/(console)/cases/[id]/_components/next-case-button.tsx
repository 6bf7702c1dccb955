"use client";

import { Button } from "@/components/ui/button";
import { useClaimNextCase } from "../../../queue/_components/use-claim-next-case";

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
