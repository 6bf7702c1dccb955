import { NextResponse } from "next/server";
import { z } from "zod";
import { eraseSubject as eraseOperation, getSubjectHistory } from "@/lib/api/operations/subject-operations";
import { answer, operationRoute } from "@/lib/api/operation-route";
import { eraseSubject, eraseSubjectSchema } from "@/lib/data-protection/erase-subject";
import { decodeReferenceParam, referenceField } from "@/lib/data-protection/legal-holds";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { getSubject } from "@/lib/subjects/get-subject";

export const dynamic = "force-dynamic";

// GET /api/v1/subjects/{reference} — the subject's history (every verification of the reference,
// oldest first, with media facts, outcomes, cases and decisions). Any API key; no face leaves here.
export const GET = operationRoute(getSubjectHistory, async (_req, { params }) => {
  const reference = referenceField().parse(decodeReferenceParam(params.reference));
  const subject = await getSubject(reference);
  if (!subject) throw new NotFoundError(`No verification has the reference "${reference}".`);
  return NextResponse.json(subject);
});

const bodySchema = z.object({ reason: z.unknown() }).partial();

// DELETE /api/v1/subjects/{reference} (eraseSubject) — erase every verification of the reference (admin only).
// Body: {"reason": "…"}. Idempotent: a second call erases nothing more and says so.
export const DELETE = operationRoute(eraseOperation, async (req, { principal, params }) => {
  if (principal.role !== "admin") {
    throw new ForbiddenError(`Erasing a subject needs an admin ${principal.kind === "api-key" ? "API key" : "account"}; this one has the ${principal.role} role. Nothing was erased.`);
  }
  const text = await req.text();
  let body: unknown = {};
  if (text.trim()) {
    try {
      body = JSON.parse(text);
    } catch {
      throw new ValidationError("The body is not JSON; send {\"reason\": \"…\"}.", { reason: ["Send a JSON body with a reason."] });
    }
  }
  const parsedBody = bodySchema.safeParse(body);
  const input = eraseSubjectSchema.parse({ reference: decodeReferenceParam(params.reference), reason: parsedBody.success ? parsedBody.data.reason : undefined });
  const result = await eraseSubject(principal.actor, input);
  return answer(eraseOperation, 200, {
    ...result,
    message: result.held.length
      ? `${result.held.length} verification(s) under legal hold were not erased; release the hold, then erase again.`
      : result.erased === 0
        ? "Already erased: nothing left to erase."
        : `Erased ${result.erased} verification(s).`,
  });
});
