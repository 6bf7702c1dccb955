import { NextResponse } from "next/server";
import { z } from "zod";
import { AppError, NotFoundError, ValidationError } from "@/lib/errors";
import { apiRoute } from "@/lib/http/api-route";
import { importTestSetItems, type IncomingTestFile } from "@/lib/test-sets/import-test-set-items";

export const dynamic = "force-dynamic";

const MAX_UPLOAD_BYTES = 600 * 1024 * 1024;

// POST /api/test-sets/{id}/items (multipart): `files` (images, videos, .zip — repeatable), an
// optional `manifest` (CSV file or text), or `defaultLabel` / `defaultAttackType` for every file.
// Answers with the number imported and the problems by manifest line.
export const POST = apiRoute<{ id: string }>({ roles: ["admin", "operator"] }, async (req, { params, principal }) => {
  const id = z.uuid().safeParse(params.id);
  if (!id.success) throw new NotFoundError("No test set has this id.");
  if (Number(req.headers.get("content-length") ?? 0) > MAX_UPLOAD_BYTES) throw new AppError(`The upload is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB; split it.`, 413);
  if (!(req.headers.get("content-type") ?? "").startsWith("multipart/form-data")) throw new AppError("Send multipart/form-data.", 415);
  const form = await req.formData();
  const files: IncomingTestFile[] = [];
  for (const value of form.getAll("files")) {
    if (typeof value === "string") continue;
    files.push({ name: value.name || "file", bytes: Buffer.from(await value.arrayBuffer()) });
  }
  const manifestValue = form.get("manifest");
  const manifest = manifestValue === null ? null : typeof manifestValue === "string" ? manifestValue : manifestValue.size > 0 ? await manifestValue.text() : null;
  const text = (key: string) => {
    const v = form.get(key);
    return typeof v === "string" && v.trim() ? v.trim() : null;
  };
  if (files.length === 0) throw new ValidationError("No files were uploaded.", { files: ["Add images or videos (or a .zip of them)."] });
  const result = await importTestSetItems(principal.actor, { testSetId: id.data, files, manifest, defaultLabel: text("defaultLabel"), defaultAttackType: text("defaultAttackType") });
  return NextResponse.json(result, { status: result.imported > 0 ? 201 : 200 });
});
