import { getReviewCase } from "@/lib/api/operations/review-case-operations";
import { answer, operationRoute } from "@/lib/api/operation-route";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { caseJson } from "@/lib/review/case-json";

export const dynamic = "force-dynamic";

// GET /api/v1/review-cases/{id} (getReviewCase) — one case with its rules in words and its decisions.
export const GET = operationRoute(getReviewCase, async (_req, { params }) => {
  const c = await db.reviewCase.findUnique({
    where: { id: params.id },
    include: { decisions: { orderBy: { createdAt: "asc" }, include: { decidedBy: { select: { email: true } }, confirmedBy: { select: { email: true } } } }, assignee: { select: { email: true } } },
  });
  if (!c) throw new NotFoundError(getReviewCase.notFound);
  return answer(getReviewCase, 200, {
    ...caseJson(c),
    assignee: c.assignee?.email ?? null,
    decisions: c.decisions.map((d) => ({
      kind: d.kind,
      reasonCode: d.reasonCode,
      comment: d.comment,
      overridesVendor: d.overridesVendor,
      decidedBy: d.decidedBy.email,
      decidedAt: d.createdAt.toISOString(),
      confirmedBy: d.confirmedBy?.email ?? null,
      confirmedAt: d.confirmedAt?.toISOString() ?? null,
      sentBack: d.declinedAt !== null,
    })),
  });
});
