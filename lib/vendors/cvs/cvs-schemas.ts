import { z } from "zod";
import { wireBoolean, wireCode, wireNumber } from "@/lib/vendors/wire-values";

/** `{"data": {...}, "errorCode": string, "errorMessage": string}` (both CVS APIs). */
export const cvsEnvelopeSchema = z.object({
  data: z.unknown().optional(),
  errorCode: wireCode.refine((c) => c !== null, "errorCode is required"),
  errorMessage: z.string().nullable().optional(),
});

/** verify_liveness `data` (document 000): every value is a string, `valid` is "True"/"False". */
export const cvsLivenessDataSchema = z.object({
  invalidCode: wireCode,
  invalidMessage: z.string().nullable().optional(),
  matching_mid_left: wireNumber.optional().default(null),
  matching_mid_right: wireNumber.optional().default(null),
  valid: wireBoolean,
});

/** face_matching `data` (document 002). `match`: "1" > 75 %, "0" in [65, 75] %, "-1" below. */
export const cvsFaceMatchDataSchema = z.object({
  matching: wireNumber,
  face1: z.string().nullable().optional(),
  face2: z.string().nullable().optional(),
  face1_score: wireNumber.optional().default(null),
  face2_score: wireNumber.optional().default(null),
  invalidCode: wireCode,
  invalidMessage: z.string().nullable().optional(),
  match: wireCode.refine((m) => m === null || m === "1" || m === "0" || m === "-1", "match must be 1, 0 or -1"),
});

