import { NextResponse } from "next/server";
import { z } from "zod";
import { ValidationError } from "@/lib/errors";
import { apiRoute } from "@/lib/http/api-route";
import { caseJson } from "@/lib/review/case-json";
import { findCaseTombstones, tombstoneOf } from "@/lib/review/case-tombstones";
import { findCases } from "@/lib/review/find-cases";
import { AGE_FILTERS, CASE_STATUS_FILTERS, QUEUE_SORTS, SLA_FILTERS } from "@/lib/review/queue-search";
import { REVIEW_RULE_CODES } from "@/lib/review/review-rule-settings";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { checkTypeSchema, vendorIdSchema } from "@/lib/vendors/types";

export const dynamic = "force-dynamic";

// Unlike the queue page (which ignores a bad URL value), the API says which parameter is wrong.
const listQuerySchema = z.object({
  status: z.enum(CASE_STATUS_FILTERS, { error: `status must be one of: ${CASE_STATUS_FILTERS.join(", ")}.` }).default("all"),
  rule: z.enum(REVIEW_RULE_CODES, { error: `rule must be one of: ${REVIEW_RULE_CODES.join(", ")}.` }).optional(),
  checkType: checkTypeSchema.optional(),
  vendor: vendorIdSchema.optional(),
  assignee: z.union([z.literal("unassigned"), z.uuid()], { error: "assignee must be 'unassigned' or a user id." }).optional(),
  age: z.enum(AGE_FILTERS).optional(),
  sla: z.enum(SLA_FILTERS).optional(),
  reference: z.string().trim().min(1).max(200).optional(),
  sort: z.enum(QUEUE_SORTS).default("newest"),
  cursor: z.string().max(400).optional(),
  limit: z.coerce.number().int().min(1, "limit must be 1 to 100.").max(100, "limit must be 1 to 100.").default(25),
});

// GET /api/v1/review-cases — review cases with filters and cursor pagination (newest first by default).
export const GET = apiRoute({ roles: [], apiKeys: true }, async (req) => {
  const query = listQuerySchema.safeParse(Object.fromEntries(req.nextUrl.searchParams));
  if (!query.success) throw new ValidationError("Some query parameters are invalid.", fieldErrorsOf(query.error));
  const { rows, nextCursor } = await findCases(query.data, null);
  const tombstones = await findCaseTombstones(rows.map((r) => r.verificationId));
  return NextResponse.json({
    data: rows.map((r) => ({ ...caseJson({ ...r, ruleDetails: null }), assignee: r.assignee?.email ?? null, vendors: r.vendors, ...tombstoneOf(tombstones, r.verificationId) })),
    nextCursor,
  });
});
