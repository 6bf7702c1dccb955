import { z } from "zod";
import { instant, maybeInstant, pageOf, sandboxFlag } from "@/lib/api/schemas/common";
import { VendorCallOutcome, VendorRunStatus, VerificationStatus } from "@/lib/generated/prisma/enums";
import { verificationSourceSchema } from "@/lib/verifications/find-verifications";
import { attemptSchema, checkTypeSchema, mediaRoleSchema, normalizedResultSchema, outcomeSchema, vendorIdSchema } from "@/lib/vendors/types";

// What the API answers about verifications. `getVerificationJson` and the list route are typed
// from these schemas, and the OpenAPI document is generated from them.

const verificationStatusSchema = z.enum(VerificationStatus);
const vendorRunStatusSchema = z.enum(VendorRunStatus);

const normalizedResult = normalizedResultSchema.meta({ id: "NormalizedResult", description: "A vendor's answer in Verdict's vendor-neutral shape." });

const purgedMedia = z
  .object({
    at: instant(),
    kind: z.string().nullable().meta({ description: "policy (a retention rule) or erase (a subject's erasure)" }),
    policy: z.string().nullable(),
    by: z.string().nullable(),
    description: z.string(),
  })
  .meta({ description: "The tombstone of purged media: when, why (policy or erase), by which policy or person." });

const verificationMediaSchema = z.object({
  id: z.uuid(),
  role: mediaRoleSchema,
  mime: z.string(),
  size: z.int(),
  sha256: z.string().nullable().meta({ description: "null once purged" }),
  width: z.int().nullable(),
  height: z.int().nullable(),
  durationMs: z.int().nullable(),
  fps: z.number().nullable(),
  url: z.string().nullable().meta({ description: "GET it for the original file (audited); null once purged." }),
  purged: purgedMedia.nullable(),
  thumbnailsReady: z.boolean().meta({ description: "Its thumbnail (image) or poster frame (video) exists, or it was purged." }),
});

const vendorCallSchema = z
  .object({
    attempt: z.int(),
    outcome: z.enum(VendorCallOutcome).meta({ description: "`unknown`: its worker died waiting for the answer." }),
    sentAt: instant(),
    finishedAt: maybeInstant(),
    httpStatus: z.int().nullable(),
    error: z.string().nullable(),
  })
  .meta({ description: "One HTTP attempt, recorded before it was sent." });

/** One HTTP attempt of the adapter, with the queue job that made it (absent on ingested answers). */
export const runAttemptSchema = attemptSchema.extend({
  job: z.int().optional().meta({ description: "The queue job's attempt that made this HTTP attempt." }),
  runAttempt: z.int().optional().meta({ description: "Its number across every job of the run." }),
});

const vendorRunSchema = z.object({
  id: z.uuid(),
  vendor: vendorIdSchema,
  attempt: z.int().meta({ description: "1 for the first run of this vendor; reruns count up." }),
  status: vendorRunStatusSchema,
  outcome: outcomeSchema.nullable(),
  vendorVerdict: z.string().nullable(),
  requestedAt: instant(),
  startedAt: maybeInstant(),
  finishedAt: maybeInstant(),
  latencyMs: z.int().nullable(),
  httpStatus: z.int().nullable(),
  policyId: z.uuid().nullable(),
  rerunReason: z.string().nullable(),
  skippedByGate: z.boolean(),
  sandbox: sandboxFlag(),
  normalized: normalizedResult.nullable().meta({ description: "null until the run has an answer (queued or running)." }),
  raw: z.unknown().meta({ description: "The vendor's answer exactly as received; null until there is one." }),
  attempts: z.array(runAttemptSchema).nullable(),
  calls: z.array(vendorCallSchema),
});

const qualityGateSummarySchema = z
  .object({
    status: z.enum(["pending", "passed", "stopped"]),
    problems: z.array(z.object({ role: z.string().nullable(), code: z.string(), message: z.string() })),
    skippedVendors: z.array(vendorIdSchema),
  })
  .meta({ description: "\"Check quality first\": which file failed and why, and the paid calls it saved (null when off)." });

export const verificationSchema = z
  .object({
    id: z.uuid(),
    url: z.string().meta({ description: "This verification in the API (GET it)." }),
    status: verificationStatusSchema,
    checkType: checkTypeSchema,
    reference: z.string().nullable(),
    note: z.string().nullable(),
    source: verificationSourceSchema,
    createdAt: instant(),
    completedAt: maybeInstant(),
    erased: z
      .object({ at: instant(), reason: z.string().nullable() })
      .nullable()
      .meta({ description: "Set when the subject was erased: media and personal fields destroyed, results and decisions kept." }),
    qualityGate: qualityGateSummarySchema.nullable(),
    waitingFor: z.string().nullable().meta({ description: "What an unfinished verification waits for, in words; null once finished." }),
    media: z.array(verificationMediaSchema),
    runs: z.array(vendorRunSchema),
  })
  .meta({ id: "Verification" });

export type VerificationJson = z.output<typeof verificationSchema>;

/** The answer of create and ingest: the verification, and what Verdict noticed about the request. */
export const createdVerificationSchema = verificationSchema
  .extend({ warnings: z.array(z.string()).meta({ description: "Things Verdict noticed about the request that did not stop it." }) })
  .meta({ id: "CreatedVerification" });

const verificationListItemSchema = z
  .object({
    id: z.uuid(),
    url: z.string().meta({ description: "The verification in the API (GET it)." }),
    checkType: checkTypeSchema,
    status: verificationStatusSchema,
    source: verificationSourceSchema,
    reference: z.string().nullable(),
    createdAt: instant(),
    completedAt: maybeInstant(),
    runs: z
      .array(z.object({ vendor: vendorIdSchema, attempt: z.int(), status: vendorRunStatusSchema, outcome: outcomeSchema.nullable(), sandbox: sandboxFlag() }))
      .meta({ description: "The latest attempt of each vendor." }),
  })
  .meta({ id: "VerificationListItem" });

export const verificationPageSchema = pageOf(verificationListItemSchema, "VerificationPage");
