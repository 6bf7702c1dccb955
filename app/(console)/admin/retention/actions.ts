"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authedAction } from "@/lib/actions/safe-action";
import { placeHoldSchema, placeLegalHold, releaseHoldSchema, releaseLegalHold } from "@/lib/data-protection/legal-holds";
import { requestRetentionRun } from "@/lib/data-protection/retention-job";
import { retentionScheduleSchema, saveRetentionSchedule } from "@/lib/data-protection/retention-policies";

const ADMIN = ["admin"] as const;

export const saveRetentionAction = authedAction({ roles: ADMIN, schema: retentionScheduleSchema }, async (input, { actor, user }) => {
  const result = await saveRetentionSchedule(actor, input, user.id);
  revalidatePath("/admin/retention");
  return result;
});

export const runRetentionNowAction = authedAction({ roles: ADMIN, schema: z.object({}) }, async (_input, { actor, user }) => {
  const jobId = await requestRetentionRun(actor, user.email);
  revalidatePath("/admin/retention");
  return { jobId };
});

export const placeHoldAction = authedAction({ roles: ADMIN, schema: placeHoldSchema }, async (input, { actor }) => {
  const hold = await placeLegalHold(actor, input);
  revalidatePath("/admin/retention");
  revalidatePath("/admin/subjects");
  revalidatePath("/subjects/[reference]", "page");
  return { id: hold.id };
});

export const releaseHoldAction = authedAction({ roles: ADMIN, schema: releaseHoldSchema }, async (input, { actor }) => {
  await releaseLegalHold(actor, input);
  revalidatePath("/admin/retention");
  revalidatePath("/admin/subjects");
  revalidatePath("/subjects/[reference]", "page");
  return { released: true };
});
