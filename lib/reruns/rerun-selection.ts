import { z } from "zod";
import { verificationSourceSchema } from "@/lib/verifications/find-verifications";
import { checkTypeSchema, outcomeSchema, vendorIdSchema } from "@/lib/vendors/types";

// What a bulk rerun works through: the verifications list's filters (as in its URL) or an explicit
// list of ids (a test set, a review-queue rule's cases). Stored on the RerunBatch as JSON.

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Dates are YYYY-MM-DD.");

export const verificationFilterSchema = z
  .object({
    checkType: checkTypeSchema.optional(),
    vendor: vendorIdSchema.optional(),
    outcome: outcomeSchema.optional(),
    source: verificationSourceSchema.optional(),
    from: isoDay.optional(),
    to: isoDay.optional(),
    reference: z.string().trim().min(1).max(200).optional(),
  })
  .strict();
export type VerificationFilter = z.infer<typeof verificationFilterSchema>;

export const MAX_SELECTED_IDS = 20_000;

export const rerunSelectionSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("filter"), filter: verificationFilterSchema }),
  z.object({
    kind: z.literal("ids"),
    ids: z
      .array(z.uuid())
      .min(1, "Select at least one verification.")
      .max(MAX_SELECTED_IDS, `At most ${MAX_SELECTED_IDS} verifications per batch.`)
      .transform((ids) => [...new Set(ids)]),
  }),
]);
export type RerunSelection = z.infer<typeof rerunSelectionSchema>;

export const rerunReasonSchema = z
  .string({ error: "Say why you rerun." })
  .trim()
  .min(3, "Say why you rerun (at least 3 characters).")
  .max(500, "The reason must be at most 500 characters.");

export const rerunVendorsSchema = z
  .array(vendorIdSchema, { error: "Pick at least one vendor." })
  .min(1, "Pick at least one vendor.")
  .transform((v) => [...new Set(v)]);

/** "checkType=face_match, vendor=fpt, outcome=error, from 2026-01-01" — a selection in words. */
export function describeSelection(selection: RerunSelection): string {
  if (selection.kind === "ids") return `${selection.ids.length} selected verification${selection.ids.length === 1 ? "" : "s"}`;
  const parts = Object.entries(selection.filter)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${String(v)}`);
  return parts.length ? `verifications where ${parts.join(", ")}` : "every verification";
}
