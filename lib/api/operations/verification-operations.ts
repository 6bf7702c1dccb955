import { z } from "zod";
import { defineOperation } from "@/lib/api/define-operation";
import { pageCursor, pageLimit } from "@/lib/api/schemas/common";
import { createdVerificationSchema, verificationPageSchema, verificationSchema } from "@/lib/api/schemas/verification-schemas";
import { checkTypeSchema, mediaRoles, outcomeSchema, vendorIdSchema } from "@/lib/vendors/types";
import { verificationSourceSchema } from "@/lib/verifications/find-verifications";
import { base64FilesSchema, idempotencyKeySchema, ingestAnswerSchema, verificationFieldsSchema } from "@/lib/verifications/verification-input";

// The verification operations of /api/v1: their parameters, bodies and answers.

const idParams = z.object({ id: z.uuid().meta({ description: "The verification's id." }) });

/** One binary part per media role in a multipart body. */
const fileParts = Object.fromEntries(mediaRoles.map((role) => [role, z.string().meta({ format: "binary", description: `the ${role} file` }).optional()]));

const multipartVendors = verificationFieldsSchema.shape.vendors.meta({ description: "Repeat the field per vendor, or comma-separate." });

const ingestFields = verificationFieldsSchema.pick({ checkType: true, reference: true, note: true }).extend({
  vendor: vendorIdSchema,
  ...ingestAnswerSchema.shape,
});

export const createVerification = defineOperation({
  operationId: "createVerification",
  method: "post",
  path: "/api/v1/verifications",
  tag: "verifications",
  summary: "Start a verification",
  description: "Verdict stores the media and calls the vendors in the background: follow `Location` (or `url`) until `status` is completed or failed.",
  access: { roles: ["admin", "operator"], apiKeys: true },
  headers: z.object({ "Idempotency-Key": idempotencyKeySchema.optional() }),
  requestBody: {
    required: true,
    content: {
      "multipart/form-data": { schema: verificationFieldsSchema.extend({ vendors: multipartVendors, ...fileParts }), encoding: { vendors: { style: "form", explode: true } } },
      "application/json": { schema: verificationFieldsSchema.extend({ files: base64FilesSchema }) },
    },
  },
  responses: {
    202: {
      description: "Accepted: the verification with its queued runs (`normalized` is null until a vendor answers).",
      headers: z.object({
        Location: z.string().meta({ description: "The verification in the API." }),
        "Idempotent-Replayed": z.literal("true").optional().meta({ description: "Sent when this answers a repeated Idempotency-Key." }),
      }),
      content: { "application/json": { schema: createdVerificationSchema } },
    },
  },
  problems: ["invalid_request", "payload_too_large", "unsupported_media_type"],
});

export const listVerifications = defineOperation({
  operationId: "listVerifications",
  method: "get",
  path: "/api/v1/verifications",
  tag: "verifications",
  summary: "List verifications, newest first",
  access: { roles: [], apiKeys: true },
  // Unlike the page (which ignores a bad URL value), the API says which query parameter is wrong.
  query: z.object({
    checkType: checkTypeSchema.optional(),
    vendor: vendorIdSchema.optional(),
    outcome: outcomeSchema.optional(),
    source: verificationSourceSchema.optional(),
    from: z.iso.date({ error: "from must be a date like 2026-01-31 (UTC, inclusive)." }).optional(),
    to: z.iso.date({ error: "to must be a date like 2026-01-31 (UTC, inclusive)." }).optional(),
    reference: z.string().trim().min(1).max(200).optional(),
    cursor: pageCursor(),
    limit: pageLimit(),
  }),
  responses: { 200: { description: "A page of verifications and the cursor of the next one.", content: { "application/json": { schema: verificationPageSchema } } } },
  problems: ["invalid_request"],
});

export const getVerification = defineOperation({
  operationId: "getVerification",
  method: "get",
  path: "/api/v1/verifications/{id}",
  tag: "verifications",
  summary: "A verification with every vendor run, normalized and raw",
  access: { roles: [], apiKeys: true },
  pathParams: idParams,
  notFound: "No verification has this id.",
  responses: { 200: { description: "The verification.", content: { "application/json": { schema: verificationSchema } } } },
  problems: ["not_found"],
});

export const ingestVerification = defineOperation({
  operationId: "ingestVerification",
  method: "post",
  path: "/api/v1/verifications/ingest",
  tag: "verifications",
  summary: "Record a vendor answer you already got, with its media",
  description: "Verdict normalizes and stores it like its own runs; no vendor is called.",
  access: { roles: ["admin", "operator"], apiKeys: true },
  requestBody: {
    required: true,
    content: {
      "multipart/form-data": { schema: ingestFields.extend(fileParts) },
      "application/json": {
        schema: ingestFields.extend({
          vendorResponse: z.union([ingestAnswerSchema.shape.vendorResponse, z.record(z.string(), z.unknown())]).meta({ description: "The vendor's body exactly as received: its text, or the JSON object itself." }),
          files: base64FilesSchema,
        }),
      },
    },
  },
  responses: {
    201: {
      description: "Recorded and normalized.",
      headers: z.object({ Location: z.string().meta({ description: "The verification in the API." }) }),
      content: { "application/json": { schema: createdVerificationSchema } },
    },
  },
  problems: ["invalid_request", "payload_too_large", "unsupported_media_type"],
});
