import { z } from "zod";
import { db } from "@/lib/db";
import type { CaseStatus } from "@/lib/generated/prisma/enums";
import { combineVendorVerdict, type VendorVerdict } from "@/lib/review/vendor-verdict";
import { getVerification, type VerificationDetail } from "@/lib/verifications/get-verification";
import { isUuid } from "@/lib/validation/uuid";

// Everything the case page shows in one read.

export const ruleDetailSchema = z.array(
  z.object({
    code: z.string(),
    details: z.array(z.string()),
    vendors: z.array(z.string()).default([]),
    priority: z.number().optional(),
    slaMinutes: z.number().optional(),
    // Face rules: the earlier faces that matched (shown beside the case's own).
    faces: z.array(z.object({ faceId: z.string(), verificationId: z.string(), reference: z.string().nullable(), similarity: z.number() })).optional(),
  }),
);
export type RuleDetail = z.infer<typeof ruleDetailSchema>[number];

export interface CaseDetail {
  id: string;
  status: CaseStatus;
  version: number;
  priority: number;
  rules: string[];
  ruleDetails: RuleDetail[];
  ruleSetVersion: number | null;
  openedAt: Date;
  slaDueAt: Date | null;
  decision: string | null;
  decidedAt: Date | null;
  assignee: { id: string; email: string } | null;
  /** Who escalated it last (they may not decide it while it is escalated). */
  escalatedBy: { id: string; email: string } | null;
  vendorVerdict: VendorVerdict;
  verification: VerificationDetail;
  manualReviewNote: string | null;
  decisions: {
    id: string;
    kind: string;
    reasonCode: string;
    reasonLabel: string;
    comment: string | null;
    overridesVendor: boolean;
    decidedBy: { id: string; email: string };
    confirmedBy: { email: string } | null;
    confirmedAt: Date | null;
    declinedBy: string | null;
    declinedAt: Date | null;
    createdAt: Date;
  }[];
  comments: { id: string; body: string; author: string; mentions: string[]; createdAt: Date }[];
  audit: { id: string; at: Date; actor: string; action: string; detail: unknown }[];
  verificationHistory: { id: string; at: Date; actor: string; action: string }[];
  earlierCases: { id: string; status: CaseStatus; decision: string | null; openedAt: Date; decidedAt: Date | null; verificationId: string; rules: string[] }[];
}

export async function getCase(id: string): Promise<CaseDetail | null> {
  if (!isUuid(id)) return null;
  const c = await db.reviewCase.findUnique({
    where: { id },
    include: {
      assignee: { select: { id: true, email: true } },
      escalatedBy: { select: { id: true, email: true } },
      decisions: { orderBy: { createdAt: "asc" }, include: { decidedBy: { select: { id: true, email: true } }, confirmedBy: { select: { email: true } } } },
      comments: { orderBy: { createdAt: "asc" }, include: { author: { select: { email: true } } } },
      verification: { select: { manualReviewNote: true } },
    },
  });
  if (!c) return null;
  const [verification, audit, history, earlier, reasons] = await Promise.all([
    getVerification(c.verificationId),
    db.auditEvent.findMany({ where: { targetType: "review_case", targetId: c.id }, orderBy: { id: "desc" }, take: 200 }),
    db.auditEvent.findMany({ where: { targetType: "verification", targetId: c.verificationId }, orderBy: { id: "asc" }, take: 100 }),
    c.reference
      ? db.reviewCase.findMany({ where: { reference: c.reference, id: { not: c.id } }, orderBy: { openedAt: "desc" }, take: 20 })
      : db.reviewCase.findMany({ where: { verificationId: c.verificationId, id: { not: c.id } }, orderBy: { openedAt: "desc" }, take: 20 }),
    db.decisionReason.findMany({ select: { code: true, label: true } }),
  ]);
  if (!verification) return null;
  const mentionIds = [...new Set(c.comments.flatMap((m) => m.mentions))];
  const declinerIds = c.decisions.flatMap((d) => (d.declinedById ? [d.declinedById] : []));
  const people = mentionIds.length + declinerIds.length ? await db.user.findMany({ where: { id: { in: [...mentionIds, ...declinerIds] } }, select: { id: true, email: true } }) : [];
  const emailOf = (userId: string) => people.find((p) => p.id === userId)?.email ?? "unknown user";
  const parsedRules = ruleDetailSchema.safeParse(c.ruleDetails);
  return {
    id: c.id,
    status: c.status,
    version: c.version,
    priority: c.priority,
    rules: c.rules,
    ruleDetails: parsedRules.success ? parsedRules.data : c.rules.map((code) => ({ code, details: [], vendors: [] })),
    ruleSetVersion: c.ruleSetVersion,
    openedAt: c.openedAt,
    slaDueAt: c.slaDueAt,
    decision: c.decision,
    decidedAt: c.decidedAt,
    assignee: c.assignee,
    escalatedBy: c.escalatedBy,
    vendorVerdict: combineVendorVerdict(verification.runs),
    verification,
    manualReviewNote: c.verification.manualReviewNote,
    decisions: c.decisions.map((d) => ({
      id: d.id,
      kind: d.kind,
      reasonCode: d.reasonCode,
      reasonLabel: reasons.find((r) => r.code === d.reasonCode)?.label ?? d.reasonCode,
      comment: d.comment,
      overridesVendor: d.overridesVendor,
      decidedBy: d.decidedBy,
      confirmedBy: d.confirmedBy,
      confirmedAt: d.confirmedAt,
      declinedBy: d.declinedById ? emailOf(d.declinedById) : null,
      declinedAt: d.declinedAt,
      createdAt: d.createdAt,
    })),
    comments: c.comments.map((m) => ({ id: m.id, body: m.body, author: m.author.email, mentions: m.mentions.map(emailOf), createdAt: m.createdAt })),
    audit: audit.map((e) => ({ id: String(e.id), at: e.at, actor: e.actorLabel, action: e.action, detail: e.after })),
    verificationHistory: history.map((e) => ({ id: String(e.id), at: e.at, actor: e.actorLabel, action: e.action })),
    earlierCases: earlier.map((e) => ({ id: e.id, status: e.status, decision: e.decision, openedAt: e.openedAt, decidedAt: e.decidedAt, verificationId: e.verificationId, rules: e.rules })),
  };
}

/** The pending (unconfirmed, not sent back) decision of a case awaiting confirmation. */
export function pendingDecisionOf(detail: CaseDetail) {
  if (detail.status !== "awaiting_confirmation") return null;
  return [...detail.decisions].reverse().find((d) => !d.confirmedAt && !d.declinedAt) ?? null;
}
