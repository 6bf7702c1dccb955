import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import S3rver from "s3rver";
import { freePort } from "@/tests/support/provision-database";
import type { BlobBackend } from "@/lib/media/blob-store";
import { createS3ObjectStore } from "@/lib/media/s3-object-store";
import { BLOB_KEY_PREFIX } from "@/lib/media/object-store";

// A real S3-compatible server (s3rver: the S3 REST API over HTTP, objects on disk) for one test file.
export interface TestS3 {
  env: Record<string, string>;
  backend: BlobBackend;
  keys(): Promise<string[]>;
  close(): Promise<void>;
}

export async function startTestS3(): Promise<TestS3> {
  const directory = mkdtempSync(path.join(os.tmpdir(), "verdict-s3rver-"));
  const port = await freePort();
  const bucket = "verdict-retention";
  const server = new S3rver({ port, address: "127.0.0.1", silent: true, directory, configureBuckets: [{ name: bucket }] });
  await server.run();
  const env = {
    S3_BUCKET: bucket,
    S3_ENDPOINT: `http://127.0.0.1:${port}`,
    S3_REGION: "us-east-1",
    S3_ACCESS_KEY_ID: "S3RVER",
    S3_SECRET_ACCESS_KEY: "S3RVER",
    S3_FORCE_PATH_STYLE: "true",
  };
  const objects = createS3ObjectStore({ S3_BUCKET: bucket, S3_ENDPOINT: env.S3_ENDPOINT, S3_REGION: env.S3_REGION, S3_ACCESS_KEY_ID: "S3RVER", S3_SECRET_ACCESS_KEY: "S3RVER", S3_FORCE_PATH_STYLE: true, FFMPEG_PATH: "ffmpeg", FFPROBE_PATH: "ffprobe", MEDIA_PROBE_TIMEOUT_MS: 1, MEDIA_FRAME_TIMEOUT_MS: 1, MEDIA_MAX_BYTES: 1, MEDIA_MAX_IMAGE_PIXELS: 1 });
  return {
    env,
    backend: { storage: "s3", objects },
    async keys() {
      const out: string[] = [];
      for await (const o of objects.listObjects(BLOB_KEY_PREFIX)) out.push(o.key);
      return out;
    },
    async close() {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
