import { z } from "zod";
import { normalizedResultSchema } from "@/lib/vendors/types";
import { checkTypes, mediaRoles, vendorIds } from "@/lib/vendors/types";

// The OpenAPI 3.1 description of /api/v1, served at /api/v1/openapi.json. Schemas that exist as zod
// schemas are converted, so the document cannot drift from what the code validates.

const problem = {
  type: "object",
  description: "RFC 9457 problem document. `errors` names each invalid field (or media role) with its messages.",
  properties: {
    type: { type: "string" },
    title: { type: "string" },
    status: { type: "integer" },
    detail: { type: "string" },
    errors: { type: "object", additionalProperties: { type: "array", items: { type: "string" } } },
  },
  required: ["title", "status"],
};

const fileParts = Object.fromEntries(mediaRoles.map((role) => [role, { type: "string", format: "binary", description: `the ${role} file` }]));

const verification = {
  type: "object",
  properties: {
    id: { type: "string", format: "uuid" },
    url: { type: "string" },
    status: { enum: ["queued", "running", "completed", "failed"] },
    checkType: { enum: [...checkTypes] },
    reference: { type: ["string", "null"] },
    source: { enum: ["upload", "api", "ingest"] },
    createdAt: { type: "string", format: "date-time" },
    completedAt: { type: ["string", "null"], format: "date-time" },
    media: { type: "array", items: { type: "object", properties: { id: { type: "string" }, role: { enum: [...mediaRoles] }, mime: { type: "string" }, size: { type: "integer" }, sha256: { type: "string" }, url: { type: "string" } } } },
    runs: {
      type: "array",
      items: {
        type: "object",
        properties: {
          id: { type: "string" },
          vendor: { enum: [...vendorIds] },
          attempt: { type: "integer" },
          status: { enum: ["queued", "running", "completed", "failed", "cancelled"] },
          outcome: { enum: ["pass", "fail", "review", "error", null] },
          normalized: { $ref: "#/components/schemas/NormalizedResult" },
          raw: { description: "the vendor's answer exactly as received" },
        },
      },
    },
  },
};

const errorResponses = {
  "400": { description: "Invalid input", content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } } },
  "401": { description: "Missing or invalid API key", content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } } },
  "403": { description: "The key's role does not allow this", content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } } },
};

export function buildOpenApiDocument() {
  return {
    openapi: "3.1.0",
    info: { title: "Verdict API", version: "1", description: "Send eKYC face checks to Verdict, read their results, and post vendor results you already have." },
    servers: [{ url: "/" }],
    security: [{ bearer: [] }],
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "An API key created by an admin (vdk_…)." } },
      schemas: {
        Problem: problem,
        Verification: verification,
        NormalizedResult: z.toJSONSchema(normalizedResultSchema, { unrepresentable: "any", io: "output" }),
      },
    },
    paths: {
      "/api/v1/verifications": {
        post: {
          summary: "Start a verification; Verdict calls the vendors in the background",
          parameters: [{ name: "Idempotency-Key", in: "header", schema: { type: "string", maxLength: 200 }, description: "A retried request with the same key returns the first result and creates nothing." }],
          requestBody: {
            required: true,
            content: {
              "multipart/form-data": {
                schema: {
                  type: "object",
                  required: ["checkType", "vendors"],
                  properties: {
                    checkType: { enum: [...checkTypes] },
                    vendors: { type: "array", items: { enum: [...vendorIds] }, description: "repeat the field per vendor, or comma-separate" },
                    reference: { type: "string", maxLength: 200 },
                    note: { type: "string", maxLength: 2000 },
                    ...fileParts,
                  },
                },
              },
              "application/json": {
                schema: {
                  type: "object",
                  required: ["checkType", "vendors", "files"],
                  properties: {
                    checkType: { enum: [...checkTypes] },
                    vendors: { type: "array", items: { enum: [...vendorIds] } },
                    reference: { type: "string" },
                    note: { type: "string" },
                    files: { type: "object", description: "media role → base64 of the file", propertyNames: { enum: [...mediaRoles] }, additionalProperties: { type: "string", contentEncoding: "base64" } },
                  },
                },
              },
            },
          },
          responses: {
            "202": { description: "Accepted; follow `url` or GET the Location", content: { "application/json": { schema: { $ref: "#/components/schemas/Verification" } } } },
            ...errorResponses,
            "413": { description: "Body too large" },
            "415": { description: "Neither multipart nor JSON" },
          },
        },
        get: {
          summary: "List verifications, newest first",
          parameters: ["checkType", "vendor", "outcome", "source", "from", "to", "reference", "cursor", "limit"].map((name) => ({ name, in: "query", schema: { type: "string" } })),
          responses: { "200": { description: "A page and the cursor of the next one (null at the end)" }, ...errorResponses },
        },
      },
      "/api/v1/verifications/{id}": {
        get: {
          summary: "A verification with every vendor run, normalized and raw",
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } }],
          responses: { "200": { description: "The verification", content: { "application/json": { schema: { $ref: "#/components/schemas/Verification" } } } }, "404": { description: "Unknown id" }, ...errorResponses },
        },
      },
      "/api/v1/verifications/ingest": {
        post: {
          summary: "Record a vendor answer you already got, with its media; Verdict normalizes it like its own runs",
          requestBody: {
            required: true,
            content: {
              "multipart/form-data": {
                schema: {
                  type: "object",
                  required: ["checkType", "vendor", "vendorResponse"],
                  properties: {
                    checkType: { enum: [...checkTypes] },
                    vendor: { enum: [...vendorIds] },
                    vendorHttpStatus: { type: "integer", default: 200 },
                    vendorResponse: { type: "string", description: "the vendor's body exactly as received" },
                    reference: { type: "string" },
                    ...fileParts,
                  },
                },
              },
            },
          },
          responses: { "201": { description: "Recorded", content: { "application/json": { schema: { $ref: "#/components/schemas/Verification" } } } }, ...errorResponses },
        },
      },
      "/api/media/{mediaId}": {
        get: { summary: "The original media file (audited)", parameters: [{ name: "mediaId", in: "path", required: true, schema: { type: "string", format: "uuid" } }], responses: { "200": { description: "The file" }, ...errorResponses } },
      },
    },
  };
}
