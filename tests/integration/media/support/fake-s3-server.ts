import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

// Just enough of the S3 REST API (path style) for the blob store: PUT, GET with Range, DELETE and
// ListObjectsV2, so the real @aws-sdk/client-s3 code path runs against it over HTTP.
export interface FakeS3 {
  endpoint: string;
  bucket: string;
  objects: Map<string, { bytes: Buffer; contentType: string; lastModified: Date }>;
  close(): Promise<void>;
}

const xmlEscape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

async function readBody(req: IncomingMessage) {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startFakeS3(bucket = "verdict-test"): Promise<FakeS3> {
  const objects: FakeS3["objects"] = new Map();

  const notFound = (res: ServerResponse) => {
    res.writeHead(404, { "Content-Type": "application/xml" });
    res.end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchKey</Code><Message>not found</Message></Error>`);
  };

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://fake");
    const [, urlBucket, ...rest] = url.pathname.split("/");
    const key = decodeURIComponent(rest.join("/"));
    if (urlBucket !== bucket) return notFound(res);

    if (req.method === "PUT" && key) {
      objects.set(key, { bytes: await readBody(req), contentType: req.headers["content-type"] ?? "application/octet-stream", lastModified: new Date() });
      res.writeHead(200, { ETag: '"fake"' });
      return res.end();
    }
    if ((req.method === "GET" || req.method === "HEAD") && key) {
      const object = objects.get(key);
      if (!object) return notFound(res);
      const match = /^bytes=(\d+)-(\d+)$/.exec(req.headers.range ?? "");
      const [start, end] = match ? [Number(match[1]), Math.min(Number(match[2]), object.bytes.length - 1)] : [0, object.bytes.length - 1];
      const body = object.bytes.subarray(start, end + 1);
      res.writeHead(match ? 206 : 200, {
        "Content-Type": object.contentType,
        "Content-Length": String(body.length),
        "Last-Modified": object.lastModified.toUTCString(),
        ...(match ? { "Content-Range": `bytes ${start}-${end}/${object.bytes.length}` } : {}),
      });
      return res.end(req.method === "HEAD" ? undefined : body);
    }
    if (req.method === "DELETE" && key) {
      objects.delete(key);
      res.writeHead(204);
      return res.end();
    }
    if (req.method === "GET" && url.searchParams.get("list-type") === "2") {
      const prefix = url.searchParams.get("prefix") ?? "";
      const listed = [...objects.entries()].filter(([k]) => k.startsWith(prefix)).sort(([a], [b]) => a.localeCompare(b));
      const keys = listed.map(([k]) => k);
      const contents = listed
        .map(([k, object]) => `<Contents><Key>${xmlEscape(k)}</Key><LastModified>${object.lastModified.toISOString()}</LastModified><Size>${object.bytes.length}</Size></Contents>`)
        .join("");
      res.writeHead(200, { "Content-Type": "application/xml" });
      return res.end(
        `<?xml version="1.0" encoding="UTF-8"?><ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>${bucket}</Name><Prefix>${xmlEscape(prefix)}</Prefix><KeyCount>${keys.length}</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated>${contents}</ListBucketResult>`,
      );
    }
    res.writeHead(400);
    res.end();
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    bucket,
    objects,
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
