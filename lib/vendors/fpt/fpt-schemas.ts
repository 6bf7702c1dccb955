import { z } from "zod";
import { wireBoolean, wireCode, wireNumber } from "@/lib/vendors/wire-values";

const optionalText = z.string().nullable().optional();

/** `liveness` block of Liveness v3 (document 001): every value is a string, "N/A" when not computed. */
export const fptLivenessBlockSchema = z.object({
  code: wireCode,
  message: optionalText,
  is_live: wireBoolean,
  spoof_prob: wireNumber,
  need_to_review: wireBoolean.optional().default(null),
  is_deepfake: wireBoolean.optional().default(null),
  deepfake_prob: wireNumber.optional().default(null),
  warning: optionalText,
});

export const fptFaceMatchBlockSchema = z.object({
  code: wireCode.optional().default(null),
  message: optionalText,
  isMatch: wireBoolean,
  similarity: wireNumber,
  warning: optionalText,
});

export const fptV3ResponseSchema = z.object({
  code: wireCode.refine((c) => c !== null, "code is required"),
  message: optionalText,
  liveness: fptLivenessBlockSchema.optional(),
  face_match: fptFaceMatchBlockSchema.optional(),
});

/**
 * `?v2_format=1`: the document only says the v2 shape differs. OUR ASSUMPTION (the sandbox answers the same):
 * the liveness fields sit at the top level next to `code`/`message`, and `face_match` keeps
 * { isMatch, similarity, warning } without its own code/message:
 * {"code":"200","message":"request successful","is_live":"true","spoof_prob":"0.0015","need_to_review":"false",
 *  "is_deepfake":"false","deepfake_prob":"0.0","warning":"","face_match":{"isMatch":"true","similarity":"99.97","warning":"N/A"}}
 */
export const fptV2ResponseSchema = z.object({
  code: wireCode.refine((c) => c !== null, "code is required"),
  message: optionalText,
  is_live: wireBoolean.optional().default(null),
  spoof_prob: wireNumber.optional().default(null),
  need_to_review: wireBoolean.optional().default(null),
  is_deepfake: wireBoolean.optional().default(null),
  deepfake_prob: wireNumber.optional().default(null),
  warning: optionalText,
  face_match: fptFaceMatchBlockSchema.omit({ code: true, message: true }).optional(),
});

export type FptV3Response = z.infer<typeof fptV3ResponseSchema>;
