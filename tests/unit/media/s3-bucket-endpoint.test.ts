import { S3Client } from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import { resolveBucketEndpoint } from "@/lib/media/s3-signed-requests";

// Where the signed uploads and reads go is the SDK's own endpoint rules, run once.
describe("the bucket's address for signed requests", () => {
  const credentials = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" };

  it("is virtual-hosted on AWS, signed for the bucket's region", () => {
    const client = new S3Client({ region: "eu-west-3", credentials });
    const endpoint = resolveBucketEndpoint(client, "verdict-media", "eu-west-3", undefined, false);
    expect(endpoint?.url.href).toBe("https://verdict-media.s3.eu-west-3.amazonaws.com/");
    expect(endpoint?.signingRegion).toBe("eu-west-3");
  });

  it("is path-style under a custom endpoint (MinIO, s3rver) when asked", () => {
    const client = new S3Client({ region: "us-east-1", endpoint: "http://127.0.0.1:9000", forcePathStyle: true, credentials });
    const endpoint = resolveBucketEndpoint(client, "verdict", "us-east-1", "http://127.0.0.1:9000", true);
    expect(endpoint?.url.href).toBe("http://127.0.0.1:9000/verdict");
  });

  it("is none when the bucket needs more than SigV4 on one address (an S3 Express directory bucket)", () => {
    const client = new S3Client({ region: "us-east-1", credentials });
    expect(resolveBucketEndpoint(client, "verdict--use1-az4--x-s3", "us-east-1", undefined, false)).toBeNull();
  });
});
