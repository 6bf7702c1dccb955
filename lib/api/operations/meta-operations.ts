import { z } from "zod";
import { defineOperation } from "@/lib/api/define-operation";

export const getOpenApiDocument = defineOperation({
  operationId: "getOpenApiDocument",
  method: "get",
  path: "/api/v1/openapi.json",
  tag: "meta",
  summary: "This OpenAPI 3.1 document (public: it holds no data)",
  access: null,
  responses: { 200: { description: "The document.", content: { "application/json": { schema: z.looseObject({ openapi: z.string() }) } } } },
  problems: [],
});
