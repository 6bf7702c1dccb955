import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/http/api-route";
import { createVerification } from "@/lib/verifications/create-verification";
import { parseIngestRequest } from "@/lib/verifications/parse-verification-request";
import { getVerificationJson } from "@/lib/verifications/verification-json";

export const dynamic = "force-dynamic";

// POST /api/v1/verifications/ingest — a client that called a vendor itself posts the media and the
// vendor's raw answer; Verdict normalizes and stores it like its own runs.
export const POST = apiRoute({ roles: ["admin", "operator"], apiKeys: true }, async (req, { principal }) => {
  const { request, files, ingested } = await parseIngestRequest(req);
  const result = await createVerification(principal.actor, {
    request,
    files,
    ingested,
    source: "ingest",
    createdById: principal.kind === "user" ? principal.user.id : null,
    apiKeyId: principal.kind === "api-key" ? principal.key.id : null,
  });
  const body = await getVerificationJson(result.id);
  return NextResponse.json({ ...body, warnings: result.warnings }, { status: 201, headers: { Location: `/api/v1/verifications/${result.id}` } });
});
