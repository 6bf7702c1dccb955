import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { getMediaEnv } from "@/lib/media/media-env";
import { createS3ObjectStore } from "@/lib/media/s3-object-store";
import { startTestS3, type TestS3 } from "@/tests/integration/data-protection/support/s3-server";

// Uploads and whole reads go out as SigV4-signed requests of Verdict's own (lib/media/s3-signed-requests.ts);
// ranges, listing and deleting through the SDK. s3rver checks the access key but not SigV4 signatures:
// tests/unit/media/s3-signing.test.ts checks that ours equal the SDK's.
describe("S3 object store against s3rver", () => {
  let s3: TestS3;
  const storeWith = (accessKeyId: string) => {
    const env = getMediaEnv({ ...s3.env, S3_ACCESS_KEY_ID: accessKeyId });
    return createS3ObjectStore({ ...env, S3_BUCKET: s3.env.S3_BUCKET });
  };

  beforeAll(async () => {
    s3 = await startTestS3();
  });
  afterAll(() => s3.close());

  it("uploads, and reads back whole (signed) and by range (SDK) the same bytes", async () => {
    const store = storeWith(s3.env.S3_ACCESS_KEY_ID);
    const bytes = randomBytes(40_000);
    await store.putObject("blobs/round-trip", bytes, "image/jpeg");
    expect(Buffer.from((await store.getObjectBytes("blobs/round-trip"))!).equals(bytes)).toBe(true);
    const part = await store.getObject("blobs/round-trip", { start: 100, end: 199 });
    expect(Buffer.from(await new Response(part).arrayBuffer()).equals(bytes.subarray(100, 200))).toBe(true);
    expect(await s3.keys()).toContain("blobs/round-trip");
  });

  it("answers null for an object that is not there", async () => {
    expect(await storeWith(s3.env.S3_ACCESS_KEY_ID).getObjectBytes("blobs/missing")).toBeNull();
  });

  it("refuses an unknown access key with S3's own code and message, and stores nothing", async () => {
    const store = storeWith("NOT-A-KEY");
    await expect(store.putObject("blobs/forged", randomBytes(1000), "image/png")).rejects.toThrow(/^S3 PUT blobs\/forged answered 403 InvalidAccessKeyId: The AWS Access Key Id/);
    await expect(store.getObjectBytes("blobs/round-trip")).rejects.toThrow(/^S3 GET blobs\/round-trip answered 403 InvalidAccessKeyId/);
    expect(await s3.keys()).not.toContain("blobs/forged");
  });
});
