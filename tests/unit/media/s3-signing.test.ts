import { Readable } from "node:stream";
import { GetObjectCommand, PutObjectCommand, S3Client, type S3ClientConfig } from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import { signS3Request } from "@/lib/media/s3-signed-requests";

// Verdict signs its uploads and whole reads itself (aws4); the AWS SDK signs everything else. For the
// same request both must compute the same SigV4 signature, or S3 refuses one of them (s3rver, used
// by the integration tests, does not check SigV4 signatures).
interface Captured {
  method: string;
  protocol: string;
  hostname: string;
  port?: number;
  path: string;
  query?: Record<string, string>;
  headers: Record<string, string>;
  body?: unknown;
}

async function signedBySdk(config: S3ClientConfig, command: PutObjectCommand | GetObjectCommand): Promise<Captured> {
  let captured: Captured | null = null;
  const client = new S3Client({
    ...config,
    requestHandler: {
      async handle(request: Captured) {
        captured = request;
        return { response: { statusCode: 200, headers: {}, body: Readable.from([]) } };
      },
    },
  });
  await client.send(command).catch(() => {});
  if (!captured) throw new Error("the SDK sent nothing");
  return captured;
}

function signatureOf(authorization: string) {
  return /Signature=([0-9a-f]{64})/.exec(authorization)?.[1];
}

/** Signs what the SDK signed (same headers and time) with Verdict's signer. */
function resignWithVerdict(sent: Captured, region: string, credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }) {
  const signedNames = /SignedHeaders=([^,]+)/.exec(sent.headers.authorization)![1].split(";");
  const headers = Object.fromEntries(signedNames.filter((name) => name !== "host").map((name) => [name, sent.headers[name]]));
  const url = new URL(`${sent.protocol}//${sent.hostname}${sent.port ? `:${sent.port}` : ""}${sent.path}`);
  for (const [name, value] of Object.entries(sent.query ?? {})) url.searchParams.set(name, value);
  const body = Buffer.isBuffer(sent.body) || sent.body instanceof Uint8Array ? Buffer.from(sent.body) : undefined;
  return signS3Request({ url, method: sent.method as "PUT" | "GET", headers, body }, region, credentials);
}

describe("Verdict's SigV4 signature equals the AWS SDK's", () => {
  const credentials = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", sessionToken: "session-token-from-a-role" };
  const key = "blobs/9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

  it.each([
    ["virtual-hosted on AWS", { region: "eu-west-3", credentials } satisfies S3ClientConfig],
    ["path-style at a custom endpoint", { region: "us-east-1", endpoint: "http://127.0.0.1:9000", forcePathStyle: true, credentials } satisfies S3ClientConfig],
  ])("for an upload and a read, %s", async (_label, config) => {
    const bytes = Buffer.from("the bytes of a face picture");
    const put = await signedBySdk(config, new PutObjectCommand({ Bucket: "verdict-media", Key: key, Body: bytes, ContentType: "image/jpeg", ContentLength: bytes.length }));
    const get = await signedBySdk(config, new GetObjectCommand({ Bucket: "verdict-media", Key: key }));
    for (const sent of [put, get]) {
      const ours = resignWithVerdict(sent, config.region, credentials);
      expect(signatureOf(ours.Authorization)).toBe(signatureOf(sent.headers.authorization));
    }
  });
});
