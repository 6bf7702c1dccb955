"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authedAction } from "@/lib/actions/safe-action";
import { disableTotp, enableTotp } from "@/lib/auth/second-factor";

const enableSchema = z.object({
  sealedSecret: z.string().min(1).max(500),
  code: z.string().trim().regex(/^\d{6}$/, "Enter the 6 digits your app shows."),
  password: z.string().min(1, "Enter your password.").max(256),
});

const disableSchema = z.object({ password: z.string().min(1, "Enter your password.").max(256) });

// Each user manages their own second factor; the password confirms it is them, not a borrowed session.
export const enableTotpAction = authedAction({ roles: [], schema: enableSchema }, async (input, { user, actor }) => {
  const recoveryCodes = await enableTotp(actor, user.id, input);
  // No revalidation here: the page would re-render as "on" and drop the one-time recovery codes
  // the form shows now (its Done button leaves the page).
  return { recoveryCodes };
});

export const disableTotpAction = authedAction({ roles: [], schema: disableSchema }, async (input, { user, actor }) => {
  await disableTotp(actor, user.id, input);
  revalidatePath("/settings/security");
  return { disabled: true };
});
