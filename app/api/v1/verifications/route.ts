import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/http/api-route";
import { idempotencyKeySchema } from "@/lib/verifications/verification-input";
import { createVerification } from "@/lib/verifications/create-verification";
import { parseVerificationRequest } from "@/lib/verifications/parse-verification-request";
import { getVerificationJson } from "@/lib/verifications/verification-json";
import { ValidationError } from "@/lib/errors";

export const dynamic = "force-dynamic";

// POST /api/v1/verifications — start a verification (202 + its URL); see /api/v1/openapi.json.
export const POST = apiRoute({ roles: ["admin", "operator"], apiKeys: true }, async (req, { principal }) => {
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
  const body = await getVerificationJson(result.id);
  return NextResponse.json(
    { ...body, warnings: result.warnings, replayed: !result.created },
    { status: result.created ? 202 : 200, headers: { Location: `/api/v1/verifications/${result.id}` } },
  );
});
