import { z } from "zod";
import { defineOperation } from "@/lib/api/define-operation";
import { pageCursor, pageLimit } from "@/lib/api/schemas/common";
import { reviewCasePageSchema, reviewCaseSchema } from "@/lib/api/schemas/review-case-schemas";
import { AGE_FILTERS, CASE_STATUS_FILTERS, QUEUE_SORTS, SLA_FILTERS } from "@/lib/review/queue-search";
import { REVIEW_RULE_CODES } from "@/lib/review/review-rule-settings";
import { checkTypeSchema, vendorIdSchema } from "@/lib/vendors/types";

// The review-case operations of /api/v1.

export const listReviewCases = defineOperation({
  operationId: "listReviewCases",
  method: "get",
  path: "/api/v1/review-cases",
  tag: "review-cases",
  summary: "List review cases, with filters and cursor pagination",
  access: { roles: [], apiKeys: true },
  // Unlike the queue page (which ignores a bad URL value), the API says which parameter is wrong.
  query: z.object({
    status: z.enum(CASE_STATUS_FILTERS, { error: `status must be one of: ${CASE_STATUS_FILTERS.join(", ")}.` }).default("all"),
    rule: z.enum(REVIEW_RULE_CODES, { error: `rule must be one of: ${REVIEW_RULE_CODES.join(", ")}.` }).optional(),
    checkType: checkTypeSchema.optional(),
    vendor: vendorIdSchema.optional(),
    assignee: z
      .union([z.literal("unassigned"), z.uuid()], { error: "assignee must be 'unassigned' or a user id." })
      .optional()
      .meta({ description: "'unassigned' or a user id." }),
    age: z.enum(AGE_FILTERS).optional(),
    sla: z.enum(SLA_FILTERS).optional(),
    reference: z.string().trim().min(1).max(200).optional().meta({ description: "Part of the reference." }),
    sort: z.enum(QUEUE_SORTS).default("newest"),
    cursor: pageCursor(),
    limit: pageLimit(),
  }),
  responses: { 200: { description: "A page of cases and the cursor of the next one.", content: { "application/json": { schema: reviewCasePageSchema } } } },
  problems: ["invalid_request"],
});

export const getReviewCase = defineOperation({
  operationId: "getReviewCase",
  method: "get",
  path: "/api/v1/review-cases/{id}",
  tag: "review-cases",
  summary: "A review case with the rules that flagged it (in words) and its decisions",
  access: { roles: [], apiKeys: true },
  pathParams: z.object({ id: z.uuid().meta({ description: "The case's id." }) }),
  notFound: "No review case has this id.",
  responses: { 200: { description: "The case.", content: { "application/json": { schema: reviewCaseSchema } } } },
  problems: ["not_found"],
});
