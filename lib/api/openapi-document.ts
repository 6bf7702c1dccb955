import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject, type ZodOpenApiResponsesObject } from "zod-openapi";
import { API_TAGS, problemsOf, type ApiOperation } from "@/lib/api/define-operation";
import { API_OPERATIONS } from "@/lib/api/operations";
import { PROBLEM_KINDS, problemResponseOf } from "@/lib/api/problem-kinds";

// The OpenAPI 3.1 description of the API, served at /api/v1/openapi.json. It is generated from the
// operations' zod schemas (lib/api/operations), the same ones the route handlers parse with and
// type their answers from, so it cannot drift from the code.

function responsesOf(operation: ApiOperation): ZodOpenApiResponsesObject {
  const responses: ZodOpenApiResponsesObject = {};
  for (const [status, response] of Object.entries(operation.responses)) responses[status as `${1 | 2 | 3 | 4 | 5}${string}`] = response;
  for (const code of problemsOf(operation)) responses[`${PROBLEM_KINDS[code].status}`] = problemResponseOf(code);
  return responses;
}

function operationObject(operation: ApiOperation): ZodOpenApiOperationObject {
  return {
    operationId: operation.operationId,
    tags: [operation.tag],
    summary: operation.summary,
    ...(operation.description ? { description: operation.description } : {}),
    ...(operation.access ? {} : { security: [] }),
    requestParams: {
      ...(operation.pathParams ? { path: operation.pathParams } : {}),
      ...(operation.query ? { query: operation.query } : {}),
      ...(operation.headers ? { header: operation.headers } : {}),
    },
    ...(operation.requestBody ? { requestBody: operation.requestBody } : {}),
    responses: responsesOf(operation),
  };
}

function pathsOf(operations: readonly ApiOperation[]): ZodOpenApiPathsObject {
  const paths: ZodOpenApiPathsObject = {};
  for (const operation of operations) paths[operation.path] = { ...paths[operation.path], [operation.method]: operationObject(operation) };
  return paths;
}

let cached: ReturnType<typeof createDocument> | undefined;

export function buildOpenApiDocument() {
  cached ??= createDocument({
    openapi: "3.1.0",
    info: {
      title: "Verdict API",
      version: "1",
      description:
        "Send eKYC face checks to Verdict, read their results, and post vendor results you already have. Errors are RFC 9457 problem documents (`application/problem+json`) whose `type` and `code` name the kind of error.",
      license: { name: "Apache-2.0", identifier: "Apache-2.0" },
    },
    servers: [{ url: "/", description: "The Verdict server that serves this document." }],
    security: [{ bearer: [] }],
    tags: Object.entries(API_TAGS).map(([name, description]) => ({ name, description })),
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "An API key created by an admin (vdk_…), or a signed-in browser session." } },
    },
    paths: pathsOf(API_OPERATIONS),
  });
  return cached;
}
