import { NextResponse } from "next/server";
import { z } from "zod";
import { NotFoundError } from "@/lib/errors";
import { apiRoute } from "@/lib/http/api-route";
import { receiveTestSetUpload } from "@/lib/test-sets/receive-test-set-upload";

export const dynamic = "force-dynamic";

// POST /api/test-sets/{id}/items (multipart): files, .zip archives and a CSV manifest (see
// lib/test-sets/receive-test-set-upload.ts). Answers with the number imported and the problems by
// manifest line.
export const POST = apiRoute<{ id: string }>({ roles: ["admin", "operator"] }, async (req, { params, principal }) => {
  const id = z.uuid().safeParse(params.id);
  if (!id.success) throw new NotFoundError("No test set has this id.");
  const result = await receiveTestSetUpload(req, principal.actor, id.data);
  return NextResponse.json(result, { status: result.imported > 0 ? 201 : 200 });
});
