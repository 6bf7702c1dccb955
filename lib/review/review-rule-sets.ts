import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { ValidationError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { DEFAULT_REVIEW_RULE_SETTINGS, reviewRuleSettingsSchema, type ReviewRuleSettings } from "@/lib/review/review-rule-settings";
import { fieldErrorsOf } from "@/lib/validation/field-errors";

// Review rules are versioned like vendor policies: a save adds the next version, never edits one.
// Cases record the version that flagged them; a change applies to verifications finishing later.

export interface ActiveRuleSet {
  settings: ReviewRuleSettings;
  /** 0 while the built-in defaults apply. */
  version: number;
}

export async function getActiveRuleSet(): Promise<ActiveRuleSet> {
  return activeRuleSetOf(await db.reviewRuleSet.findFirst({ orderBy: { version: "desc" } }));
}

/** The rule set that applies, given the newest ReviewRuleSet row (or none). */
export function activeRuleSetOf(row: { version: number; settings: unknown } | null): ActiveRuleSet {
  if (!row) return { settings: DEFAULT_REVIEW_RULE_SETTINGS, version: 0 };
  const parsed = reviewRuleSettingsSchema.safeParse(row.settings);
  // A stored set that no longer parses must not switch flagging off: the defaults apply.
  return parsed.success ? { settings: parsed.data, version: row.version } : { settings: DEFAULT_REVIEW_RULE_SETTINGS, version: 0 };
}

export async function listRuleSetVersions(take = 20) {
  return db.reviewRuleSet.findMany({ orderBy: { version: "desc" }, take });
}

export async function saveRuleSet(actor: Actor, settings: unknown) {
  const parsed = reviewRuleSettingsSchema.safeParse(settings);
  if (!parsed.success) throw new ValidationError("Some rule settings are invalid.", fieldErrorsOf(parsed.error));
  return db.$transaction(async (tx) => {
    // Two admins saving at once must not both create version N.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('review-rule-set'))`;
    const latest = await tx.reviewRuleSet.findFirst({ orderBy: { version: "desc" } });
    const version = (latest?.version ?? 0) + 1;
    const json = parsed.data as unknown as Prisma.InputJsonValue;
    const created = await tx.reviewRuleSet.create({ data: { version, settings: json, createdById: actor.kind === "user" ? actor.id : null } });
    await recordAuditEvent(tx, actor, {
      action: "review_rules.saved",
      targetType: "review_rule_set",
      targetId: String(version),
      before: latest ? { version: latest.version, settings: latest.settings as Prisma.InputJsonValue } : { version: 0, settings: DEFAULT_REVIEW_RULE_SETTINGS as unknown as Prisma.InputJsonValue },
      after: { version, settings: json },
    });
    return created;
  });
}
