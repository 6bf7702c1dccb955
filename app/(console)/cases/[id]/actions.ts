"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/actions/safe-action";
import { addCaseComment } from "@/lib/review/case-comments";
import { commentSchema, confirmDecisionSchema, decideCaseSchema, declineDecisionSchema, reopenCaseSchema } from "@/lib/review/case-schemas";
import { confirmDecision, declineDecision, decideCase, reopenCase } from "@/lib/review/decide-case";
import { setJumpToNextCase } from "@/lib/users/manage-users";
import { setJumpToNextCaseSchema } from "@/lib/users/user-schemas";

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

// "Next case" after a decision: claims like Claim next (escalated cases for a senior who just
// decided an escalated one).
export const setJumpToNextCaseAction = authedAction({ roles: DECIDERS, schema: setJumpToNextCaseSchema }, async (input, { user, actor }) => {
  return setJumpToNextCase(actor, user.id, input.enabled);
});
