import { z } from "zod";
import { vendorIdSchema } from "@/lib/vendors/types";

const optionalNumber = (schema: z.ZodNumber) =>
  z.preprocess((v) => (v === "" || v === null || v === undefined ? null : Number(v)), schema.nullable());

// What an admin may change on a vendor. Credentials are write-only: a blank field keeps the
// stored value, so the form never needs to show a secret.
export const vendorConfigInputSchema = z.object({
  vendor: vendorIdSchema,
  enabled: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()),
  // Verdict's own engine (`local`) is not reached over HTTP: its base URL is fixed (updateVendorConfig).
  baseUrl: z
    .string()
    .trim()
    .pipe(z.url({ protocol: /^(https?|local)$/, error: "Base URL must be an http(s) URL, like https://api.vendor.com." })),
  timeoutMs: z.coerce.number({ error: "Timeout must be a number of milliseconds." }).int().min(1000, "Timeout must be at least 1000 ms.").max(120_000, "Timeout must be at most 120000 ms."),
  maxRetries: z.coerce.number().int().min(0, "Retries must be 0 or more.").max(5, "Retries must be at most 5."),
  concurrency: z.coerce.number().int().min(1, "Concurrency must be at least 1.").max(200, "Concurrency must be at most 200."),
  ratePerSecond: optionalNumber(z.number().positive("Rate must be above 0 (leave empty for no limit).").max(1000, "Rate must be at most 1000 per second.")),
  credentials: z.record(z.string(), z.string().max(500, "Credentials must be at most 500 characters.")).default({}),
}).refine((input) => input.vendor === "local" || !input.baseUrl.startsWith("local:"), {
  message: "Base URL must be an http(s) URL, like https://api.vendor.com.",
  path: ["baseUrl"],
});

export type VendorConfigInput = z.infer<typeof vendorConfigInputSchema>;
