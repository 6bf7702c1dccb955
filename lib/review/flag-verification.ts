import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { caseWebhookData } from "@/lib/review/case-json";
import { evaluateReviewRules, summarizeFiredRules } from "@/lib/review/evaluate-review-rules";
import { readFlaggingInput } from "@/lib/review/read-flagging-input";
import { emitWebhookEvent } from "@/lib/webhooks/emit-webhook-event";

const SYSTEM: Actor = { kind: "system", label: "review-rules" };

export type FlagResult = { action: "none" | "unchanged" | "opened" | "updated"; caseId: string | null; rules: string[] };

/**
 * Evaluates the review rules on a finished verification and opens or updates its case.
 * Idempotent: one undecided case per verification (a partial unique index backs the advisory lock);
 * a case that already saw these vendor answers is not opened again once decided. A rerun that
 * finishes later brings newer answers, so it re-evaluates: it updates the undecided case, or opens
 * a new one when the earlier case was decided. When no rule fires any more, an undecided case is
 * left for its reviewer (it was flagged for a reason a person may still want to see).
 * `force` (a person asked for manual review) opens a case even after a decided one.
 */
export async function flagVerification(verificationId: string, options: { actor?: Actor; force?: boolean } = {}): Promise<FlagResult> {
  const actor = options.actor ?? SYSTEM;
  const detail = await readFlaggingInput(verificationId);
  if (!detail) return { action: "none", caseId: null, rules: [] };
  const { ruleSet } = detail;

  const fired = evaluateReviewRules(detail, ruleSet.settings);
  if (fired.length === 0) return { action: "none", caseId: null, rules: [] };
  const summary = summarizeFiredRules(fired);
  const finishes = detail.runs.map((r) => r.finishedAt?.getTime() ?? 0);
  const evaluatedRunsAt = new Date(Math.max(0, ...finishes) || Date.now());
  const ruleDetails = summary.ruleDetails as unknown as Prisma.InputJsonValue;

  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`review-case:${verificationId}`}))`;
    const open = await tx.reviewCase.findFirst({ where: { verificationId, status: { not: "decided" } } });
    if (open) {
      const same = JSON.stringify(open.rules) === JSON.stringify(summary.rules) && JSON.stringify(open.ruleDetails) === JSON.stringify(summary.ruleDetails);
      if (same) {
        // Nothing for the reviewer to see, but these answers are now accounted for.
        if (!open.evaluatedRunsAt || open.evaluatedRunsAt < evaluatedRunsAt) await tx.reviewCase.update({ where: { id: open.id }, data: { evaluatedRunsAt } });
        return { action: "unchanged" as const, caseId: open.id, rules: open.rules };
      }
      const slaDueAt = summary.slaMinutes === null ? open.slaDueAt : new Date(open.openedAt.getTime() + summary.slaMinutes * 60_000);
      await tx.reviewCase.update({
        where: { id: open.id },
        data: { rules: summary.rules, ruleDetails, priority: summary.priority, slaDueAt, evaluatedRunsAt, ruleSetVersion: ruleSet.version, version: { increment: 1 } },
      });
      await recordAuditEvent(tx, actor, {
        action: "case.rules_updated",
        targetType: "review_case",
        targetId: open.id,
        before: { rules: open.rules, priority: open.priority },
        after: { rules: summary.rules, priority: summary.priority, ruleSetVersion: ruleSet.version },
      });
      return { action: "updated" as const, caseId: open.id, rules: summary.rules };
    }
    if (!options.force) {
      const seen = await tx.reviewCase.findFirst({ where: { verificationId, evaluatedRunsAt: { gte: evaluatedRunsAt } }, select: { id: true } });
      if (seen) return { action: "unchanged" as const, caseId: seen.id, rules: [] };
    }
    const openedAt = new Date();
    const created = await tx.reviewCase.create({
      data: {
        verificationId,
        checkType: detail.checkType,
        reference: detail.reference,
        rules: summary.rules,
        ruleDetails,
        priority: summary.priority,
        openedAt,
        slaDueAt: summary.slaMinutes === null ? null : new Date(openedAt.getTime() + summary.slaMinutes * 60_000),
        evaluatedRunsAt,
        ruleSetVersion: ruleSet.version,
      },
    });
    await recordAuditEvent(tx, actor, {
      action: "case.opened",
      targetType: "review_case",
      targetId: created.id,
      after: { verificationId, rules: summary.rules, priority: summary.priority, ruleSetVersion: ruleSet.version },
    });
    await emitWebhookEvent(tx, "case.opened", caseWebhookData(created));
    return { action: "opened" as const, caseId: created.id, rules: summary.rules };
  });
}
