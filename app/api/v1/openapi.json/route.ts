import { buildOpenApiDocument } from "@/lib/api/openapi-document";

// GET /api/v1/openapi.json (operation getOpenApiDocument): public, like any API description; it holds no data.
export function GET() {
  return Response.json(buildOpenApiDocument());
}
