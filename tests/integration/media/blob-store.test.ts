import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import { deleteUnreferencedS3Blobs, getBlob, putBlob, readBlobBytes, stageBlob, type BlobBackend } from "@/lib/media/blob-store";
import { sha256Hex } from "@/lib/media/hash-bytes";
import { getMediaEnv } from "@/lib/media/media-env";
import { blobObjectKey } from "@/lib/media/object-store";
import { createS3ObjectStore } from "@/lib/media/s3-object-store";
import { makeImage } from "@/tests/unit/media/support/make-test-media";
import { startFakeS3, type FakeS3 } from "./support/fake-s3-server";

afterAll(() => disconnectDb());

class Rollback extends Error {}

async function bytesOf(body: Uint8Array | ReadableStream<Uint8Array>) {
  if (body instanceof Uint8Array) return Buffer.from(body);
  return Buffer.from(await new Response(body).arrayBuffer());
}

describe("blob store, PostgreSQL backend", () => {
  const postgres: BlobBackend = { storage: "postgres" };

  it("stores identical bytes once, whichever transaction brings them", async () => {
    const bytes = await makeImage("png");
    const first = await db.$transaction((tx) => putBlob(tx, { bytes, mime: "image/png" }, postgres));
    const second = await db.$transaction((tx) => putBlob(tx, { bytes: Buffer.from(bytes), mime: "image/png" }, postgres));
    expect(first).toEqual({ sha256: sha256Hex(bytes), size: bytes.length, mime: "image/png", storage: "postgres" });
    expect(second).toEqual(first);
    expect(await db.blob.count({ where: { sha256: first.sha256 } })).toBe(1);
    const row = await db.blob.findUniqueOrThrow({ where: { sha256: first.sha256 }, select: { data: true } });
    expect(Buffer.from(row.data ?? new Uint8Array()).equals(bytes)).toBe(true);
  });

  it("leaves no Blob row when the surrounding transaction rolls back", async () => {
    const bytes = await makeImage("jpeg");
    const error = await db
      .$transaction(async (tx) => {
        await putBlob(tx, { bytes, mime: "image/jpeg" }, postgres);
        throw new Rollback("the verification failed to save");
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Rollback);
    expect(await db.blob.count({ where: { sha256: sha256Hex(bytes) } })).toBe(0);
  });

  it("reads a blob whole or a byte range of it; an unknown sha256 is null", async () => {
    const bytes = await makeImage("webp");
    const { sha256 } = await putBlob(db, { bytes, mime: "image/webp" }, postgres);
    const whole = await getBlob(sha256);
    expect(whole).toMatchObject({ sha256, mime: "image/webp", size: bytes.length, storage: "postgres", range: null });
    expect((await bytesOf(whole!.body)).equals(bytes)).toBe(true);
    const part = await getBlob(sha256, { range: { start: 4, end: 11 } });
    expect((await bytesOf(part!.body)).equals(bytes.subarray(4, 12))).toBe(true);
    expect(await getBlob("0".repeat(64))).toBeNull();
  });
});

describe("blob store, S3 backend (fake S3 over HTTP)", () => {
  let s3: FakeS3;
  let backend: BlobBackend;

  beforeAll(async () => {
    s3 = await startFakeS3();
    const env = getMediaEnv({ S3_BUCKET: s3.bucket, S3_ENDPOINT: s3.endpoint, S3_ACCESS_KEY_ID: "test", S3_SECRET_ACCESS_KEY: "test-secret" });
    backend = { storage: "s3", objects: createS3ObjectStore({ ...env, S3_BUCKET: s3.bucket }) };
  });
  afterAll(() => s3.close());

  it("uploads before the transaction and records a row without bytes; reads come from the bucket", async () => {
    const bytes = await makeImage("jpeg");
    const staged = await stageBlob({ bytes, mime: "image/jpeg" }, backend);
    expect(s3.objects.get(blobObjectKey(staged.sha256))).toMatchObject({ contentType: "image/jpeg" });
    const stored = await db.$transaction((tx) => putBlob(tx, staged, backend));
    expect(stored).toEqual({ sha256: staged.sha256, size: bytes.length, mime: "image/jpeg", storage: "s3" });
    const row = await db.blob.findUniqueOrThrow({ where: { sha256: staged.sha256 }, select: { data: true } });
    expect(row.data).toBeNull();

    const read = await readBlobBytes(staged.sha256, backend);
    expect(Buffer.from(read!.bytes).equals(bytes)).toBe(true);
    const part = await getBlob(staged.sha256, { range: { start: 2, end: 9 }, backend });
    expect((await bytesOf(part!.body)).equals(bytes.subarray(2, 10))).toBe(true);
  });

  it("a rolled-back transaction leaves only an orphan object, which the purge deletes", async () => {
    const kept = await makeImage("png");
    const orphan = await makeImage("png");
    const keptBlob = await stageBlob({ bytes: kept, mime: "image/png" }, backend);
    await putBlob(db, keptBlob, backend);
    const orphanBlob = await stageBlob({ bytes: orphan, mime: "image/png" }, backend);
    await db
      .$transaction(async (tx) => {
        await putBlob(tx, orphanBlob, backend);
        throw new Rollback();
      })
      .catch((e: unknown) => e);
    expect(await db.blob.count({ where: { sha256: orphanBlob.sha256 } })).toBe(0);
    expect(s3.objects.has(blobObjectKey(orphanBlob.sha256))).toBe(true);

    // Young objects are kept: their transaction may still be running.
    expect(await deleteUnreferencedS3Blobs({ backend })).toEqual([]);
    const deleted = await deleteUnreferencedS3Blobs({ backend, olderThanMs: -1000 });
    expect(deleted).toContain(blobObjectKey(orphanBlob.sha256));
    expect(s3.objects.has(blobObjectKey(orphanBlob.sha256))).toBe(false);
    expect(s3.objects.has(blobObjectKey(keptBlob.sha256))).toBe(true);
  });

  it("stores the same bytes once in the bucket and once in the table", async () => {
    const bytes = await makeImage("webp");
    await db.$transaction(async (tx) => putBlob(tx, await stageBlob({ bytes, mime: "image/webp" }, backend), backend));
    await db.$transaction((tx) => putBlob(tx, { bytes, mime: "image/webp" }, backend));
    const sha256 = sha256Hex(bytes);
    expect(await db.blob.count({ where: { sha256 } })).toBe(1);
    expect([...s3.objects.keys()].filter((key) => key === blobObjectKey(sha256))).toHaveLength(1);
  });
});
