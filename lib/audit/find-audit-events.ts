import { z } from "zod";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

// URL state of the audit log. `.catch` keeps a hand-edited URL from breaking the page.
export const auditSearchSchema = z.object({
  action: z.string().trim().max(100).optional().catch(undefined),
  actor: z.string().trim().max(254).optional().catch(undefined),
  targetType: z.string().trim().max(50).optional().catch(undefined),
  targetId: z.string().trim().max(100).optional().catch(undefined),
  // Keyset cursor: the id of the last event on the previous page.
  before: z.string().regex(/^\d{1,19}$/).optional().catch(undefined),
  limit: z.coerce.number().int().min(10).max(200).catch(50),
});

export type AuditSearch = z.infer<typeof auditSearchSchema>;

export async function findAuditEvents(search: AuditSearch) {
  const where: Prisma.AuditEventWhereInput = {
    ...(search.action ? { action: { startsWith: search.action } } : {}),
    ...(search.actor ? { actorLabel: { contains: search.actor, mode: "insensitive" } } : {}),
    ...(search.targetType ? { targetType: search.targetType } : {}),
    ...(search.targetId ? { targetId: search.targetId } : {}),
    ...(search.before ? { id: { lt: BigInt(search.before) } } : {}),
  };
  const rows = await db.auditEvent.findMany({ where, orderBy: { id: "desc" }, take: search.limit + 1 });
  const page = rows.slice(0, search.limit);
  return {
    events: page.map((e) => ({ ...e, id: e.id.toString() })),
    nextCursor: rows.length > search.limit ? page[page.length - 1]?.id.toString() : undefined,
  };
}
