import { DeleteObjectCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client, S3ServiceException } from "@aws-sdk/client-s3";
import type { MediaEnv } from "@/lib/media/media-env";
import type { ByteRange, ObjectStore, StoredObject } from "@/lib/media/object-store";
import { signedS3Requests } from "@/lib/media/s3-signed-requests";

function isNotFound(error: unknown) {
  return error instanceof S3ServiceException && (error.$metadata.httpStatusCode === 404 || error.name === "NotFound" || error.name === "NoSuchKey");
}

/** An S3 bucket (AWS, MinIO, R2, Ceph…) configured from S3_* variables. */
export function createS3ObjectStore(env: MediaEnv & { S3_BUCKET: string }): ObjectStore {
  const bucket = env.S3_BUCKET;
  const client = new S3Client({
    region: env.S3_REGION,
    endpoint: env.S3_ENDPOINT,
    forcePathStyle: env.S3_FORCE_PATH_STYLE,
    credentials:
      env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY
        ? { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY }
        : undefined,
    // Many S3-compatible stores reject the SDK's default extra checksums; send them only when required.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });

  // Uploads and whole-object reads skip the SDK's per-command work where the bucket is plain SigV4.
  const signed = signedS3Requests(client, { bucket, region: env.S3_REGION, endpoint: env.S3_ENDPOINT, forcePathStyle: env.S3_FORCE_PATH_STYLE });

  return {
    description: `s3://${bucket}${env.S3_ENDPOINT ? ` at ${env.S3_ENDPOINT}` : ""}`,
    async putObject(key, bytes, mime) {
      if (signed) return signed.put(key, bytes, mime);
      await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: bytes, ContentType: mime, ContentLength: bytes.length }));
    },
    async getObject(key, range?: ByteRange) {
      try {
        const answer = await client.send(
          new GetObjectCommand({ Bucket: bucket, Key: key, Range: range ? `bytes=${range.start}-${range.end}` : undefined }),
        );
        if (!answer.Body) return null;
        return answer.Body.transformToWebStream() as ReadableStream<Uint8Array>;
      } catch (error) {
        if (isNotFound(error)) return null;
        throw error;
      }
    },
    async getObjectBytes(key) {
      if (signed) return signed.get(key);
      try {
        const answer = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        // Read from the Node stream directly: a web stream and a Response around it cost more CPU per call.
        return answer.Body ? await answer.Body.transformToByteArray() : null;
      } catch (error) {
        if (isNotFound(error)) return null;
        throw error;
      }
    },
    async *listObjects(prefix): AsyncIterable<StoredObject> {
      let token: string | undefined;
      do {
        const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }));
        for (const item of page.Contents ?? []) {
          if (item.Key) yield { key: item.Key, lastModified: item.LastModified ?? new Date(0) };
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
    },
    async deleteObject(key) {
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
    },
  };
}
