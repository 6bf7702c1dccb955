import { z } from "zod";
import { checkTypeSchema, mediaRoles, mediaRoleSchema, vendorIdSchema, type MediaRole } from "@/lib/vendors/types";
import { findCheckSpec, listVendorsForCheck } from "@/lib/vendors/vendor-registry";

// What a person (upload page) or a client (REST API) sends to start a verification, before the
// files themselves are checked.
export const verificationRequestSchema = z
  .object({
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
  })
  .superRefine((input, ctx) => {
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

export const idempotencyKeySchema = z.string().trim().min(1).max(200, "Idempotency-Key must be at most 200 characters.");

export interface IncomingFile {
  role: MediaRole;
  bytes: Buffer;
  filename: string;
}

export const MEDIA_ROLES: readonly MediaRole[] = mediaRoles;
export function isMediaRole(value: string): value is MediaRole {
  return mediaRoleSchema.safeParse(value).success;
}
