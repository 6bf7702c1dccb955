import { z } from "zod";

// Inputs of the case actions, checked at the server-action boundary.

const version = z.coerce.number({ error: "The case version is missing; reload the page." }).int().min(0);
const caseId = z.uuid({ error: "Unknown case." });

export const decideCaseSchema = z.object({
  caseId,
  version,
  kind: z.enum(["approve", "reject", "escalate"], { error: "Choose approve, reject or escalate." }),
  reasonCode: z.string({ error: "Choose a reason." }).trim().min(1, "Choose a reason.").max(100),
  comment: z.string().trim().max(4000, "At most 4000 characters.").optional().transform((v) => v || null),
});
export type DecideCaseInput = z.output<typeof decideCaseSchema>;

export const confirmDecisionSchema = z.object({ caseId, version });

export const declineDecisionSchema = z.object({
  caseId,
  version,
  comment: z.string({ error: "Say why you send it back." }).trim().min(1, "Say why you send it back.").max(4000, "At most 4000 characters."),
});

export const reopenCaseSchema = z.object({
  caseId,
  version,
  reason: z.string({ error: "A reason is required to reopen a case." }).trim().min(3, "A reason is required to reopen a case.").max(2000, "At most 2000 characters."),
});

export const commentSchema = z.object({
  caseId,
  body: z.string({ error: "Write a comment." }).trim().min(1, "Write a comment.").max(4000, "At most 4000 characters."),
});

export const assignCasesSchema = z.object({
  caseIds: z.union([z.uuid(), z.array(z.uuid())], { error: "Select cases." }).transform((v) => (Array.isArray(v) ? v : [v])).refine((v) => v.length > 0 && v.length <= 200, "Select 1 to 200 cases."),
  // "" unassigns.
  assigneeId: z.union([z.uuid(), z.literal("")], { error: "Choose a reviewer." }).transform((v) => v || null),
});

export const requestManualReviewSchema = z.object({
  verificationId: z.uuid({ error: "Unknown verification." }),
  note: z.string({ error: "Say why a person should look." }).trim().min(3, "Say why a person should look.").max(2000, "At most 2000 characters."),
});
