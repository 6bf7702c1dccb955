import { ingestVerification } from "@/lib/api/operations/verification-operations";
import { answer, operationRoute } from "@/lib/api/operation-route";
import { createVerification } from "@/lib/verifications/create-verification";
import { parseIngestRequest } from "@/lib/verifications/parse-verification-request";
import { getVerificationJson, verificationApiUrl, verificationJsonOf } from "@/lib/verifications/verification-json";

export const dynamic = "force-dynamic";

// POST /api/v1/verifications/ingest (ingestVerification) — a client that called a vendor itself posts
// the media and the vendor's raw answer; Verdict normalizes and stores it like its own runs.
export const POST = operationRoute(ingestVerification, async (req, { principal }) => {
  const { request, files, ingested } = await parseIngestRequest(req);
  const result = await createVerification(principal.actor, {
    request,
    files,
    ingested,
    source: "ingest",
    createdById: principal.kind === "user" ? principal.user.id : null,
    apiKeyId: principal.kind === "api-key" ? principal.key.id : null,
  });
  // The answer is made from the rows as written, not read back.
  const body = result.written ? verificationJsonOf(result.written) : await getVerificationJson(result.id);
  if (!body) throw new Error(`verification ${result.id} vanished right after it was created`);
  return answer(ingestVerification, 201, { ...body, warnings: result.warnings }, { Location: verificationApiUrl(result.id) });
});
