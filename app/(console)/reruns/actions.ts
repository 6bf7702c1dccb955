"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authedAction } from "@/lib/actions/safe-action";
import { cancelRerunBatch } from "@/lib/reruns/cancel-rerun-batch";
import { rerunReasonSchema, rerunVendorsSchema, verificationFilterSchema } from "@/lib/reruns/rerun-selection";
import { rerunVerification, rerunVerificationInputSchema } from "@/lib/reruns/rerun-verification";
import { startBulkRerun } from "@/lib/reruns/start-bulk-rerun";

// Server actions for reruns, shared by the verification page, the case page (RerunDialog) and the
// verifications list (bulk). Called with plain objects (vendors is a list).

export const rerunVerificationAction = authedAction({ roles: ["admin", "operator", "reviewer"], schema: rerunVerificationInputSchema }, async (input, { actor }) => {
  const result = await rerunVerification(actor, input);
  revalidatePath(`/verifications/${input.verificationId}`);
  return result;
});

export const startBulkRerunFromFilterAction = authedAction(
  { roles: ["admin", "operator"], schema: z.object({ filter: verificationFilterSchema, vendors: rerunVendorsSchema, reason: rerunReasonSchema }) },
  async (input, { actor }) => startBulkRerun(actor, { selection: { kind: "filter", filter: input.filter }, vendors: input.vendors, reason: input.reason }),
);

export const cancelRerunBatchAction = authedAction({ roles: ["admin", "operator"], schema: z.object({ batchId: z.uuid() }) }, async (input, { actor }) => {
  const result = await cancelRerunBatch(actor, input.batchId);
  revalidatePath(`/reruns/${input.batchId}`);
  return result;
});
