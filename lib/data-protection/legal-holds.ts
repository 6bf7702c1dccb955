import { z } from "zod";
import { actorLabel, recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";

// Legal holds: a case, or every verification of a reference, is kept as it is (retention and
// erasure skip it) until an admin releases the hold. Placing and releasing are audited.

export const placeHoldSchema = z.discriminatedUnion("scope", [
  z.object({ scope: z.literal("case"), caseId: z.uuid("Not a case id."), reason: reasonField() }),
  z.object({ scope: z.literal("reference"), reference: referenceField(), reason: reasonField() }),
]);

export const releaseHoldSchema = z.object({ holdId: z.uuid("Not a hold id."), reason: reasonField() });

export function referenceField() {
  return z.string("Enter a reference.").trim().min(1, "Enter a reference.").max(200, "A reference has at most 200 characters.");
}

/** A reference from a URL segment: decoded once when still percent-encoded, kept as is when that fails. */
export function decodeReferenceParam(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export function reasonField() {
  return z.string("Give a reason.").trim().min(3, "Give a reason (at least 3 characters).").max(1000, "At most 1000 characters.");
}

/**
 * SQL condition: verification `v` is under an active legal hold (its reference, or one of its cases).
 * Used by retention, erasure and the pages, so all of them agree on what "held" means.
 */
export function verificationHeldSql(alias = "v"): Prisma.Sql {
  const v = Prisma.raw(`"${alias}"`);
  return Prisma.sql`EXISTS (
    SELECT 1 FROM "LegalHold" h
    WHERE h."releasedAt" IS NULL AND (
      (h."scope" = 'reference' AND h."reference" = ${v}."reference")
      OR (h."scope" = 'case' AND h."caseId" IN (SELECT c."id" FROM "ReviewCase" c WHERE c."verificationId" = ${v}."id"))
    ))`;
}

export interface ActiveHold {
  id: string;
  scope: "case" | "reference";
  caseId: string | null;
  reference: string | null;
  reason: string;
  createdAt: Date;
  createdBy: string;
}

/** The active holds that keep this verification (by its reference or one of its cases). */
export async function findHoldsOfVerification(verificationId: string): Promise<ActiveHold[]> {
  const v = await db.verification.findUnique({ where: { id: verificationId }, select: { reference: true, cases: { select: { id: true } } } });
  if (!v) return [];
  return db.legalHold.findMany({
    where: {
      releasedAt: null,
      OR: [...(v.reference ? [{ scope: "reference" as const, reference: v.reference }] : []), { scope: "case" as const, caseId: { in: v.cases.map((c) => c.id) } }],
    },
    orderBy: { createdAt: "asc" },
  });
}

/** Active holds on a reference, or on a case of one of its verifications. */
export async function findHoldsOfReference(reference: string): Promise<ActiveHold[]> {
  return db.legalHold.findMany({
    where: { releasedAt: null, OR: [{ scope: "reference", reference }, { scope: "case", reviewCase: { verification: { reference } } }] },
    orderBy: { createdAt: "asc" },
  });
}

export async function findActiveHolds(): Promise<ActiveHold[]> {
  return db.legalHold.findMany({ where: { releasedAt: null }, orderBy: { createdAt: "desc" }, take: 500 });
}

export async function placeLegalHold(actor: Actor, input: z.infer<typeof placeHoldSchema>) {
  return db.$transaction(async (tx) => {
    if (input.scope === "case") {
      const found = await tx.reviewCase.findUnique({ where: { id: input.caseId }, select: { id: true } });
      if (!found) throw new NotFoundError("No case has this id.");
      const existing = await tx.legalHold.findFirst({ where: { scope: "case", caseId: input.caseId, releasedAt: null } });
      if (existing) throw new ConflictError(`This case is already on hold since ${existing.createdAt.toISOString().slice(0, 10)} (${existing.reason}).`);
    } else {
      const known = await tx.verification.count({ where: { reference: input.reference } });
      if (known === 0) throw new NotFoundError(`No verification has the reference "${input.reference}".`);
      const existing = await tx.legalHold.findFirst({ where: { scope: "reference", reference: input.reference, releasedAt: null } });
      if (existing) throw new ConflictError(`This reference is already on hold since ${existing.createdAt.toISOString().slice(0, 10)} (${existing.reason}).`);
    }
    const hold = await tx.legalHold.create({
      data: {
        scope: input.scope,
        caseId: input.scope === "case" ? input.caseId : null,
        reference: input.scope === "reference" ? input.reference : null,
        reason: input.reason,
        createdBy: actorLabel(actor),
      },
    });
    await recordAuditEvent(tx, actor, {
      action: "legal_hold.placed",
      targetType: input.scope === "case" ? "review_case" : "subject",
      targetId: input.scope === "case" ? input.caseId : input.reference,
      after: { holdId: hold.id, scope: hold.scope, reason: hold.reason },
    });
    return hold;
  });
}

export async function releaseLegalHold(actor: Actor, input: z.infer<typeof releaseHoldSchema>) {
  return db.$transaction(async (tx) => {
    const hold = await tx.legalHold.findUnique({ where: { id: input.holdId } });
    if (!hold) throw new NotFoundError("No legal hold has this id.");
    const { count } = await tx.legalHold.updateMany({
      where: { id: hold.id, releasedAt: null },
      data: { releasedAt: new Date(), releasedBy: actorLabel(actor), releaseReason: input.reason },
    });
    if (count === 0) throw new ConflictError(`This hold was already released by ${hold.releasedBy ?? "someone"}.`);
    await recordAuditEvent(tx, actor, {
      action: "legal_hold.released",
      targetType: hold.scope === "case" ? "review_case" : "subject",
      targetId: hold.scope === "case" ? hold.caseId : hold.reference,
      before: { holdId: hold.id, reason: hold.reason, placedBy: hold.createdBy },
      after: { releaseReason: input.reason },
    });
  });
}
