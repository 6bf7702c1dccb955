import { z } from "zod";
import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { fieldErrorsOf } from "@/lib/validation/field-errors";

// The admin-managed list of reasons a reviewer picks from. Reasons are never deleted (decisions
// refer to them by code); an admin deactivates one instead.

const kinds = z
  .union([z.enum(["approve", "reject", "escalate"]), z.array(z.enum(["approve", "reject", "escalate"]))], { error: "Pick at least one decision." })
  .transform((v) => [...new Set(Array.isArray(v) ? v : [v])])
  .refine((v) => v.length > 0, "Pick at least one decision.");

const CHECK_TYPES = ["liveness_3angle", "liveness_video", "face_match", "liveness_selfie"] as const;
const checkTypes = z
  .union([z.enum(CHECK_TYPES), z.array(z.enum(CHECK_TYPES))], { error: "Pick at least one check type." })
  .transform((v) => [...new Set(Array.isArray(v) ? v : [v])])
  .refine((v) => v.length > 0, "Pick at least one check type.");

export const createReasonSchema = z.object({
  code: z.string().trim().regex(/^[a-z0-9_]{2,60}$/, "2–60 lowercase letters, digits or underscores."),
  label: z.string().trim().min(3, "At least 3 characters.").max(200, "At most 200 characters."),
  kinds,
  checkTypes,
});
export const updateReasonSchema = z.object({
  code: z.string().trim().min(1),
  label: z.string().trim().min(3, "At least 3 characters.").max(200, "At most 200 characters."),
  kinds,
  checkTypes,
  active: z.union([z.boolean(), z.literal("on"), z.literal("true"), z.literal("false"), z.literal("")]).optional().transform((v) => v === true || v === "on" || v === "true"),
});

export async function listDecisionReasons(options: { activeOnly?: boolean } = {}) {
  return db.decisionReason.findMany({ where: options.activeOnly ? { active: true } : {}, orderBy: [{ active: "desc" }, { label: "asc" }] });
}

export async function createDecisionReason(actor: Actor, input: unknown) {
  const parsed = createReasonSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError("Some fields need attention.", fieldErrorsOf(parsed.error));
  return db.$transaction(async (tx) => {
    if (await tx.decisionReason.findUnique({ where: { code: parsed.data.code } })) throw new ConflictError(`A reason with the code ${parsed.data.code} exists already.`);
    const created = await tx.decisionReason.create({ data: parsed.data });
    await recordAuditEvent(tx, actor, { action: "decision_reason.created", targetType: "decision_reason", targetId: created.code, after: { label: created.label, kinds: created.kinds, checkTypes: created.checkTypes } });
    return created;
  });
}

export async function updateDecisionReason(actor: Actor, input: unknown) {
  const parsed = updateReasonSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError("Some fields need attention.", fieldErrorsOf(parsed.error));
  const { code, ...changes } = parsed.data;
  return db.$transaction(async (tx) => {
    const before = await tx.decisionReason.findUnique({ where: { code } });
    if (!before) throw new NotFoundError("No reason has this code.");
    const after = await tx.decisionReason.update({ where: { code }, data: changes });
    await recordAuditEvent(tx, actor, {
      action: "decision_reason.updated",
      targetType: "decision_reason",
      targetId: code,
      before: { label: before.label, kinds: before.kinds, checkTypes: before.checkTypes, active: before.active },
      after: { label: after.label, kinds: after.kinds, checkTypes: after.checkTypes, active: after.active },
    });
    return after;
  });
}
