import http from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { NextRequest } from "next/server";

// The app's API route handlers behind a plain Node HTTP server in the test's own process, routed by
// the OpenAPI path templates, so a test sends real HTTP requests to the real handlers.

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response> | Response;
export type RouteModule = Partial<Record<"GET" | "POST" | "PUT" | "PATCH" | "DELETE", Handler>>;

/** OpenAPI path template → the route module that serves it (app/api/…/route.ts). */
export const API_ROUTE_MODULES: Record<string, () => Promise<RouteModule>> = {
  "/api/v1/verifications": () => import("@/app/api/v1/verifications/route"),
  "/api/v1/verifications/{id}": () => import("@/app/api/v1/verifications/[id]/route"),
  "/api/v1/verifications/ingest": () => import("@/app/api/v1/verifications/ingest/route"),
  "/api/v1/review-cases": () => import("@/app/api/v1/review-cases/route"),
  "/api/v1/review-cases/{id}": () => import("@/app/api/v1/review-cases/[id]/route"),
  "/api/v1/subjects/{reference}": () => import("@/app/api/v1/subjects/[reference]/route"),
  "/api/v1/subjects/{reference}/export": () => import("@/app/api/v1/subjects/[reference]/export/route"),
  "/api/v1/dashboards/export": () => import("@/app/api/v1/dashboards/export/route"),
  "/api/v1/audit/export": () => import("@/app/api/v1/audit/export/route"),
  "/api/v1/openapi.json": () => import("@/app/api/v1/openapi.json/route"),
  "/api/media/{mediaId}": () => import("@/app/api/media/[mediaId]/route"),
};

/** A path template as a pattern; literal segments win over parameters (…/ingest before …/{id}). */
function compile(template: string) {
  const names: string[] = [];
  const source = template.replace(/\{([^}]+)\}/g, (_, name: string) => (names.push(name), "([^/]+)")).replaceAll(".", "\\.");
  return { template, names, pattern: new RegExp(`^${source}$`), literal: names.length === 0 };
}

const ROUTES = Object.keys(API_ROUTE_MODULES)
  .map(compile)
  .sort((a, b) => Number(b.literal) - Number(a.literal));

function match(pathname: string) {
  for (const route of ROUTES) {
    const found = route.pattern.exec(pathname);
    if (found) return { template: route.template, params: Object.fromEntries(route.names.map((name, i) => [name, found[i + 1]])) };
  }
  return null;
}

export interface ApiServer {
  url: string;
  close: () => Promise<void>;
}

export async function startApiServer(): Promise<ApiServer> {
  const server = http.createServer(async (incoming, outgoing) => {
    const url = new URL(incoming.url ?? "/", "http://127.0.0.1");
    const found = match(url.pathname);
    const handler = found ? (await API_ROUTE_MODULES[found.template]())[incoming.method as keyof RouteModule] : undefined;
    if (!found || !handler) {
      outgoing.writeHead(found ? 405 : 404).end();
      return;
    }
    const headers = new Headers();
    for (const [key, value] of Object.entries(incoming.headers)) if (typeof value === "string") headers.set(key, value);
    const hasBody = incoming.method !== "GET" && incoming.method !== "HEAD";
    const request = new NextRequest(url, {
      method: incoming.method,
      headers,
      ...(hasBody ? { body: Readable.toWeb(incoming) as ReadableStream<Uint8Array>, duplex: "half" } : {}),
    });
    const response = await handler(request, { params: Promise.resolve(found.params) });
    outgoing.writeHead(response.status, Object.fromEntries(response.headers));
    if (response.body) Readable.fromWeb(response.body as WebReadableStream<Uint8Array>).pipe(outgoing);
    else outgoing.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
