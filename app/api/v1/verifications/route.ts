import { createVerification as createOperation, listVerifications } from "@/lib/api/operations/verification-operations";
import { answer, operationRoute } from "@/lib/api/operation-route";
import { ValidationError } from "@/lib/errors";
import { createVerification } from "@/lib/verifications/create-verification";
import { findVerifications } from "@/lib/verifications/find-verifications";
import { parseVerificationRequest } from "@/lib/verifications/parse-verification-request";
import { idempotencyKeySchema } from "@/lib/verifications/verification-input";
import { getVerificationJson, verificationApiUrl, verificationJsonOf } from "@/lib/verifications/verification-json";

export const dynamic = "force-dynamic";

// POST /api/v1/verifications (createVerification) — start a verification: 202 and its URL.
export const POST = operationRoute(createOperation, async (req, { principal }) => {
  const rawKey = req.headers.get("idempotency-key");
  const key = rawKey === null ? null : idempotencyKeySchema.safeParse(rawKey);
  if (key && !key.success) throw new ValidationError("Invalid Idempotency-Key header.", { "Idempotency-Key": key.error.issues.map((i) => i.message) });
  if (key && principal.kind !== "api-key") {
    throw new ValidationError("Idempotency-Key works with API keys only.", { "Idempotency-Key": ["Send it with an API key (Authorization: Bearer …)."] });
  }
  const { request, files } = await parseVerificationRequest(req);
  const result = await createVerification(principal.actor, {
    request,
    files,
    source: principal.kind === "api-key" ? "api" : "upload",
    createdById: principal.kind === "user" ? principal.user.id : null,
    apiKeyId: principal.kind === "api-key" ? principal.key.id : null,
    idempotencyKey: key?.success ? key.data : null,
  });
  // Just created: the answer is made from the rows as written; a replay reads the earlier one.
  const body = result.written ? verificationJsonOf(result.written) : await getVerificationJson(result.id);
  if (!body) throw new Error(`verification ${result.id} vanished right after it was created`);
  // A replayed Idempotency-Key answers like the first request did, and says it is a replay.
  return answer(createOperation, 202, { ...body, warnings: result.warnings }, {
    Location: verificationApiUrl(result.id),
    ...(result.created ? {} : { "Idempotent-Replayed": "true" }),
  });
});

// GET /api/v1/verifications (listVerifications) — newest first, filters as query parameters, cursor pagination.
export const GET = operationRoute(listVerifications, async (_req, { query }) => {
  const { rows, nextCursor } = await findVerifications({ ...query, sort: "createdAt", dir: "desc" });
  return answer(listVerifications, 200, {
    data: rows.map((r) => ({
      id: r.id, url: verificationApiUrl(r.id), checkType: r.checkType, status: r.status, source: r.source, reference: r.reference,
      createdAt: r.createdAt.toISOString(), completedAt: r.completedAt?.toISOString() ?? null,
      runs: r.runs,
    })),
    nextCursor,
  });
});
