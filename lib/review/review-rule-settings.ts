import { z } from "zod";
import { checkTypeSchema, vendorIdSchema } from "@/lib/vendors/types";

// The rules that put a verification in front of a reviewer, and their admin-editable settings.
// Client-safe (the admin page renders the same list).

export const REVIEW_RULE_CODES = [
  "manual_review",
  "blocked_face",
  "duplicate_face",
  "face_changed",
  "vendor_disagreement",
  "engine_disagreement",
  "vendor_review",
  "score_in_band",
  "vendor_error_triage",
  "quality_sample",
] as const;
export const reviewRuleCodeSchema = z.enum(REVIEW_RULE_CODES);
export type ReviewRuleCode = z.infer<typeof reviewRuleCodeSchema>;

// `short` is the label of narrow places (queue and dashboard tables), with `title` as its tooltip.
export const REVIEW_RULE_LABELS: Record<ReviewRuleCode, { title: string; short: string; explanation: string }> = {
  manual_review: { title: "Manual review requested", short: "Manual", explanation: "An operator or API client asked for a person to look." },
  blocked_face: {
    title: "Face on the blocklist",
    short: "Blocked face",
    explanation: "A face of the verification matches a face on the blocklist (similarity at or above the threshold): a high-priority case opens at once.",
  },
  duplicate_face: {
    title: "Duplicate face under another reference",
    short: "Duplicate face",
    explanation: "A face of the verification is very likely a person already seen under another reference (1:N face search; similarity at or above the threshold).",
  },
  face_changed: {
    title: "Face changed for this reference",
    short: "Face changed",
    explanation: "The reference's new face is very likely not the person of its earlier verifications (best similarity to every earlier face below the threshold).",
  },
  vendor_disagreement: { title: "Vendors disagree", short: "Disagree", explanation: "Two vendors on the same verification: one says pass, another fail (latest attempt of each)." },
  engine_disagreement: {
    title: "Verdict's engine disagrees with a vendor",
    short: "Engine disagrees",
    explanation:
      "A vendor passes a face match Verdict's own engine scores below its no-match threshold, or passes media where the engine finds no face, or the reverse (the engine matches the faces, or finds one, where the vendor says otherwise).",
  },
  vendor_review: { title: "Vendor asks for review", short: "Vendor asks", explanation: "The vendor itself flags the result (FPT need_to_review, CVS face_matching match = 0)." },
  score_in_band: { title: "Score in the borderline band", short: "Borderline", explanation: "A score falls inside the review band of the vendor/check-type policy (plus the extra margin below)." },
  vendor_error_triage: { title: "Vendor error to triage", short: "Quality", explanation: "A media quality code (face too small, several faces, no face, blur…) a person must look at." },
  quality_sample: {
    title: "Quality sample of an automatic pass",
    short: "QA sample",
    explanation: "A share of the verifications every vendor passed (and no other rule flagged), per check type and vendor, chosen by the verification id: a person checks the automation.",
  },
};

const ruleBase = {
  enabled: z.boolean(),
  /** Higher first in the queue; a case takes the highest priority of its rules. */
  priority: z.coerce.number().int("Whole numbers only.").min(0, "0 to 100.").max(100, "0 to 100."),
  /** Minutes from opening to the SLA due time; a case takes the shortest SLA of its rules. */
  slaMinutes: z.coerce.number().int("Whole minutes only.").min(5, "At least 5 minutes.").max(60 * 24 * 30, "At most 30 days."),
};

/** Cosine similarity of the engine's descriptors (0–1 as the evaluation reports it). */
const similarityField = z.coerce.number().min(0.3, "0.3 to 0.99.").max(0.99, "0.3 to 0.99.");

// Thresholds from `npm run eval:engine` (README, "1:N face search"): at 0.70 no impostor pair of
// 344 matched; below 0.50 lie 87.8 % of impostor pairs and none of the genuine ones.
export const FACE_RULE_DEFAULTS = {
  blocked_face: { enabled: true, priority: 100, slaMinutes: 60, similarityAbove: 0.7 },
  duplicate_face: { enabled: true, priority: 90, slaMinutes: 4 * 60, similarityAbove: 0.7 },
  face_changed: { enabled: true, priority: 85, slaMinutes: 4 * 60, similarityBelow: 0.5 },
};

export const reviewRuleSettingsSchema = z.object({
  manual_review: z.object(ruleBase),
  // Added after rule sets were first saved: a stored set without them gets the defaults.
  blocked_face: z.object({ ...ruleBase, similarityAbove: similarityField }).prefault(FACE_RULE_DEFAULTS.blocked_face),
  duplicate_face: z.object({ ...ruleBase, similarityAbove: similarityField }).prefault(FACE_RULE_DEFAULTS.duplicate_face),
  face_changed: z.object({ ...ruleBase, similarityBelow: similarityField }).prefault(FACE_RULE_DEFAULTS.face_changed),
  vendor_disagreement: z.object(ruleBase),
  // Added after rule sets were first saved: a stored set without it gets the default.
  engine_disagreement: z.object(ruleBase).prefault({ enabled: true, priority: 70, slaMinutes: 8 * 60 }),
  vendor_review: z.object(ruleBase),
  score_in_band: z.object({
    ...ruleBase,
    /** Scores this close to a policy threshold also go to review, even when the policy decided pass or fail (0 = the policy's band only). */
    extraMargin: z.coerce.number().min(0, "0 to 0.2.").max(0.2, "0 to 0.2."),
  }),
  vendor_error_triage: z.object({
    ...ruleBase,
    /** Quality warnings (sunglasses, face too small) as well as quality errors. */
    includeWarnings: z.boolean(),
  }),
  // Rule sets saved before QA sampling existed have no entry: they parse with sampling off.
  quality_sample: z
    .object({
      ...ruleBase,
      /** Share (0–1) of automatic passes sampled, per check type and vendor; pairs not listed are not sampled. */
      shares: z
        .array(z.object({ checkType: checkTypeSchema, vendor: vendorIdSchema, share: z.coerce.number().min(0, "0 to 100 %.").max(1, "0 to 100 %.") }))
        .max(40)
        .refine((list) => new Set(list.map((s) => `${s.checkType}:${s.vendor}`)).size === list.length, "One share per check type and vendor."),
    })
    .default({ enabled: false, priority: 5, slaMinutes: 7 * 24 * 60, shares: [] }),
});

export type ReviewRuleSettings = z.infer<typeof reviewRuleSettingsSchema>;

export const DEFAULT_REVIEW_RULE_SETTINGS: ReviewRuleSettings = {
  manual_review: { enabled: true, priority: 60, slaMinutes: 8 * 60 },
  ...FACE_RULE_DEFAULTS,
  vendor_disagreement: { enabled: true, priority: 80, slaMinutes: 4 * 60 },
  engine_disagreement: { enabled: true, priority: 70, slaMinutes: 8 * 60 },
  vendor_review: { enabled: true, priority: 50, slaMinutes: 24 * 60 },
  score_in_band: { enabled: true, priority: 40, slaMinutes: 24 * 60, extraMargin: 0 },
  vendor_error_triage: { enabled: true, priority: 30, slaMinutes: 48 * 60, includeWarnings: true },
  quality_sample: { enabled: false, priority: 5, slaMinutes: 7 * 24 * 60, shares: [] },
};

/** The configured share of automatic passes sampled for one check type and vendor (0 when not listed). */
export function qualitySampleShare(settings: ReviewRuleSettings, checkType: string, vendor: string): number {
  return settings.quality_sample.shares.find((s) => s.checkType === checkType && s.vendor === vendor)?.share ?? 0;
}
