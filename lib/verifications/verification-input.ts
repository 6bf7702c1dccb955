import { z } from "zod";
import { checkTypeSchema, mediaRoles, mediaRoleSchema, vendorIdSchema, type MediaRole } from "@/lib/vendors/types";
import { findCheckSpec, listVendorsForCheck } from "@/lib/vendors/vendor-registry";

// What a person (upload page) or a client (REST API) sends to start a verification, before the
// files themselves are checked. The fields alone are also the API's documented request body.
export const verificationFieldsSchema = z.object({
  checkType: checkTypeSchema.describe("liveness_3angle | liveness_video | face_match | liveness_selfie"),
  vendors: z
    .array(vendorIdSchema, { error: "vendors must list one or more of: cvs, fpt, biometric_kz, kairos." })
    .min(1, "Pick at least one vendor.")
    .refine((v) => new Set(v).size === v.length, "Each vendor may be listed once."),
  reference: z.string().trim().max(200, "reference must be at most 200 characters.").optional().transform((v) => v || null),
  note: z.string().trim().max(2000, "note must be at most 2000 characters.").optional().transform((v) => v || null),
  // Ask for a person to review the result whatever the vendors say (review queue rule manual_review).
  manualReview: z
    .union([z.boolean(), z.enum(["true", "false", "on", "1", "0", ""])], { error: "manualReview must be true or false." })
    .optional()
    .transform((v) => v === true || v === "true" || v === "on" || v === "1"),
});

export const verificationRequestSchema = verificationFieldsSchema.superRefine((input, ctx) => {
  for (const vendor of input.vendors) {
    if (!findCheckSpec(vendor, input.checkType)) {
      ctx.addIssue({
        code: "custom",
        path: ["vendors"],
        message: `${vendor} does not serve ${input.checkType}; vendors that do: ${listVendorsForCheck(input.checkType).join(", ")}.`,
      });
    }
  }
});

export type VerificationRequest = z.output<typeof verificationRequestSchema>;

export const idempotencyKeySchema = z
  .string()
  .trim()
  .min(1)
  .max(200, "Idempotency-Key must be at most 200 characters.")
  .meta({ description: "With an API key: a retried request with the same key answers like the first and creates nothing (`Idempotent-Replayed: true`)." });

/** The vendor's answer a client posts to /api/v1/verifications/ingest. */
export const ingestAnswerSchema = z.object({
  vendorHttpStatus: z.coerce.number({ error: "vendorHttpStatus must be the HTTP status the vendor answered with." }).int().min(100).max(599).default(200),
  vendorResponse: z
    .string({ error: "vendorResponse is required: the vendor's body exactly as received." })
    .min(1, "vendorResponse is required: the vendor's body exactly as received.")
    .max(1_000_000)
    .meta({ description: "The vendor's body exactly as received." }),
});

/** JSON bodies carry the files as role → base64 (a data: URL prefix is accepted and ignored). */
export const base64FilesSchema = z
  .record(z.string(), z.string().meta({ contentEncoding: "base64" }), { error: "files must be an object of role → base64 content." })
  .meta({ description: "Media role → the file in base64.", propertyNames: { enum: [...mediaRoles] } });

export interface IncomingFile {
  role: MediaRole;
  bytes: Buffer;
  filename: string;
}

export const MEDIA_ROLES: readonly MediaRole[] = mediaRoles;
export function isMediaRole(value: string): value is MediaRole {
  return mediaRoleSchema.safeParse(value).success;
}
