"use client";

import { useRouter } from "next/navigation";
import { useServerAction } from "@/components/ui/action-form";
import { claimNextAction } from "../actions";

// Claims the highest-priority unassigned case for the signed-in reviewer and opens it: the queue's
// Claim next and the case page's Next case. On a senior reviewer's escalated view it claims
// escalated cases (never one they escalated).
export function useClaimNextCase(escalated: boolean) {
  const router = useRouter();
  const claim = useServerAction(claimNextAction, {
    onSuccess: (data) => {
      if (data.caseId) router.push(`/cases/${data.caseId}`);
    },
  });
  const nothingWaiting = claim.data && !claim.data.caseId ? (escalated ? "No unassigned escalated case is waiting for you." : "No unassigned open case is waiting. Well done.") : null;
  return { claimNext: () => claim.run({ escalated }), pending: claim.pending, message: claim.formError ?? nothingWaiting };
}
