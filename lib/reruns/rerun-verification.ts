import { z } from "zod";
import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { assertVendorsEnabled } from "@/lib/reruns/assert-vendors-enabled";
import { planReruns, writeReruns } from "@/lib/reruns/add-rerun-runs";
import { rerunReasonSchema, rerunVendorsSchema } from "@/lib/reruns/rerun-selection";

export const rerunVerificationInputSchema = z.object({
  verificationId: z.uuid("Unknown verification."),
  vendors: rerunVendorsSchema,
  reason: rerunReasonSchema,
});
export type RerunVerificationInput = z.input<typeof rerunVerificationInputSchema>;

export interface RerunResult {
  verificationId: string;
  runs: { id: string; vendor: string; attempt: number }[];
}

/**
 * Reruns one verification on the given vendors: one new queued run per vendor (attempt = max + 1),
 * its vendor-call job and an audit event, in one transaction. Refuses — without writing anything —
 * a vendor that is disabled, does not serve the check type, lacks media it needs, or is still busy.
 */
export async function rerunVerification(actor: Actor, raw: RerunVerificationInput): Promise<RerunResult> {
  const input = rerunVerificationInputSchema.parse(raw);
  const verification = await db.verification.findUnique({
    where: { id: input.verificationId },
    select: { id: true, checkType: true, media: { where: { purgedAt: null }, select: { role: true } }, runs: { select: { vendor: true, attempt: true, status: true } } },
  });
  if (!verification) throw new NotFoundError("That verification does not exist.");
  await assertVendorsEnabled(input.vendors);

  const plan = planReruns([{ id: verification.id, checkType: verification.checkType, mediaRoles: verification.media.map((m) => m.role), runs: verification.runs }], input.vendors);
  const busy = plan.skipped.filter((s) => s.reason === "busy");
  const invalid = plan.skipped.filter((s) => s.reason !== "busy");
  if (invalid.length) throw new ValidationError("Some vendors cannot rerun this verification.", { vendors: invalid.map((s) => `${s.detail}.`) });
  if (busy.length) throw new ConflictError(`${busy.map((s) => s.detail).join("; ")}: wait for it to finish.`);

  const requestedById = actor.kind === "user" ? actor.id : null;
  try {
    return await db.$transaction(async (tx) => {
      const ids = await writeReruns(tx, {
        items: plan.create,
        checkTypes: new Map([[verification.id, verification.checkType]]),
        reason: input.reason,
        requestedById,
      });
      const runs = plan.create.map((item, i) => ({ id: ids[i], vendor: item.vendor, attempt: item.attempt }));
      await recordAuditEvent(tx, actor, {
        action: "verification.rerun",
        targetType: "verification",
        targetId: verification.id,
        after: { reason: input.reason, runs },
      });
      return { verificationId: verification.id, runs };
    });
  } catch (error) {
    // Two reruns of the same vendor at once: the second one loses on the attempt's unique key.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new ConflictError("Someone else just reran this vendor on this verification; reload to see the new run.");
    }
    throw error;
  }
}
