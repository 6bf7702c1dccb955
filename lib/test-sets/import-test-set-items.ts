import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { NotFoundError, ValidationError } from "@/lib/errors";
import type { MediaRole } from "@/lib/generated/prisma/enums";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { JOB_QUEUES } from "@/lib/jobs/queues";
import { putBlob, stageBlob, type StagedBlob } from "@/lib/media/blob-store";
import { formatBytes, inspectMedia, type MediaFacts } from "@/lib/media/inspect-media";
import { parseManifest } from "@/lib/test-sets/parse-manifest";
import { checkItemLabel, type ItemLabel } from "@/lib/test-sets/test-set-schemas";
import { DEFAULT_ZIP_LIMITS, isZip, unpackZip, type UnpackBudget } from "@/lib/test-sets/unpack-zip";
import { getMediaEnv } from "@/lib/media/media-env";
import { mediaRoles, type CheckType } from "@/lib/vendors/types";
import { findCheckSpec, listVendorsForCheck } from "@/lib/vendors/vendor-registry";
import { readEnv } from "@/lib/config/env";

// Imports labelled media into a test set. Each item becomes a Verification (source "upload") with
// its media, linked by a TestSetItem, so running it on vendors is an ordinary (re)run; no vendor is
// called here. Rows with problems are reported by manifest line and skipped; the others are
// imported, in transactions of at most ITEMS_PER_TRANSACTION items and BYTES_PER_TRANSACTION bytes,
// each with its audit event. Files may live on disk (uploads, zip entries): they are read one at a
// time to inspect them, and a chunk at a time to store them, so memory stays bounded whatever the
// upload's size.

/** A file in memory, or on disk (`path`, `size`). */
export type IncomingTestFile = { name: string; bytes: Buffer } | { name: string; path: string; size: number };

const sizeOf = (file: IncomingTestFile) => ("bytes" in file ? file.bytes.length : file.size);
const readTestFile = (file: IncomingTestFile) => ("bytes" in file ? Promise.resolve(file.bytes) : readFile(file.path));

export interface ImportTestSetInput {
  testSetId: string;
  files: IncomingTestFile[];
  /** CSV text; when absent, a manifest.csv among the files (or inside a zip) is used. */
  manifest?: string | null;
  /** Without a manifest (single-media check types): the label of every file. */
  defaultLabel?: string | null;
  defaultAttackType?: string | null;
}

export interface ImportProblem {
  /** Manifest line; null without a manifest. */
  line: number | null;
  item: string | null;
  messages: string[];
}

export interface ImportResult {
  imported: number;
  itemIds: string[];
  problems: ImportProblem[];
}

const ITEMS_PER_TRANSACTION = 20;
const BYTES_PER_TRANSACTION = 64 * 1024 * 1024;
const MAX_FILES = 5000;

interface PlannedItem {
  line: number | null;
  name: string;
  label: ItemLabel;
  media: { role: MediaRole; file: IncomingTestFile }[];
}

function normaliseName(name: string) {
  return name.replace(/\\/g, "/").replace(/^\.\//, "");
}

class FileIndex {
  private byPath = new Map<string, IncomingTestFile>();
  private byBase = new Map<string, IncomingTestFile[]>();

  constructor(files: IncomingTestFile[]) {
    for (const file of files) {
      const name = normaliseName(file.name);
      this.byPath.set(name.toLowerCase(), file);
      const base = path.posix.basename(name).toLowerCase();
      this.byBase.set(base, [...(this.byBase.get(base) ?? []), file]);
    }
  }

  find(reference: string): { file: IncomingTestFile } | { error: string } {
    const wanted = normaliseName(reference.trim()).toLowerCase();
    const exact = this.byPath.get(wanted);
    if (exact) return { file: exact };
    const candidates = this.byBase.get(path.posix.basename(wanted)) ?? [];
    if (candidates.length === 1) return { file: candidates[0] };
    if (candidates.length > 1) return { error: `"${reference}" matches ${candidates.length} uploaded files (${candidates.map((c) => c.name).join(", ")}); give its path inside the zip.` };
    return { error: `file "${reference}" was not uploaded.` };
  }
}

/** Roles an item of this check type may carry (any vendor serving it, required or optional). */
function acceptedRoles(checkType: CheckType): MediaRole[] {
  const roles = new Set<MediaRole>();
  for (const vendor of listVendorsForCheck(checkType)) {
    const spec = findCheckSpec(vendor, checkType);
    spec?.requiredRoles.forEach((r) => roles.add(r));
    spec?.optionalRoles.forEach((r) => roles.add(r));
  }
  return [...roles];
}

/** The vendors whose required media the item has; an item no vendor can run is refused. */
function vendorsAbleToRun(checkType: CheckType, roles: MediaRole[]) {
  return listVendorsForCheck(checkType).filter((v) => findCheckSpec(v, checkType)?.requiredRoles.every((r) => roles.includes(r)));
}

function describeNeeds(checkType: CheckType): string {
  return listVendorsForCheck(checkType)
    .map((v) => `${findCheckSpec(v, checkType)?.requiredRoles.join(" + ")} (${v})`)
    .join(" or ");
}

/** Zips are unpacked (to `workDir`), all of one upload within one uncompressed budget. */
async function expandFiles(files: IncomingTestFile[], workDir: string, budget: UnpackBudget): Promise<IncomingTestFile[]> {
  const out: IncomingTestFile[] = [];
  for (const file of files) {
    const source = "bytes" in file ? file.bytes : file.path;
    if (await isZip(file.name, source)) out.push(...(await unpackZip(source, file.name, DEFAULT_ZIP_LIMITS, { outDir: workDir, budget })));
    else out.push(file);
    if (out.length > MAX_FILES) break;
  }
  if (out.length > MAX_FILES) throw new ValidationError(`More than ${MAX_FILES} files; at most ${MAX_FILES} per upload.`, { files: [`At most ${MAX_FILES} files per upload.`] });
  return out;
}

function planFromManifest(checkType: CheckType, manifest: string, index: FileIndex): { planned: PlannedItem[]; problems: ImportProblem[] } {
  const { rows } = parseManifest(manifest);
  const accepted = acceptedRoles(checkType);
  // `file` names the main medium of a check type with one: the selfie, or the video.
  const single: MediaRole | null = accepted.length === 1 ? accepted[0] : checkType === "liveness_video" ? "video" : null;
  const planned: PlannedItem[] = [];
  const problems: ImportProblem[] = [];
  const names = new Set<string>();
  for (const row of rows) {
    const messages: string[] = [];
    const name = (row.values.item ?? "").trim() || `line-${row.line}`;
    if (name.length > 200) messages.push("item must be at most 200 characters.");
    if (names.has(name)) messages.push(`item "${name}" appears more than once in the manifest.`);
    names.add(name);
    const label = checkItemLabel(checkType, row.values.label, row.values.attack_type);
    if (!label.ok) messages.push(...label.errors);
    const media: PlannedItem["media"] = [];
    for (const [column, value] of Object.entries(row.values)) {
      if (!value) continue;
      const role = column === "file" ? single : (mediaRoles as readonly string[]).includes(column) ? (column as MediaRole) : null;
      if (!role) continue;
      if (!accepted.includes(role)) {
        messages.push(`${column} is not used by ${checkType}; use ${accepted.join(", ")}.`);
        continue;
      }
      const found = index.find(value);
      if ("error" in found) messages.push(`${column}: ${found.error}`);
      else media.push({ role, file: found.file });
    }
    if (media.length && vendorsAbleToRun(checkType, media.map((m) => m.role)).length === 0 && !messages.some((m) => m.includes("was not uploaded"))) {
      messages.push(`no vendor can run these files; ${checkType} needs ${describeNeeds(checkType)}.`);
    }
    if (media.length === 0 && !messages.some((m) => m.includes("was not uploaded"))) messages.push(`no media: name the files in a ${accepted.join(" / ")} column.`);
    if (messages.length || !label.ok) problems.push({ line: row.line, item: name, messages });
    else planned.push({ line: row.line, name, label: label.value, media });
  }
  return { planned, problems };
}

function planWithoutManifest(checkType: CheckType, files: IncomingTestFile[], input: ImportTestSetInput): PlannedItem[] {
  const accepted = acceptedRoles(checkType);
  const role: MediaRole | null = checkType === "liveness_selfie" ? "selfie" : checkType === "liveness_video" ? "video" : null;
  if (!role || !accepted.includes(role)) {
    throw new ValidationError(`A ${checkType} item has several files: upload a CSV manifest that groups them.`, { manifest: ["A manifest is needed for this check type."] });
  }
  const label = checkItemLabel(checkType, input.defaultLabel ?? undefined, input.defaultAttackType ?? undefined);
  if (!label.ok) throw new ValidationError("Without a manifest, choose the label of every file.", { defaultLabel: label.errors });
  return files.map((file) => ({ line: null, name: path.posix.basename(normaliseName(file.name)).slice(0, 200), label: label.value, media: [{ role, file }] }));
}

/** Uncompressed bytes of all zips of one upload together (TEST_SET_MAX_UNPACKED_BYTES). */
export function maxUnpackedBytesPerUpload(): number {
  return readEnv().TEST_SET_MAX_UNPACKED_BYTES;
}

export async function importTestSetItems(actor: Actor, input: ImportTestSetInput): Promise<ImportResult> {
  const testSet = await db.testSet.findUnique({ where: { id: input.testSetId } });
  if (!testSet) throw new NotFoundError("That test set does not exist.");
  const workDir = await mkdtemp(path.join(tmpdir(), "verdict-import-"));
  try {
    const total = maxUnpackedBytesPerUpload();
    const expanded = await expandFiles(input.files, workDir, { remainingBytes: total, totalBytes: total });
    return await importExpanded(actor, testSet, input, expanded);
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

async function importExpanded(actor: Actor, testSet: { id: string; name: string; checkType: CheckType }, input: ImportTestSetInput, expanded: IncomingTestFile[]): Promise<ImportResult> {
  let manifest = input.manifest ?? null;
  const manifestFile = expanded.find((f) => path.posix.basename(normaliseName(f.name)).toLowerCase() === "manifest.csv");
  if (!manifest && manifestFile) {
    if (sizeOf(manifestFile) > MAX_MANIFEST_BYTES) throw new ValidationError("manifest.csv is too large.", { manifest: [`At most ${MAX_MANIFEST_BYTES / 1024 / 1024} MB.`] });
    manifest = (await readTestFile(manifestFile)).toString("utf8");
  }
  const media = expanded.filter((f) => f !== manifestFile && !f.name.toLowerCase().endsWith(".csv"));
  if (media.length === 0) throw new ValidationError("No media files were uploaded.", { files: ["Add images or videos (or a .zip of them)."] });

  const { planned, problems } = manifest ? planFromManifest(testSet.checkType, manifest, new FileIndex(media)) : { planned: planWithoutManifest(testSet.checkType, media, input), problems: [] };

  // Read every file once (type, size, dimensions) before writing anything; a bad file fails its row.
  // Only the facts are kept: the bytes are read again, a chunk at a time, when stored.
  const maxBytes = getMediaEnv().MEDIA_MAX_BYTES;
  const facts = new Map<IncomingTestFile, MediaFacts>();
  const refused = new Map<IncomingTestFile, string>();
  const ready: PlannedItem[] = [];
  for (const item of planned) {
    const messages: string[] = [];
    for (const { role, file } of item.media) {
      if (!facts.has(file) && !refused.has(file)) {
        try {
          if (sizeOf(file) > maxBytes) throw new ValidationError(`the file is ${formatBytes(sizeOf(file))}; at most ${formatBytes(maxBytes)} is accepted.`);
          facts.set(file, await inspectMedia(await readTestFile(file), role));
        } catch (error) {
          if (!(error instanceof ValidationError)) throw error;
          refused.set(file, error.message);
        }
      }
      const problem = refused.get(file);
      if (problem) messages.push(`${file.name}: ${problem}`);
    }
    if (messages.length) problems.push({ line: item.line, item: item.name, messages });
    else ready.push(item);
  }

  const itemIds: string[] = [];
  for (const chunk of chunkByBytes(ready, (item) => item.media.reduce((sum, m) => sum + sizeOf(m.file), 0))) {
    const staged = new Map<IncomingTestFile, StagedBlob>();
    for (const item of chunk) {
      for (const { file } of item.media) {
        if (!staged.has(file)) staged.set(file, await stageBlob({ bytes: await readTestFile(file), mime: facts.get(file)!.mime }));
      }
    }
    const ids = await db.$transaction(
      async (tx) => {
        const created: { id: string; name: string; label: string }[] = [];
        const hashes = new Set<string>();
        for (const item of chunk) {
          const verification = await tx.verification.create({
            data: {
              checkType: testSet.checkType,
              source: "upload",
              status: "queued",
              reference: item.name,
              note: `Test set item of "${testSet.name}"`,
              createdById: actor.kind === "user" ? actor.id : null,
            },
            select: { id: true },
          });
          for (const { role, file } of item.media) {
            const f = facts.get(file)!;
            await putBlob(tx, staged.get(file)!);
            hashes.add(f.sha256);
            await tx.media.create({
              data: { verificationId: verification.id, role, sha256: f.sha256, mime: f.mime, size: f.size, width: f.width, height: f.height, durationMs: f.durationMs, fps: f.fps, originalFilename: file.name.slice(0, 255) },
            });
          }
          const testSetItem = await tx.testSetItem.create({
            data: { testSetId: testSet.id, verificationId: verification.id, label: item.label.label, attackType: item.label.attackType },
            select: { id: true },
          });
          created.push({ id: testSetItem.id, name: item.name, label: item.label.attackType ? `${item.label.label}:${item.label.attackType}` : item.label.label });
        }
        for (const sha256 of hashes) await enqueueJob(tx, JOB_QUEUES.thumbnails, { sha256 });
        await recordAuditEvent(tx, actor, { action: "test_set.items_imported", targetType: "test_set", targetId: testSet.id, after: { items: created } });
        return created.map((c) => c.id);
      },
      { timeout: 120_000, maxWait: 10_000 },
    );
    itemIds.push(...ids);
  }
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { imported: itemIds.length, itemIds, problems };
}

const MAX_MANIFEST_BYTES = 8 * 1024 * 1024;

/** Consecutive chunks of at most ITEMS_PER_TRANSACTION items and, past the first item, BYTES_PER_TRANSACTION bytes. */
function* chunkByBytes<T>(items: T[], bytesOf: (item: T) => number): Generator<T[]> {
  let chunk: T[] = [];
  let bytes = 0;
  for (const item of items) {
    const size = bytesOf(item);
    if (chunk.length > 0 && (chunk.length >= ITEMS_PER_TRANSACTION || bytes + size > BYTES_PER_TRANSACTION)) {
      yield chunk;
      chunk = [];
      bytes = 0;
    }
    chunk.push(item);
    bytes += size;
  }
  if (chunk.length > 0) yield chunk;
}
