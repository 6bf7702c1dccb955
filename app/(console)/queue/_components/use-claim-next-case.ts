"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { claimNextAction } from "../actions";

// Claims the highest-priority unassigned case for the signed-in reviewer and opens it: the queue's
// Claim next and the case page's Next case. On a senior reviewer's escalated view it claims
// escalated cases (never one they escalated).
export function useClaimNextCase(escalated: boolean) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  function claimNext() {
    setMessage(null);
    startTransition(async () => {
      const result = await claimNextAction({ escalated });
      if (!result.ok) setMessage(result.error);
      else if (!result.data.caseId) setMessage(escalated ? "No unassigned escalated case is waiting for you." : "No unassigned open case is waiting. Well done.");
      else router.push(`/cases/${result.data.caseId}`);
    });
  }
  return { claimNext, pending, message };
}
