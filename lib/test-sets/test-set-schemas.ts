import { z } from "zod";
import type { GroundTruth } from "@/lib/generated/prisma/enums";
import { checkTypeSchema, type CheckType } from "@/lib/vendors/types";

// Ground truth per check type: liveness items are bona fide or an attack (with its type), matching
// items are pairs of the same person or of different people.

export const ATTACK_TYPES = ["print", "screen_replay", "mask", "deepfake"] as const;
export type AttackType = (typeof ATTACK_TYPES)[number];
export const attackTypeSchema = z.enum(ATTACK_TYPES, { error: `attack type must be one of: ${ATTACK_TYPES.join(", ")}.` });

export const LIVENESS_LABELS = ["bona_fide", "attack"] as const;
export const MATCH_LABELS = ["same_person", "different_person"] as const;

export function isMatchingCheck(checkType: CheckType): boolean {
  return checkType === "face_match";
}

export function labelsFor(checkType: CheckType): readonly GroundTruth[] {
  return isMatchingCheck(checkType) ? MATCH_LABELS : LIVENESS_LABELS;
}

export interface ItemLabel {
  label: GroundTruth;
  attackType: AttackType | null;
}

/** Checks a label (and attack type) against the test set's check type; returns problems in words. */
export function checkItemLabel(checkType: CheckType, label: string | undefined, attackType: string | undefined): { ok: true; value: ItemLabel } | { ok: false; errors: string[] } {
  const allowed = labelsFor(checkType);
  const errors: string[] = [];
  const trimmedLabel = (label ?? "").trim();
  const trimmedAttack = (attackType ?? "").trim();
  if (!trimmedLabel) errors.push(`label is required (${allowed.join(" or ")}).`);
  else if (!(allowed as readonly string[]).includes(trimmedLabel)) errors.push(`label "${trimmedLabel}" is not valid for ${checkType}; use ${allowed.join(" or ")}.`);
  let attack: AttackType | null = null;
  if (trimmedLabel === "attack") {
    const parsed = attackTypeSchema.safeParse(trimmedAttack);
    if (!trimmedAttack) errors.push(`attack_type is required for an attack (${ATTACK_TYPES.join(", ")}).`);
    else if (!parsed.success) errors.push(`attack_type "${trimmedAttack}" is not one of ${ATTACK_TYPES.join(", ")}.`);
    else attack = parsed.data;
  } else if (trimmedAttack) {
    errors.push(`attack_type is only for attacks (label is "${trimmedLabel}").`);
  }
  if (errors.length) return { ok: false, errors };
  return { ok: true, value: { label: trimmedLabel as GroundTruth, attackType: attack } };
}

export const createTestSetSchema = z.object({
  name: z.string({ error: "Name the test set." }).trim().min(1, "Name the test set.").max(120, "At most 120 characters."),
  checkType: checkTypeSchema,
  description: z
    .string()
    .trim()
    .max(2000, "At most 2000 characters.")
    .nullish()
    .transform((v) => v || null),
});
