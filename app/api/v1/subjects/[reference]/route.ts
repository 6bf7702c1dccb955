import { z } from "zod";
import { eraseSubject as eraseOperation } from "@/lib/api/operations/subject-operations";
import { answer, operationRoute } from "@/lib/api/operation-route";
import { eraseSubject, eraseSubjectSchema } from "@/lib/data-protection/erase-subject";
import { decodeReferenceParam } from "@/lib/data-protection/legal-holds";
import { ForbiddenError, ValidationError } from "@/lib/errors";

export const dynamic = "force-dynamic";

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
