import { db, type Db, type Tx } from "@/lib/db";
import type { BlobStorage } from "@/lib/generated/prisma/enums";
import { sha256Hex } from "@/lib/media/hash-bytes";
import { getMediaEnv } from "@/lib/media/media-env";
import { BLOB_KEY_PREFIX, blobObjectKey, type ByteRange, type ObjectStore } from "@/lib/media/object-store";
import { createS3ObjectStore } from "@/lib/media/s3-object-store";

/*
 * Content-addressed blob store: a file is identified by the sha256 of its bytes and stored once,
 * whichever verification brought it.
 *
 * Two backends behind one interface:
 * - postgres (default): the bytes go into Blob.data, inside the caller's transaction, so a
 *   verification, its media rows, its jobs and its bytes commit or roll back together.
 * - s3 (when S3_BUCKET is set): the bytes go to `blobs/<sha256>` in the bucket. Object storage
 *   cannot join a database transaction, so upload first with `stageBlob` (outside the transaction),
 *   then record the Blob row with `putBlob(tx, staged)` inside it. If the transaction rolls back,
 *   the object stays behind without a Blob row: harmless, because the key is the content hash —
 *   the next upload of the same bytes reuses it — and `deleteUnreferencedS3Blobs` purges such
 *   orphans later (run it from a periodic job).
 */

export type BlobBackend = { storage: "postgres" } | { storage: "s3"; objects: ObjectStore };

export interface BlobInput {
  bytes: Uint8Array;
  // The sniffed type (lib/media/sniff-media-type), never the client's claim.
  mime: string;
}

export interface StagedBlob extends BlobInput {
  staged: true;
  sha256: string;
  size: number;
  storage: BlobStorage;
}

export interface StoredBlob {
  sha256: string;
  size: number;
  mime: string;
  storage: BlobStorage;
}

export interface BlobContent extends StoredBlob {
  body: Uint8Array<ArrayBuffer> | ReadableStream<Uint8Array>;
  // The inclusive byte range served, or null for the whole blob.
  range: ByteRange | null;
}

let s3Backend: { key: string; backend: BlobBackend } | undefined;

/** The backend the environment asks for: S3 when S3_BUCKET is set, PostgreSQL otherwise. */
export function configuredBlobBackend(): BlobBackend {
  const env = getMediaEnv();
  if (!env.S3_BUCKET) return { storage: "postgres" };
  const key = [env.S3_BUCKET, env.S3_ENDPOINT, env.S3_REGION, env.S3_ACCESS_KEY_ID, env.S3_FORCE_PATH_STYLE].join("|");
  if (s3Backend?.key !== key) s3Backend = { key, backend: { storage: "s3", objects: createS3ObjectStore({ ...env, S3_BUCKET: env.S3_BUCKET }) } };
  return s3Backend.backend;
}

function objectStoreOf(backend: BlobBackend, sha256: string): ObjectStore {
  if (backend.storage !== "s3") throw new Error(`blob ${sha256} is stored in S3, but S3_BUCKET is not configured`);
  return backend.objects;
}

/**
 * Hashes the bytes and, with the S3 backend, uploads them. Call it BEFORE `db.$transaction` so the
 * transaction never waits on the network. The object is written even when it exists: the same key
 * gets the same bytes, and the fresh modification time keeps `deleteUnreferencedS3Blobs` from
 * taking an old orphan that this upload is about to reference.
 */
export async function stageBlob(input: BlobInput, backend: BlobBackend = configuredBlobBackend()): Promise<StagedBlob> {
  const sha256 = sha256Hex(input.bytes);
  if (backend.storage === "s3") await backend.objects.putObject(blobObjectKey(sha256), input.bytes, input.mime);
  return { ...input, staged: true, sha256, size: input.bytes.length, storage: backend.storage };
}

/**
 * Records a blob inside the caller's transaction (`db.$transaction(async (tx) => putBlob(tx, …))`);
 * identical bytes are stored once (insert-or-keep on sha256). Pass a `stageBlob` result with the
 * S3 backend; raw bytes work too but then the upload happens inside the transaction.
 * Returns the row as stored — an existing row keeps the storage it was written with.
 */
export async function putBlob(tx: Tx | Db, input: BlobInput | StagedBlob, backend: BlobBackend = configuredBlobBackend()): Promise<StoredBlob> {
  const staged = "staged" in input && input.staged && input.storage === backend.storage ? input : await stageBlob(input, backend);
  await tx.blob.createMany({
    data: [
      {
        sha256: staged.sha256,
        size: staged.size,
        mime: staged.mime,
        storage: staged.storage,
        data: staged.storage === "postgres" ? toOwnedBytes(staged.bytes) : null,
      },
    ],
    skipDuplicates: true,
  });
  return tx.blob.findUniqueOrThrow({ where: { sha256: staged.sha256 }, select: { sha256: true, size: true, mime: true, storage: true } });
}

/**
 * The bytes of a blob (a byte range of it when asked), or null when no such blob exists.
 * PostgreSQL blobs come back as bytes (a range is cut by the database), S3 blobs as a stream.
 */
export async function getBlob(sha256: string, options: { range?: ByteRange; backend?: BlobBackend } = {}): Promise<BlobContent | null> {
  const row = await db.blob.findUnique({ where: { sha256 }, select: { sha256: true, size: true, mime: true, storage: true } });
  if (!row) return null;
  const range = options.range ?? null;
  if (row.storage === "s3") {
    const objects = objectStoreOf(options.backend ?? configuredBlobBackend(), sha256);
    const stream = await objects.getObject(blobObjectKey(sha256), range ?? undefined);
    if (!stream) throw new Error(`blob ${sha256} has a row but no object in ${objects.description}`);
    return { ...row, body: stream, range };
  }
  if (range) {
    // substring() on bytea is 1-based; only the requested slice leaves the database.
    const [slice] = await db.$queryRaw<Array<{ chunk: Uint8Array | null }>>`
      SELECT substring("data" FROM ${range.start + 1}::int FOR ${range.end - range.start + 1}::int) AS chunk
      FROM "Blob" WHERE "sha256" = ${sha256}`;
    if (!slice?.chunk) throw new Error(`blob ${sha256} has no data`);
    return { ...row, body: toOwnedBytes(slice.chunk), range };
  }
  const withData = await db.blob.findUniqueOrThrow({ where: { sha256 }, select: { data: true } });
  if (!withData.data) throw new Error(`blob ${sha256} has no data`);
  return { ...row, body: withData.data, range: null };
}

/** The whole blob in memory (thumbnailing), or null when no such blob exists. */
export async function readBlobBytes(sha256: string, backend: BlobBackend = configuredBlobBackend()): Promise<(StoredBlob & { bytes: Uint8Array }) | null> {
  // One read for the row and, when PostgreSQL holds them, its bytes (null for S3).
  const row = await db.blob.findUnique({ where: { sha256 }, select: { sha256: true, size: true, mime: true, storage: true, data: true } });
  if (!row) return null;
  const { data, ...stored } = row;
  return { ...stored, bytes: await readStoredBlobBytes({ sha256, storage: row.storage, data }, backend) };
}

/**
 * The bytes of a blob whose row the caller has already read (a vendor call's media): no second
 * lookup of the row, and an S3 object is read straight into memory.
 */
export async function readStoredBlobBytes(blob: { sha256: string; storage: BlobStorage; data: Uint8Array | null }, backend: BlobBackend = configuredBlobBackend()): Promise<Uint8Array> {
  if (blob.data) return blob.data;
  if (blob.storage === "s3") {
    const objects = objectStoreOf(backend, blob.sha256);
    const bytes = await objects.getObjectBytes(blobObjectKey(blob.sha256));
    if (!bytes) throw new Error(`blob ${blob.sha256} has a row but no object in ${objects.description}`);
    return bytes;
  }
  const row = await db.blob.findUnique({ where: { sha256: blob.sha256 }, select: { data: true } });
  if (!row?.data) throw new Error(`blob ${blob.sha256} has no data`);
  return row.data;
}

/**
 * Deletes bucket objects that no `Blob` row (storage s3) refers to: uploads whose transaction
 * rolled back. Objects younger than `olderThanMs` are kept, since their transaction may still be
 * running. Returns the deleted keys. Blob rows no media refers to any more are the retention
 * purge's business, not this function's.
 */
export async function deleteUnreferencedS3Blobs(options: { olderThanMs?: number; backend?: BlobBackend } = {}): Promise<string[]> {
  const backend = options.backend ?? configuredBlobBackend();
  if (backend.storage !== "s3") return [];
  const cutoff = Date.now() - (options.olderThanMs ?? 60 * 60 * 1000);
  const deleted: string[] = [];
  let batch: string[] = [];
  const flush = async () => {
    const hashes = batch.map((key) => key.slice(BLOB_KEY_PREFIX.length));
    const known = await db.blob.findMany({ where: { sha256: { in: hashes }, storage: "s3" }, select: { sha256: true } });
    const referenced = new Set(known.map((row) => row.sha256));
    for (const key of batch) {
      if (referenced.has(key.slice(BLOB_KEY_PREFIX.length))) continue;
      await backend.objects.deleteObject(key);
      deleted.push(key);
    }
    batch = [];
  };
  for await (const object of backend.objects.listObjects(BLOB_KEY_PREFIX)) {
    if (object.lastModified.getTime() > cutoff) continue;
    batch.push(object.key);
    if (batch.length >= 500) await flush();
  }
  if (batch.length > 0) await flush();
  return deleted;
}

// Prisma's Bytes wants a Uint8Array over a plain ArrayBuffer; a Node Buffer may sit in a shared pool.
function toOwnedBytes(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
    ? (bytes as Uint8Array<ArrayBuffer>)
    : new Uint8Array(bytes);
}
