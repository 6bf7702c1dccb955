import { z } from "zod";

/** Vendor ids used everywhere (DB rows, API payloads, sandbox paths). */
export const vendorIds = ["cvs", "fpt", "biometric_kz", "kairos", "local"] as const;
export const vendorIdSchema = z.enum(vendorIds);
export type VendorId = z.infer<typeof vendorIdSchema>;

export const checkTypes = ["liveness_3angle", "liveness_video", "face_match", "liveness_selfie"] as const;
export const checkTypeSchema = z.enum(checkTypes);
export type CheckType = z.infer<typeof checkTypeSchema>;

/** Vendor-neutral media roles; each adapter maps them to its own field names. */
export const mediaRoles = [
  "portrait_left",
  "portrait_mid",
  "portrait_right",
  "video",
  "id_image",
  "image1",
  "image2",
  "selfie",
] as const;
export const mediaRoleSchema = z.enum(mediaRoles);
export type MediaRole = z.infer<typeof mediaRoleSchema>;

export const outcomeSchema = z.enum(["pass", "fail", "review", "error"]);
export type Outcome = z.infer<typeof outcomeSchema>;

export const reasonSeveritySchema = z.enum(["info", "warning", "error"]);
export type ReasonSeverity = z.infer<typeof reasonSeveritySchema>;

/**
 * quality: the media is not good enough (a person triages / asks for a retake);
 * fraud: the vendor's negative verdict (spoof, deepfake, mismatch, tampering);
 * auth / quota: our account at the vendor; input: the request we sent was refused;
 * transient: network, timeout, vendor 5xx (retry later); vendor: the vendor answered something we cannot use.
 */
export const reasonCategorySchema = z.enum(["quality", "fraud", "auth", "quota", "input", "transient", "vendor"]);
export type ReasonCategory = z.infer<typeof reasonCategorySchema>;

export const reasonSchema = z.object({
  code: z.string().min(1),
  message: z.string(),
  vendorCode: z.string().nullable(),
  severity: reasonSeveritySchema,
  category: reasonCategorySchema,
});
export type Reason = z.infer<typeof reasonSchema>;

export const attemptSchema = z.object({
  attempt: z.number().int().min(1),
  startedAt: z.string(),
  latencyMs: z.number().min(0),
  httpStatus: z.number().int().nullable(),
  /** "timeout" or the network error message; null when an HTTP response arrived. */
  networkError: z.string().nullable(),
  /** The answer carried `Verdict-Sandbox: 1`: a built-in sandbox gave it. Absent otherwise. */
  sandbox: z.literal(true).optional(),
});
export type Attempt = z.infer<typeof attemptSchema>;

export const livenessResultSchema = z.object({
  isLive: z.boolean(),
  /** 0..1, higher = more live, whatever the vendor's own scale. */
  score: z.number().min(0).max(1).nullable(),
  spoofProb: z.number().min(0).max(1).nullable().optional(),
  deepfakeProb: z.number().min(0).max(1).nullable().optional(),
});
export type LivenessResult = z.infer<typeof livenessResultSchema>;

export const faceMatchBandSchema = z.enum(["match", "borderline", "no_match"]);
export type FaceMatchBand = z.infer<typeof faceMatchBandSchema>;

export const faceMatchResultSchema = z.object({
  /** 0..1 (vendors sending percentages are divided by 100). */
  similarity: z.number().min(0).max(1).nullable(),
  isMatch: z.boolean(),
  band: faceMatchBandSchema,
});
export type FaceMatchResult = z.infer<typeof faceMatchResultSchema>;

export const verdictValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type VerdictValue = z.infer<typeof verdictValueSchema>;

export const normalizedResultSchema = z.object({
  vendor: vendorIdSchema,
  checkType: checkTypeSchema,
  outcome: outcomeSchema,
  /** The vendor's own verdict fields, as the vendor sent them. */
  vendorVerdict: z.record(z.string(), verdictValueSchema),
  liveness: livenessResultSchema.optional(),
  faceMatch: faceMatchResultSchema.optional(),
  reasons: z.array(reasonSchema),
  warnings: z.array(z.string()),
  /** Wall time of the whole call, retries and backoff included; per-attempt latency is in `attempts`. */
  latencyMs: z.number().min(0),
  /** HTTP status of the last attempt; null when no response arrived. */
  httpStatus: z.number().int().nullable(),
  attempts: z.array(attemptSchema),
  /** The vendor body exactly as received: parsed JSON when it was JSON, else the text; null without a body. */
  raw: z.unknown(),
  policyVersion: z.string().optional(),
});
export type NormalizedResult = z.infer<typeof normalizedResultSchema>;

export const mediaInputSchema = z.object({
  role: mediaRoleSchema,
  bytes: z.instanceof(Buffer),
  mime: z.string().min(1),
  filename: z.string().min(1),
});
export type MediaInput = z.infer<typeof mediaInputSchema>;

export const cvsCredentialsSchema = z.object({ apiKey: z.string().min(1), apiSecret: z.string().min(1) });
export const fptCredentialsSchema = z.object({ apiKey: z.string().min(1) });
export const biometricKzCredentialsSchema = z.object({ apiKey: z.string().min(1) });
export const kairosCredentialsSchema = z.object({ appId: z.string().min(1), appKey: z.string().min(1) });
/** Verdict's own engine needs no credentials. */
export const localCredentialsSchema = z.object({});

export const credentialsSchemaByVendor = {
  cvs: cvsCredentialsSchema,
  fpt: fptCredentialsSchema,
  biometric_kz: biometricKzCredentialsSchema,
  kairos: kairosCredentialsSchema,
  local: localCredentialsSchema,
} as const;

export const vendorCallConfigSchema = z.object({
  baseUrl: z.url(),
  /** Shape depends on the vendor, see credentialsSchemaByVendor. */
  credentials: z.record(z.string(), z.string()),
  timeoutMs: z.number().int().positive().default(30_000),
  maxRetries: z.number().int().min(0).max(10).default(2),
  /** First backoff delay; doubles on each retry. Tests pass 0-1 ms. */
  backoffMs: z.number().int().min(0).default(500),
});
export type VendorCallConfig = z.input<typeof vendorCallConfigSchema>;

export const cvsFormatTypeSchema = z.enum(["file", "base64", "url"]);

export const runCheckOptionsSchema = z.object({
  cvs: z
    .object({
      /** face_matching: what image 1 is. */
      type1: z.enum(["card", "portrait"]).default("card"),
      formatType: cvsFormatTypeSchema.default("file"),
      /** format_type=url: where CVS fetches the images from. */
      urls: z.object({ image1: z.url(), image2: z.url() }).optional(),
    })
    .optional(),
  fpt: z.object({ v2Format: z.boolean().default(false) }).optional(),
});
export type RunCheckOptions = z.input<typeof runCheckOptionsSchema>;
export type ResolvedRunCheckOptions = z.output<typeof runCheckOptionsSchema>;
