import http from "node:http";
import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { NextRequest } from "next/server";
import { freezeEnv } from "@/lib/config/env";
import { GET as health } from "@/app/api/health/route";
import { POST as ingestVerification } from "@/app/api/v1/verifications/ingest/route";
import { POST as createVerification } from "@/app/api/v1/verifications/route";
import { problemFromError } from "@/lib/http/api-route";
import { receiveTestSetUpload } from "@/lib/test-sets/receive-test-set-upload";

// The app's body-reading route handlers (and the health probe) behind a plain Node HTTP server, in a
// process of its own, so a test can attack them over real HTTP and read this process's memory from
// /proc, and the scale-out bench can run several app processes without a Next.js build.
// Started with `node --import tsx --import ./tests/support/stub-server-only.mjs`; prints "listening <port>".

type Handler = (req: NextRequest) => Promise<Response>;
const noParams = { params: Promise.resolve({}) };

function route(pathname: string): Handler | null {
  if (pathname === "/api/health") return () => health();
  if (pathname === "/api/v1/verifications") return (req) => createVerification(req, noParams);
  if (pathname === "/api/v1/verifications/ingest") return (req) => ingestVerification(req, noParams);
  // The test-set upload is a session route: here its body handling runs under a CLI actor.
  const testSet = /^\/api\/test-sets\/([0-9a-f-]{36})\/items$/.exec(pathname);
  if (testSet) {
    return async (req) => {
      try {
        const result = await receiveTestSetUpload(req, { kind: "cli", label: "route-server" }, testSet[1]);
        return Response.json(result, { status: result.imported > 0 ? 201 : 200 });
      } catch (error) {
        return problemFromError(error);
      }
    };
  }
  return null;
}

const server = http.createServer(async (incoming, outgoing) => {
  const url = new URL(incoming.url ?? "/", "http://127.0.0.1");
  const handler = route(url.pathname);
  if (!handler) {
    outgoing.writeHead(404).end();
    return;
  }
  const headers = new Headers();
  for (const [key, value] of Object.entries(incoming.headers)) if (typeof value === "string") headers.set(key, value);
  const hasBody = incoming.method !== "GET" && incoming.method !== "HEAD";
  const request = new NextRequest(url, {
    method: incoming.method,
    headers,
    ...(hasBody ? { body: Readable.toWeb(incoming) as ReadableStream<Uint8Array>, duplex: "half" as const } : {}),
  });
  const response = await handler(request);
  outgoing.writeHead(response.status, Object.fromEntries(response.headers));
  if (response.body) Readable.fromWeb(response.body as WebReadableStream<Uint8Array>).pipe(outgoing);
  else outgoing.end();
});

// As scripts/serve.ts does: the environment is read once, not parsed again on every request.
freezeEnv();
server.listen(Number(process.env.ROUTE_SERVER_PORT ?? 0), "127.0.0.1", () => {
  const address = server.address();
  console.log(`listening ${typeof address === "object" && address ? address.port : 0}`);
});

// Ctrl-C, or SIGINT/SIGTERM from a benchmark, exits through node's normal path, so --cpu-prof writes its profile.
process.on("SIGINT", () => process.exit(0));
process.on("SIGTERM", () => process.exit(0));
