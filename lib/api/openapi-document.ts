import { subjectHistoryOperation } from "@/lib/api/openapi-subjects";
import { z } from "zod";
import { normalizedResultSchema } from "@/lib/vendors/types";
import { checkTypes, mediaRoles, vendorIds } from "@/lib/vendors/types";
import { REVIEW_RULE_CODES } from "@/lib/review/review-rule-settings";

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

const SANDBOX_DESCRIPTION =
  "true when a built-in vendor sandbox gave this answer (a deterministic test answer chosen from the file, not a real vendor's): the run was sent to a base URL that is the built-in sandbox's, or the answer carried `Verdict-Sandbox: 1`. Ingested answers are never sandbox answers.";

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
    erased: { type: ["object", "null"], description: "set when the subject was erased: media and personal fields destroyed, results and decisions kept", properties: { at: { type: "string", format: "date-time" }, reason: { type: ["string", "null"] } } },
    media: {
      type: "array",
      items: {
        type: "object",
        properties: {
          id: { type: "string" }, role: { enum: [...mediaRoles] }, mime: { type: "string" }, size: { type: "integer" },
          sha256: { type: ["string", "null"], description: "null once purged" },
          url: { type: ["string", "null"], description: "null once purged" },
          thumbnailsReady: { type: "boolean", description: "its thumbnail (image) or poster frame (video) exists, or it was purged" },
          purged: {
            type: ["object", "null"],
            description: "the tombstone of purged media: when, why (policy or erase), by which policy or person",
            properties: { at: { type: "string", format: "date-time" }, kind: { enum: ["policy", "erase"] }, policy: { type: ["string", "null"] }, by: { type: ["string", "null"] }, description: { type: "string" } },
          },
        },
      },
    },
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
          sandbox: { type: "boolean", description: SANDBOX_DESCRIPTION },
          normalized: { $ref: "#/components/schemas/NormalizedResult" },
          raw: { description: "the vendor's answer exactly as received" },
        },
        required: ["id", "vendor", "attempt", "status", "outcome", "sandbox"],
      },
    },
  },
};

const reviewCase = {
  type: "object",
  description: "A verification flagged for a person. Webhooks case.opened and case.decided carry the same fields as `data`.",
  properties: {
    id: { type: "string", format: "uuid" },
    url: { type: "string" },
    verificationId: { type: "string", format: "uuid" },
    verificationUrl: { type: "string" },
    status: { enum: ["open", "awaiting_confirmation", "escalated", "decided"] },
    rules: { type: "array", items: { type: "string" } },
    ruleDetails: { type: "array", items: { type: "object", properties: { code: { type: "string" }, details: { type: "array", items: { type: "string" } }, vendors: { type: "array", items: { type: "string" } } } } },
    priority: { type: "integer" },
    checkType: { enum: [...checkTypes] },
    reference: { type: ["string", "null"] },
    openedAt: { type: "string", format: "date-time" },
    slaDueAt: { type: ["string", "null"], format: "date-time" },
    decision: { enum: ["approve", "reject", "escalate", null] },
    decidedAt: { type: ["string", "null"], format: "date-time" },
    version: { type: "integer" },
    assignee: { type: ["string", "null"] },
    vendors: {
      type: "array",
      description: "In the list only: the latest answer of each vendor.",
      items: {
        type: "object",
        properties: { vendor: { enum: [...vendorIds] }, outcome: { enum: ["pass", "fail", "review", "error", null] }, sandbox: { type: "boolean", description: SANDBOX_DESCRIPTION } },
        required: ["vendor", "outcome", "sandbox"],
      },
    },
    decisions: { type: "array", items: { type: "object" } },
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
        ReviewCase: reviewCase,
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
      "/api/v1/review-cases": {
        get: {
          summary: "List review cases (newest first by default), with filters and cursor pagination",
          parameters: [
            { name: "status", in: "query", schema: { enum: ["all", "active", "open", "awaiting_confirmation", "escalated", "decided"], default: "all" } },
            { name: "rule", in: "query", schema: { enum: [...REVIEW_RULE_CODES] } },
            { name: "checkType", in: "query", schema: { enum: [...checkTypes] } },
            { name: "vendor", in: "query", schema: { enum: [...vendorIds] } },
            { name: "assignee", in: "query", schema: { type: "string" }, description: "'unassigned' or a user id" },
            { name: "age", in: "query", schema: { enum: ["lt1h", "lt24h", "gt24h", "gt7d"] } },
            { name: "sla", in: "query", schema: { enum: ["ok", "due_soon", "breached", "none"] } },
            { name: "reference", in: "query", schema: { type: "string" }, description: "contains" },
            { name: "sort", in: "query", schema: { enum: ["newest", "oldest", "priority", "sla"], default: "newest" } },
            { name: "cursor", in: "query", schema: { type: "string" } },
            { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 100, default: 25 } },
          ],
          responses: {
            "200": {
              description: "A page of cases and the cursor of the next page (null at the end)",
              content: { "application/json": { schema: { type: "object", properties: { data: { type: "array", items: { $ref: "#/components/schemas/ReviewCase" } }, nextCursor: { type: ["string", "null"] } } } } },
            },
            ...errorResponses,
          },
        },
      },
      "/api/v1/review-cases/{id}": {
        get: {
          summary: "A review case with the rules that flagged it (in words) and its decisions",
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } }],
          responses: { "200": { description: "The case", content: { "application/json": { schema: { $ref: "#/components/schemas/ReviewCase" } } } }, "404": { description: "Unknown id" }, ...errorResponses },
        },
      },
      "/api/v1/dashboards/export": {
        get: {
          summary: "One dashboard table as CSV (the dashboards page's filters and defaults)",
          parameters: [
            { name: "dataset", in: "query", required: true, schema: { enum: ["rates", "rates-by-vendor", "vendor-health", "vendor-health-by-vendor", "vendor-errors", "queue-open", "queue-flow", "reviewers"] } },
            { name: "from", in: "query", schema: { type: "string", format: "date" }, description: "local date in tz; default 29 days before `to`" },
            { name: "to", in: "query", schema: { type: "string", format: "date" }, description: "local date in tz; default today" },
            { name: "bucket", in: "query", schema: { enum: ["day", "week", "month"], default: "day" } },
            { name: "tz", in: "query", schema: { type: "string", default: "UTC" }, description: "IANA time zone the buckets follow" },
            { name: "vendor", in: "query", schema: { enum: [...vendorIds] } },
            { name: "checkType", in: "query", schema: { enum: [...checkTypes] } },
            { name: "source", in: "query", schema: { enum: ["upload", "api", "ingest"] } },
          ],
          responses: { "200": { description: "text/csv, one row per bucket or group" }, ...errorResponses },
        },
      },
      "/api/media/{mediaId}": {
        get: {
          summary: "The original media file (audited)",
          parameters: [{ name: "mediaId", in: "path", required: true, schema: { type: "string", format: "uuid" } }],
          responses: { "200": { description: "The file" }, "410": { description: "Purged: the detail says when and by which policy or erasure" }, ...errorResponses },
        },
      },
      "/api/v1/subjects/{reference}": {
        get: { ...subjectHistoryOperation.get, responses: { ...subjectHistoryOperation.get.responses, ...errorResponses } },
        delete: {
          summary: "Erase a subject: every verification of the reference loses its media and personal fields now (admin API key); idempotent",
          parameters: [{ name: "reference", in: "path", required: true, schema: { type: "string", maxLength: 200 } }],
          requestBody: { required: true, content: { "application/json": { schema: { type: "object", required: ["reason"], properties: { reason: { type: "string", minLength: 3, maxLength: 1000 } } } } } },
          responses: {
            "200": {
              description: "What was erased; verifications under legal hold are listed in `held` and were not erased",
              content: {
                "application/json": {
                  schema: {
                    type: "object",
                    properties: {
                      reference: { type: "string" }, verifications: { type: "integer" }, erased: { type: "integer" }, alreadyErased: { type: "integer" },
                      media: { type: "integer" }, bytes: { type: "integer" }, held: { type: "array", items: { type: "string", format: "uuid" } }, message: { type: "string" },
                    },
                  },
                },
              },
            },
            "404": { description: "No verification has this reference; nothing changed" },
            ...errorResponses,
          },
        },
      },
      "/api/v1/subjects/{reference}/export": {
        get: {
          summary: "Everything Verdict holds about a reference as a zip (subject.json, access-log.json, media files); admin or reviewer, a reference on legal hold admin only; audited",
          parameters: [{ name: "reference", in: "path", required: true, schema: { type: "string", maxLength: 200 } }],
          responses: { "200": { description: "application/zip, streamed" }, "404": { description: "No verification has this reference" }, ...errorResponses },
        },
      },
      "/api/v1/audit/export": {
        get: {
          summary: "The audit log as CSV, filtered like the audit page (admin); cells starting with = + - @ are prefixed with an apostrophe",
          parameters: ["from", "to", "actor", "action", "targetType", "targetId", "verification", "reference"].map((name) => ({ name, in: "query", schema: { type: "string" } })),
          responses: { "200": { description: "text/csv, newest first" }, ...errorResponses },
        },
      },
    },
  };
}
