import { buildOpenApiDocument } from "@/lib/api/openapi-document";

// Public, like any API description: it holds no data.
export function GET() {
  return Response.json(buildOpenApiDocument());
}
