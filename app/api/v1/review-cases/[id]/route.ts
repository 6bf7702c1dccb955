import { NextResponse } from "next/server";
import { z } from "zod";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { apiRoute } from "@/lib/http/api-route";
import { caseJson } from "@/lib/review/case-json";
import { findCaseTombstones, tombstoneOf } from "@/lib/review/case-tombstones";

export const dynamic = "force-dynamic";

// GET /api/v1/review-cases/{id} — one case with its rules in words and its decisions.
export const GET = apiRoute<{ id: string }>({ roles: [], apiKeys: true }, async (_req, { params }) => {
  const id = z.uuid().safeParse(params.id);
  const c = id.success
    ? await db.reviewCase.findUnique({
        where: { id: id.data },
        include: { decisions: { orderBy: { createdAt: "asc" }, include: { decidedBy: { select: { email: true } }, confirmedBy: { select: { email: true } } } }, assignee: { select: { email: true } } },
      })
    : null;
  if (!c) throw new NotFoundError("No review case has this id.");
  const tombstones = await findCaseTombstones([c.verificationId]);
  return NextResponse.json({
    ...caseJson(c),
    assignee: c.assignee?.email ?? null,
    // As in the verification JSON: erased subject, purged media (no URL, when and why).
    ...tombstoneOf(tombstones, c.verificationId),
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
