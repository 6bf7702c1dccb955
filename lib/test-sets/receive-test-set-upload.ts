import { readFile } from "node:fs/promises";
import type { Actor } from "@/lib/audit/record-audit-event";
import { BusyError, ValidationError } from "@/lib/errors";
import { readMultipartBody } from "@/lib/http/request-body";
import { importTestSetItems, type ImportResult, type IncomingTestFile } from "@/lib/test-sets/import-test-set-items";
import { testSetImportGate, TEST_SET_UPLOAD_LIMITS } from "@/lib/test-sets/test-set-upload-limits";

const MAX_MANIFEST_BYTES = 8 * 1024 * 1024;

/**
 * The body of POST /api/test-sets/{id}/items (multipart): `files` (images, videos, .zip —
 * repeatable), an optional `manifest` (CSV file or text), or `defaultLabel` / `defaultAttackType`.
 * The body streams to a temp directory (counted, 413 past the limit) that is removed afterwards;
 * a few imports run at once per process, more get 503 + Retry-After before their body is read.
 */
export async function receiveTestSetUpload(req: Request, actor: Actor, testSetId: string): Promise<ImportResult> {
  const release = testSetImportGate().tryEnter();
  if (!release) throw new BusyError("Other imports are running; try again in a moment.", 15);
  try {
    const form = await readMultipartBody(req, TEST_SET_UPLOAD_LIMITS);
    try {
      const files: IncomingTestFile[] = form.files.flatMap((f) => (f.field === "files" && f.path ? [{ name: f.filename || "file", path: f.path, size: f.size }] : []));
      const manifestPart = form.files.find((f) => f.field === "manifest" && f.size > 0);
      if (manifestPart && manifestPart.size > MAX_MANIFEST_BYTES) throw new ValidationError("The manifest is too large.", { manifest: ["At most 8 MB."] });
      const manifest = manifestPart?.path ? await readFile(manifestPart.path, "utf8") : (form.fields.get("manifest")?.[0] ?? null);
      const text = (key: string) => form.fields.get(key)?.[0]?.trim() || null;
      if (files.length === 0) throw new ValidationError("No files were uploaded.", { files: ["Add images or videos (or a .zip of them)."] });
      return await importTestSetItems(actor, { testSetId, files, manifest, defaultLabel: text("defaultLabel"), defaultAttackType: text("defaultAttackType") });
    } finally {
      await form.cleanup();
    }
  } finally {
    release();
  }
}
