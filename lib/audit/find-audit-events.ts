import { z } from "zod";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

// URL state of the audit log. `.catch` keeps a hand-edited URL from breaking the page.
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)));

export const auditFilterSchema = z.object({
  action: z.string().trim().max(100).optional().catch(undefined),
  actor: z.string().trim().max(254).optional().catch(undefined),
  targetType: z.string().trim().max(50).optional().catch(undefined),
  targetId: z.string().trim().max(200).optional().catch(undefined),
  // UTC days, both included.
  from: day.optional().catch(undefined),
  to: day.optional().catch(undefined),
  // Everything about one verification (its media, its cases), or about every verification of a reference.
  verification: z.uuid().optional().catch(undefined),
  reference: z.string().trim().min(1).max(200).optional().catch(undefined),
});

export const auditSearchSchema = auditFilterSchema.extend({
  // Keyset cursor: the id of the last event on the previous page.
  before: z.string().regex(/^\d{1,19}$/).optional().catch(undefined),
  limit: z.coerce.number().int().min(10).max(200).catch(50),
});

export type AuditSearch = z.infer<typeof auditSearchSchema>;
/** The filters alone (the CSV export has no pages). */
export type AuditFilters = z.infer<typeof auditFilterSchema>;

/** The filters of a search as URL parameters (no cursor, no limit), for links and the CSV export. */
export function auditFilterParams(search: AuditFilters): URLSearchParams {
  const keys = ["action", "actor", "targetType", "targetId", "from", "to", "verification", "reference"] as const;
  return new URLSearchParams(keys.flatMap((k) => (search[k] ? [[k, String(search[k])]] : [])));
}

function nextUtcDay(d: string) {
  return new Date(Date.parse(`${d}T00:00:00Z`) + 24 * 60 * 60 * 1000);
}

/** Targets that belong to a verification or a reference: the verifications, their media and cases. */
async function subjectTargets(search: AuditFilters): Promise<Prisma.AuditEventWhereInput | null> {
  if (!search.verification && !search.reference) return null;
  const verifications = await db.verification.findMany({
    where: search.verification ? { id: search.verification } : { reference: search.reference },
    select: { id: true, media: { select: { id: true } }, cases: { select: { id: true } } },
    take: 5000,
  });
  const mediaIds = verifications.flatMap((v) => v.media.map((m) => m.id));
  const others = verifications.flatMap((v) => [v.id, ...v.cases.map((c) => c.id)]);
  return {
    OR: [
      { targetType: "media", targetId: { in: mediaIds } },
      { targetId: { in: others } },
      ...(search.reference ? [{ targetType: "subject", targetId: search.reference }] : []),
    ],
  };
}

export async function auditWhere(search: AuditFilters): Promise<Prisma.AuditEventWhereInput> {
  const subject = await subjectTargets(search);
  return {
    AND: [
      search.action ? { action: { startsWith: search.action } } : {},
      search.actor ? { actorLabel: { contains: search.actor, mode: "insensitive" } } : {},
      search.targetType ? { targetType: search.targetType } : {},
      search.targetId ? { targetId: search.targetId } : {},
      search.from ? { at: { gte: new Date(`${search.from}T00:00:00Z`) } } : {},
      search.to ? { at: { lt: nextUtcDay(search.to) } } : {},
      subject ?? {},
    ],
  };
}

export async function findAuditEvents(search: AuditSearch) {
  const where = await auditWhere(search);
  const rows = await db.auditEvent.findMany({
    where: { AND: [where, search.before ? { id: { lt: BigInt(search.before) } } : {}] },
    orderBy: { id: "desc" },
    take: search.limit + 1,
  });
  const page = rows.slice(0, search.limit);
  return {
    events: page.map((e) => ({ ...e, id: e.id.toString() })),
    nextCursor: rows.length > search.limit ? page[page.length - 1]?.id.toString() : undefined,
  };
}
