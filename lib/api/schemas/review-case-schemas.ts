import { z } from "zod";
import { instant, maybeInstant, pageOf, sandboxFlag } from "@/lib/api/schemas/common";
import { CaseStatus, DecisionKind } from "@/lib/generated/prisma/enums";
import { checkTypeSchema, outcomeSchema, vendorIdSchema } from "@/lib/vendors/types";

// What the API (and the case webhooks) answer about review cases.

const caseFieldsSchema = z.object({
  id: z.uuid(),
  url: z.string().meta({ description: "The case in the API (GET it)." }),
  verificationId: z.uuid(),
  verificationUrl: z.string().meta({ description: "Its verification in the API." }),
  status: z.enum(CaseStatus),
  rules: z.array(z.string()).meta({ description: "The codes of the review rules that flagged it." }),
  ruleDetails: z
    .array(z.object({ code: z.string(), details: z.array(z.string()), vendors: z.array(z.string()).optional(), priority: z.number().optional(), slaMinutes: z.number().optional() }))
    .meta({ description: "The rules in words (empty in the list)." }),
  priority: z.int(),
  checkType: checkTypeSchema,
  reference: z.string().nullable(),
  openedAt: instant(),
  slaDueAt: maybeInstant(),
  decision: z.enum(DecisionKind).nullable(),
  decidedAt: maybeInstant(),
  version: z.int().meta({ description: "Grows with every change of the case." }),
});

const reviewCaseListItemSchema = caseFieldsSchema
  .extend({
    assignee: z.string().nullable().meta({ description: "The assignee's email." }),
    vendors: z
      .array(z.object({ vendor: vendorIdSchema, outcome: outcomeSchema.nullable(), sandbox: sandboxFlag() }))
      .meta({ description: "The latest answer of each vendor." }),
  })
  .meta({ id: "ReviewCaseListItem", description: "A verification flagged for a person. Webhooks case.opened and case.decided carry the case fields as `data`." });

export const reviewCasePageSchema = pageOf(reviewCaseListItemSchema, "ReviewCasePage");

export const reviewCaseSchema = caseFieldsSchema
  .extend({
    assignee: z.string().nullable().meta({ description: "The assignee's email." }),
    decisions: z.array(
      z.object({
        kind: z.enum(DecisionKind),
        reasonCode: z.string(),
        comment: z.string().nullable(),
        overridesVendor: z.boolean(),
        decidedBy: z.string().meta({ description: "The reviewer's email." }),
        decidedAt: instant(),
        confirmedBy: z.string().nullable().meta({ description: "The second reviewer's email, when the decision needed one." }),
        confirmedAt: maybeInstant(),
        sentBack: z.boolean().meta({ description: "The second reviewer sent the decision back." }),
      }),
    ),
  })
  .meta({ id: "ReviewCase", description: "A review case with the rules that flagged it (in words) and its decisions." });

export type CaseFieldsJson = z.output<typeof caseFieldsSchema>;
