"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/actions/safe-action";
import { createDecisionReason, createReasonSchema, updateDecisionReason, updateReasonSchema } from "@/lib/review/decision-reasons";

export const createReasonAction = authedAction({ roles: ["admin"], schema: createReasonSchema }, async (input, { actor }) => {
  const created = await createDecisionReason(actor, input);
  revalidatePath("/admin/decision-reasons");
  return { code: created.code };
});

export const updateReasonAction = authedAction({ roles: ["admin"], schema: updateReasonSchema }, async (input, { actor }) => {
  const updated = await updateDecisionReason(actor, input);
  revalidatePath("/admin/decision-reasons");
  return { code: updated.code, active: updated.active };
});
