"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/actions/safe-action";
import { saveRuleSet } from "@/lib/review/review-rule-sets";
import { reviewRuleSettingsSchema } from "@/lib/review/review-rule-settings";

export const saveReviewRulesAction = authedAction({ roles: ["admin"], schema: reviewRuleSettingsSchema }, async (input, { actor }) => {
  const saved = await saveRuleSet(actor, input);
  revalidatePath("/admin/review-rules");
  return { version: saved.version };
});
