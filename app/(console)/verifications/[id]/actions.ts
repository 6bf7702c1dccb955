"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/actions/safe-action";
import { requestManualReviewSchema } from "@/lib/review/case-schemas";
import { requestManualReview } from "@/lib/review/request-manual-review";

// "Request manual review" on the verification page: a case now (finished) or when the answers arrive.
export const requestManualReviewAction = authedAction({ roles: ["admin", "operator", "reviewer"], schema: requestManualReviewSchema }, async (input, { actor }) => {
  const result = await requestManualReview(actor, input);
  revalidatePath(`/verifications/${input.verificationId}`);
  revalidatePath("/queue");
  return { caseId: result?.caseId ?? null };
});
