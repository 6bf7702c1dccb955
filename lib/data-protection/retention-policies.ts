import { z } from "zod";
import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";

import type { RetentionCaseState, RetentionSource } from "@/lib/generated/prisma/enums";
import {
  describeRule,
  MAX_RETENTION_DAYS,
  RETENTION_CASE_STATES,
  RETENTION_SOURCES,
  ruleKey,
  ruleMediaSql,
  ruleName,
} from "@/lib/data-protection/retention-rules";

export interface RetentionRule {
  id: string | null;
  key: string;
  name: string;
  source: RetentionSource;
  caseState: RetentionCaseState;
  // null: kept until erased.
  mediaDays: number | null;
  sentence: string;
  updatedAt: Date | null;
}

/** Every cell of the grid, stored or not (a missing row means "keep"). */
export async function listRetentionRules(): Promise<RetentionRule[]> {
  const stored = await db.retentionPolicy.findMany();
  const byKey = new Map(stored.map((p) => [ruleKey(p.source, p.caseState), p]));
  return RETENTION_SOURCES.flatMap((source) =>
    RETENTION_CASE_STATES.map((caseState) => {
      const row = byKey.get(ruleKey(source, caseState));
      const mediaDays = row?.mediaDays ?? null;
      return {
        id: row?.id ?? null,
        key: ruleKey(source, caseState),
        name: row?.name ?? ruleName(source, caseState),
        source,
        caseState,
        mediaDays,
        sentence: describeRule(source, caseState, mediaDays),
        updatedAt: row?.updatedAt ?? null,
      };
    }),
  );
}

const DAYS_MESSAGE = `Enter a whole number of days from 1 to ${MAX_RETENTION_DAYS} (100 years), or leave it empty to keep the media.`;

// One field per cell, named "<source>.<caseState>": empty keeps, else whole days 1..36500.
const daysField = z
  .string()
  .trim()
  .optional()
  .transform((text, ctx) => {
    if (!text) return null;
    if (!/^-?\d+$/.test(text)) {
      ctx.addIssue({ code: "custom", message: DAYS_MESSAGE });
      return z.NEVER;
    }
    const days = Number(text);
    if (!Number.isSafeInteger(days) || days < 1 || days > MAX_RETENTION_DAYS) {
      ctx.addIssue({ code: "custom", message: DAYS_MESSAGE });
      return z.NEVER;
    }
    return days;
  });

export const retentionScheduleSchema = z.object(
  Object.fromEntries(RETENTION_SOURCES.flatMap((s) => RETENTION_CASE_STATES.map((c) => [ruleKey(s, c), daysField]))),
);

export type RetentionScheduleInput = z.infer<typeof retentionScheduleSchema>;

/** Saves the whole grid; each changed cell is one audited change (before → after days). */
export async function saveRetentionSchedule(actor: Actor, input: RetentionScheduleInput, userId: string | null) {
  return db.$transaction(async (tx) => {
    const stored = await tx.retentionPolicy.findMany();
    const byKey = new Map(stored.map((p) => [ruleKey(p.source, p.caseState), p]));
    let changed = 0;
    for (const source of RETENTION_SOURCES) {
      for (const caseState of RETENTION_CASE_STATES) {
        const key = ruleKey(source, caseState);
        const days = input[key] ?? null;
        const before = byKey.get(key);
        if ((before?.mediaDays ?? null) === days) continue;
        const row = await tx.retentionPolicy.upsert({
          where: { source_caseState: { source, caseState } },
          create: { name: ruleName(source, caseState), source, caseState, mediaDays: days, updatedById: userId },
          update: { mediaDays: days, updatedById: userId },
        });
        changed++;
        await recordAuditEvent(tx, actor, {
          action: "retention.policy_changed",
          targetType: "retention_policy",
          targetId: row.id,
          before: { policy: row.name, mediaDays: before?.mediaDays ?? null },
          after: { policy: row.name, mediaDays: days, schedule: describeRule(source, caseState, days) },
        });
      }
    }
    return { changed };
  });
}

export interface RulePreview {
  key: string;
  // What the next run would purge now.
  media: number;
  verifications: number;
  bytes: number;
  // Due, but kept by a legal hold.
  heldMedia: number;
}

/** How much each rule with a duration would delete if it ran now (bytes: originals no other kept media shares). */
export async function previewRetention(rules?: RetentionRule[]): Promise<Map<string, RulePreview>> {
  const all = rules ?? (await listRetentionRules());
  const out = new Map<string, RulePreview>();
  for (const rule of all) {
    if (rule.mediaDays === null) continue;
    const [due] = await db.$queryRaw<Array<{ media: bigint; verifications: bigint; bytes: bigint | null }>>`
      WITH cand AS (SELECT m."id", m."sha256", m."verificationId" ${ruleMediaSql(rule.source, rule.caseState, rule.mediaDays, false)})
      SELECT count(*)::bigint AS media, count(DISTINCT "verificationId")::bigint AS verifications,
        (SELECT sum(b."size")::bigint FROM "Blob" b
          WHERE b."sha256" IN (SELECT "sha256" FROM cand)
            AND NOT EXISTS (SELECT 1 FROM "Media" o WHERE o."sha256" = b."sha256" AND o."id" NOT IN (SELECT "id" FROM cand))) AS bytes
      FROM cand`;
    const [held] = await db.$queryRaw<Array<{ media: bigint }>>`
      SELECT count(*)::bigint AS media ${ruleMediaSql(rule.source, rule.caseState, rule.mediaDays, true)}`;
    out.set(rule.key, {
      key: rule.key,
      media: Number(due?.media ?? 0),
      verifications: Number(due?.verifications ?? 0),
      bytes: Number(due?.bytes ?? 0),
      heldMedia: Number(held?.media ?? 0),
    });
  }
  return out;
}

