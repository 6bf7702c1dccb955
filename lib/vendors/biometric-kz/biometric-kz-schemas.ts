import { z } from "zod";
import { wireBoolean, wireNumber } from "@/lib/vendors/wire-values";

/**
 * 200 body (document 003): result (bool), prediction (string float), created_at, failure_reason
 * (null — printed `None` in the document — or { type, detail }).
 */
export const biometricKzResultSchema = z.object({
  result: wireBoolean.refine((v) => v !== null, "result is required"),
  prediction: wireNumber,
  created_at: z.string().nullable().optional(),
  failure_reason: z
    .object({ type: z.string(), detail: z.string().nullable().optional() })
    .nullable()
    .optional()
    .default(null),
});

/** Error bodies: `{"detail": "..."}`. */
export const biometricKzErrorSchema = z.object({ detail: z.string() });

