import { NextResponse } from "next/server";
import { z } from "zod";
import { NotFoundError } from "@/lib/errors";
import { apiRoute } from "@/lib/http/api-route";
import { getVerificationJson } from "@/lib/verifications/verification-json";

export const dynamic = "force-dynamic";

// GET /api/v1/verifications/{id} — status, media and every vendor run (normalized and raw).
export const GET = apiRoute<{ id: string }>({ roles: [], apiKeys: true }, async (_req, { params }) => {
  const id = z.uuid().safeParse(params.id);
  const body = id.success ? await getVerificationJson(id.data) : null;
  if (!body) throw new NotFoundError("No verification has this id.");
  return NextResponse.json(body);
});
