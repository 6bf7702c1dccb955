import { describeQualityGate, type QualityGateSummary } from "@/lib/quality-gate/describe-gate";
import { z } from "zod";
import { mediaTombstoneJson, type MediaTombstoneJson } from "@/lib/data-protection/media-tombstone";
import { db } from "@/lib/db";
import type { MediaRole, Outcome, ThumbnailKind, VendorCallOutcome, VendorRunStatus, VerificationSource, VerificationStatus } from "@/lib/generated/prisma/enums";
import { getDefaultPolicy } from "@/lib/policy/default-policies";
import { policySchema, findPolicyKind, type Policy } from "@/lib/policy/policy-schemas";
import { getActivePolicy } from "@/lib/vendor-settings/vendor-policies";
import { attemptSchema, normalizedResultSchema, type Attempt, type CheckType, type NormalizedResult, type VendorId } from "@/lib/vendors/types";
import { describeWaitingFor } from "@/lib/verifications/describe-waiting-for";
import type { RunFields } from "@/lib/verifications/run-fields";
import { isUuid } from "@/lib/validation/uuid";

// Everything the verification detail page shows, in one read: media with the thumbnails that
// exist so far, every vendor run (all attempts) with its parsed normalized result, and the policy
// its scores are drawn against.

export interface VerificationDetailMedia {
  id: string;
  role: MediaRole;
  mime: string;
  kind: "image" | "video";
  size: number;
  width: number | null;
  height: number | null;
  durationMs: number | null;
  fps: number | null;
  originalFilename: string | null;
  /** Thumbnails generated so far; the thumbnail job may not have run yet. */
  thumbnails: { kind: ThumbnailKind; position: number }[];
  /** Set once the bytes were purged (retention) or erased: the media is a tombstone. */
  purged: MediaTombstoneJson | null;
}

export interface RunPolicy {
  policy: Policy;
  /** Where the thresholds come from, in words: "v3 (judged with)", "built-in defaults", "active v2". */
  label: string;
}

export interface VerificationDetailRun extends RunFields<VendorRunStatus, Outcome> {
  checkType: CheckType;
  /** A stored normalized result that no longer parses: shown raw rather than hidden. */
  normalizedUnreadable: boolean;
  raw: unknown;
  attempts: Attempt[];
  /** Each HTTP attempt as recorded before it was sent (VendorCallAttempt). */
  calls: RunCall[];
  policy: RunPolicy | null;
  rerunReason: string | null;
  /** A built-in sandbox answered (a test answer). */
  sandbox: boolean;
  requestedAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

export interface RunCall {
  attempt: number;
  outcome: VendorCallOutcome;
  sentAt: Date;
  finishedAt: Date | null;
  httpStatus: number | null;
  error: string | null;
}

export interface VerificationDetail {
  id: string;
  checkType: CheckType;
  status: VerificationStatus;
  source: VerificationSource;
  reference: string | null;
  note: string | null;
  createdAt: Date;
  completedAt: Date | null;
  createdBy: { email: string; name: string | null } | null;
  apiKey: { name: string; prefix: string } | null;
  /** What an unfinished verification waits for, in words; null once finished. */
  waitingFor: string | null;
  media: VerificationDetailMedia[];
  erased: { at: Date; by: string | null; reason: string | null } | null;
  /** "Check quality first": what the engine's reading did to the paid calls (null when off). */
  qualityGate: QualityGateSummary | null;
  /** By vendor, newest attempt first. */
  runs: VerificationDetailRun[];
}

const attemptsSchema = z.array(attemptSchema);

export type StoredPolicy = { version: number; settings: unknown } | null;

/** The policy each run was judged with: its stored version, the built-in defaults it names, or else today's active one. */
export async function resolveRunPolicies(
  runs: { vendor: VendorId; checkType: CheckType; policy: StoredPolicy; normalized: NormalizedResult | null }[],
): Promise<(RunPolicy | null)[]> {
  const active = new Map<string, Promise<RunPolicy | null>>();
  const activeFor = (vendor: VendorId, checkType: CheckType) => {
    const key = `${vendor}.${checkType}`;
    if (!active.has(key)) {
      active.set(
        key,
        getActivePolicy(vendor, checkType).then((a) => (a ? { policy: a.policy, label: a.version === 0 ? "built-in defaults (active)" : `active policy v${a.version}` } : null)),
      );
    }
    return active.get(key)!;
  };
  return Promise.all(
    runs.map(async (run): Promise<RunPolicy | null> => {
      const kind = findPolicyKind(run.vendor, run.checkType);
      if (!kind) return null;
      // The version the run was judged with, when it was a stored one.
      if (run.policy) {
        const parsed = policySchema.safeParse({ ...(run.policy.settings as object), kind, version: `v${run.policy.version}` });
        if (parsed.success) return { policy: parsed.data, label: `policy v${run.policy.version} (judged with)` };
      }
      // Built-in defaults carry their own version (most are DEFAULT_POLICY_VERSION; some moved on).
      const fallback = run.normalized?.policyVersion ? getDefaultPolicy(run.vendor, run.checkType) : null;
      if (fallback && fallback.version === run.normalized?.policyVersion) return { policy: fallback, label: "built-in defaults (judged with)" };
      return activeFor(run.vendor, run.checkType);
    }),
  );
}

/** The verification with its media and runs; null for an unknown or malformed id. */
export async function getVerification(id: string): Promise<VerificationDetail | null> {
  if (!isUuid(id)) return null;
  const v = await db.verification.findUnique({
    where: { id },
    include: {
      media: { include: { purgePolicy: { select: { name: true } } } },
      runs: {
        include: {
          policy: { select: { version: true, settings: true } },
          callAttempts: { select: { attempt: true, outcome: true, sentAt: true, finishedAt: true, httpStatus: true, error: true }, orderBy: { attempt: "asc" } },
        },
        orderBy: [{ vendor: "asc" }, { attempt: "desc" }],
      },
      createdBy: { select: { email: true, name: true } },
      apiKey: { select: { name: true, prefix: true } },
      testSetItems: { select: { testSet: { select: { name: true } } }, take: 1 },
    },
  });
  if (!v) return null;

  const hashes = [...new Set(v.media.flatMap((m) => (m.sha256 ? [m.sha256] : [])))];
  const thumbnails = hashes.length
    ? await db.thumbnail.findMany({ where: { sha256: { in: hashes } }, select: { sha256: true, kind: true, position: true }, orderBy: [{ kind: "asc" }, { position: "asc" }] })
    : [];

  const runs = v.runs.map((run) => {
    const parsed = run.normalized === null ? null : normalizedResultSchema.safeParse(run.normalized);
    const normalized = parsed?.success ? parsed.data : null;
    const storedAttempts = attemptsSchema.safeParse(run.attempts);
    return { run, normalized, unreadable: parsed !== null && !parsed.success, attempts: storedAttempts.success ? storedAttempts.data : (normalized?.attempts ?? []) };
  });
  const policies = await resolveRunPolicies(runs.map(({ run, normalized }) => ({ vendor: run.vendor, checkType: run.checkType, policy: run.policy, normalized })));

  const roleOrder: MediaRole[] = ["portrait_left", "portrait_mid", "portrait_right", "selfie", "image1", "image2", "video", "id_image"];
  return {
    id: v.id,
    checkType: v.checkType,
    status: v.status,
    source: v.source,
    reference: v.reference,
    note: v.note,
    createdAt: v.createdAt,
    completedAt: v.completedAt,
    createdBy: v.createdBy,
    apiKey: v.apiKey,
    erased: v.erasedAt ? { at: v.erasedAt, by: v.erasedBy, reason: v.eraseReason } : null,
    qualityGate: describeQualityGate(v, v.runs),
    waitingFor: describeWaitingFor(v.status, v.runs, v.testSetItems[0]?.testSet ?? null),
    media: v.media
      .map((m) => ({
        id: m.id,
        role: m.role,
        mime: m.mime,
        kind: m.role === "video" || m.mime.startsWith("video/") ? ("video" as const) : ("image" as const),
        size: m.size,
        width: m.width,
        height: m.height,
        durationMs: m.durationMs,
        fps: m.fps,
        originalFilename: m.originalFilename,
        thumbnails: m.sha256 ? thumbnails.filter((t) => t.sha256 === m.sha256).map((t) => ({ kind: t.kind, position: t.position })) : [],
        purged: mediaTombstoneJson(m),
      }))
      .sort((a, b) => roleOrder.indexOf(a.role) - roleOrder.indexOf(b.role)),
    runs: runs.map(({ run, normalized, unreadable, attempts }, index) => ({
      id: run.id,
      vendor: run.vendor,
      checkType: run.checkType,
      attempt: run.attempt,
      status: run.status,
      outcome: run.outcome,
      vendorVerdict: run.vendorVerdict,
      livenessScore: run.livenessScore,
      matchSimilarity: run.matchSimilarity,
      httpStatus: run.httpStatus,
      latencyMs: run.latencyMs,
      normalized,
      normalizedUnreadable: unreadable,
      raw: run.raw ?? normalized?.raw ?? null,
      attempts,
      calls: run.callAttempts,
      policy: policies[index] ?? null,
      rerunReason: run.rerunReason,
      sandbox: run.sandbox,
      requestedAt: run.requestedAt,
      startedAt: run.startedAt,
      finishedAt: run.finishedAt,
    })),
  };
}
