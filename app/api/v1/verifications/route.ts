import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/http/api-route";
import { idempotencyKeySchema } from "@/lib/verifications/verification-input";
import { createVerification } from "@/lib/verifications/create-verification";
import { parseVerificationRequest } from "@/lib/verifications/parse-verification-request";
import { getVerificationJson } from "@/lib/verifications/verification-json";
import { ValidationError } from "@/lib/errors";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { findVerifications, verificationSourceSchema } from "@/lib/verifications/find-verifications";
import { checkTypeSchema, outcomeSchema, vendorIdSchema } from "@/lib/vendors/types";
import { z } from "zod";

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
  // A replayed Idempotency-Key answers like the first request did, and says it is a replay.
  return NextResponse.json(
    { ...body, warnings: result.warnings },
    { status: 202, headers: { Location: `/api/v1/verifications/${result.id}`, ...(result.created ? {} : { "Idempotent-Replayed": "true" }) } },
  );
});

// Unlike the page (which ignores a bad URL value), the API says which query parameter is wrong.
const listQuerySchema = z.object({
  checkType: checkTypeSchema.optional(),
  vendor: vendorIdSchema.optional(),
  outcome: outcomeSchema.optional(),
  source: verificationSourceSchema.optional(),
  from: z.iso.date({ error: "from must be a date like 2026-01-31 (UTC, inclusive)." }).optional(),
  to: z.iso.date({ error: "to must be a date like 2026-01-31 (UTC, inclusive)." }).optional(),
  reference: z.string().trim().min(1).max(200).optional(),
  cursor: z.string().max(400).optional(),
  limit: z.coerce.number().int().min(1, "limit must be 1 to 100.").max(100, "limit must be 1 to 100.").default(25),
});

// GET /api/v1/verifications — newest first, filters as query parameters, cursor pagination.
export const GET = apiRoute({ roles: [], apiKeys: true }, async (req) => {
  const query = listQuerySchema.safeParse(Object.fromEntries(req.nextUrl.searchParams));
  if (!query.success) throw new ValidationError("Some query parameters are invalid.", fieldErrorsOf(query.error));
  const { rows, nextCursor } = await findVerifications({ ...query.data, sort: "createdAt", dir: "desc" });
  return NextResponse.json({
    data: rows.map((r) => ({
      id: r.id, url: `/api/v1/verifications/${r.id}`, checkType: r.checkType, status: r.status, source: r.source, reference: r.reference,
      createdAt: r.createdAt.toISOString(), completedAt: r.completedAt?.toISOString() ?? null,
      runs: r.runs,
    })),
    nextCursor,
  });
});
