"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authedAction } from "@/lib/actions/safe-action";
import { assignCases, claimNextCase } from "@/lib/review/assign-cases";
import { assignCasesSchema } from "@/lib/review/case-schemas";
import { deleteView, deleteViewSchema, saveView, saveViewSchema } from "@/lib/review/saved-views";

const DECIDERS = ["admin", "reviewer"] as const;
const EVERYONE = ["admin", "reviewer", "operator", "viewer"] as const;

export const claimNextAction = authedAction({ roles: DECIDERS, schema: z.object({ escalated: z.boolean().default(false) }).default({ escalated: false }) }, async (input, { user, actor }) => {
  const claimed = await claimNextCase(actor, user.id, { escalated: input.escalated });
  revalidatePath("/queue");
  return claimed ? { caseId: claimed.id } : { caseId: null };
});

export const assignCasesAction = authedAction({ roles: ["admin"], schema: assignCasesSchema }, async (input, { actor }) => {
  const result = await assignCases(actor, input.caseIds, input.assigneeId);
  revalidatePath("/queue");
  return { ...result, unassigned: !input.assigneeId };
});

export const saveViewAction = authedAction({ roles: EVERYONE, schema: saveViewSchema }, async (input, { user }) => {
  const view = await saveView(user.id, input);
  revalidatePath("/queue");
  return { id: view.id, name: view.name, query: view.query };
});

export const deleteViewAction = authedAction({ roles: EVERYONE, schema: deleteViewSchema }, async (input, { user }) => {
  await deleteView(user.id, input.viewId);
  revalidatePath("/queue");
  return { deleted: true };
});
