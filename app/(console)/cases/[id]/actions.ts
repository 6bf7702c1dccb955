"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/actions/safe-action";
import { addCaseComment } from "@/lib/review/case-comments";
import { commentSchema, confirmDecisionSchema, decideCaseSchema, declineDecisionSchema, reopenCaseSchema } from "@/lib/review/case-schemas";
import { confirmDecision, declineDecision, decideCase, reopenCase } from "@/lib/review/decide-case";

const DECIDERS = ["admin", "reviewer"] as const;

function refresh(caseId: string) {
  revalidatePath(`/cases/${caseId}`);
  revalidatePath("/queue");
}

export const decideCaseAction = authedAction({ roles: DECIDERS, schema: decideCaseSchema }, async (input, { user, actor }) => {
  const result = await decideCase(actor, user, input);
  refresh(input.caseId);
  return { status: result.case.status, needsConfirmation: result.needsConfirmation };
});

// Four eyes: decideCase/confirmDecision refuse the first reviewer themselves, so a hand-made request
// to this action with the first reviewer's session changes nothing.
export const confirmDecisionAction = authedAction({ roles: DECIDERS, schema: confirmDecisionSchema }, async (input, { user, actor }) => {
  const updated = await confirmDecision(actor, user, input);
  refresh(input.caseId);
  return { status: updated.status };
});

export const declineDecisionAction = authedAction({ roles: DECIDERS, schema: declineDecisionSchema }, async (input, { user, actor }) => {
  const updated = await declineDecision(actor, user, input);
  refresh(input.caseId);
  return { status: updated.status };
});

export const reopenCaseAction = authedAction({ roles: ["admin"], schema: reopenCaseSchema }, async (input, { user, actor }) => {
  const updated = await reopenCase(actor, user, input);
  refresh(input.caseId);
  return { status: updated.status };
});

export const commentAction = authedAction({ roles: ["admin", "reviewer", "operator"], schema: commentSchema }, async (input, { user, actor }) => {
  const comment = await addCaseComment(actor, user.id, input);
  refresh(input.caseId);
  return { id: comment.id };
});
