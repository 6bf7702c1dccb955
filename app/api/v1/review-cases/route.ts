import { listReviewCases } from "@/lib/api/operations/review-case-operations";
import { answer, operationRoute } from "@/lib/api/operation-route";
import { caseJson } from "@/lib/review/case-json";
import { findCaseTombstones, tombstoneOf } from "@/lib/review/case-tombstones";
import { findCasePage } from "@/lib/review/find-cases";

export const dynamic = "force-dynamic";

// GET /api/v1/review-cases (listReviewCases) — review cases with filters and cursor pagination (newest first by default).
export const GET = operationRoute(listReviewCases, async (_req, { query }) => {
  const { rows, nextCursor } = await findCasePage(query, null);
  const tombstones = await findCaseTombstones(rows.map((r) => r.verificationId));
  return answer(listReviewCases, 200, {
    data: rows.map((r) => ({ ...caseJson({ ...r, ruleDetails: null }), assignee: r.assignee?.email ?? null, vendors: r.vendors, ...tombstoneOf(tombstones, r.verificationId) })),
    nextCursor,
  });
});
