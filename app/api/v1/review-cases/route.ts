import { listReviewCases } from "@/lib/api/operations/review-case-operations";
import { answer, operationRoute } from "@/lib/api/operation-route";
import { caseJson } from "@/lib/review/case-json";
import { findCases } from "@/lib/review/find-cases";

export const dynamic = "force-dynamic";

// GET /api/v1/review-cases (listReviewCases) — review cases with filters and cursor pagination (newest first by default).
export const GET = operationRoute(listReviewCases, async (_req, { query }) => {
  const { rows, nextCursor } = await findCases(query, null);
  return answer(listReviewCases, 200, {
    data: rows.map((r) => ({ ...caseJson({ ...r, ruleDetails: null }), assignee: r.assignee?.email ?? null, vendors: r.vendors })),
    nextCursor,
  });
});
