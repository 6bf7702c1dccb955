import { getVerification } from "@/lib/api/operations/verification-operations";
import { answer, operationRoute } from "@/lib/api/operation-route";
import { NotFoundError } from "@/lib/errors";
import { getVerificationJson } from "@/lib/verifications/verification-json";

export const dynamic = "force-dynamic";

// GET /api/v1/verifications/{id} (getVerification) — status, media and every vendor run (normalized and raw).
export const GET = operationRoute(getVerification, async (_req, { params }) => {
  const body = await getVerificationJson(params.id);
  if (!body) throw new NotFoundError(getVerification.notFound);
  return answer(getVerification, 200, body);
});
