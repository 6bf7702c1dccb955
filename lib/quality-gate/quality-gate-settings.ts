import { z } from "zod";
import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { ValidationError } from "@/lib/errors";
import type { VerificationSource } from "@/lib/generated/prisma/enums";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { checkTypes, checkTypeSchema, type CheckType } from "@/lib/vendors/types";

// "Check quality first", per check type: the paid vendors wait for Verdict's engine, and are not
// called when it finds the media unusable. Off by default for API traffic (clients may prefer the
// vendors' own verdict at once), on by default for uploads from the console.

export interface QualityGateSetting {
  checkType: CheckType;
  apiTraffic: boolean;
  consoleUploads: boolean;
}

export const DEFAULT_QUALITY_GATE = { apiTraffic: false, consoleUploads: true } as const;

const boolish = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());
export const qualityGateInputSchema = z.object({ checkType: checkTypeSchema, apiTraffic: boolish, consoleUploads: boolish });

export async function listQualityGateSettings(): Promise<QualityGateSetting[]> {
  const rows = await db.qualityGateSetting.findMany();
  return checkTypes.map((checkType) => {
    const row = rows.find((r) => r.checkType === checkType);
    return { checkType, apiTraffic: row?.apiTraffic ?? DEFAULT_QUALITY_GATE.apiTraffic, consoleUploads: row?.consoleUploads ?? DEFAULT_QUALITY_GATE.consoleUploads };
  });
}

/** Whether a new verification of this source waits for the engine (ingested answers never do). */
export function gateApplies(setting: { apiTraffic: boolean; consoleUploads: boolean }, source: VerificationSource): boolean {
  if (source === "upload") return setting.consoleUploads;
  if (source === "api") return setting.apiTraffic;
  return false;
}

export async function saveQualityGateSetting(actor: Actor, input: unknown) {
  const parsed = qualityGateInputSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError("The quality gate setting is invalid.", fieldErrorsOf(parsed.error));
  const { checkType, apiTraffic, consoleUploads } = parsed.data;
  return db.$transaction(async (tx) => {
    const before = await tx.qualityGateSetting.findUnique({ where: { checkType } });
    const saved = await tx.qualityGateSetting.upsert({
      where: { checkType },
      create: { checkType, apiTraffic, consoleUploads, updatedById: actor.kind === "user" ? actor.id : null },
      update: { apiTraffic, consoleUploads, updatedById: actor.kind === "user" ? actor.id : null },
    });
    await recordAuditEvent(tx, actor, {
      action: "quality_gate.updated",
      targetType: "quality_gate",
      targetId: checkType,
      before: before ? { apiTraffic: before.apiTraffic, consoleUploads: before.consoleUploads } : { ...DEFAULT_QUALITY_GATE },
      after: { apiTraffic, consoleUploads },
    });
    return saved;
  });
}
