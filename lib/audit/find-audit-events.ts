import { z } from "zod";
import { erasedReferenceOf } from "@/lib/data-protection/erased-reference";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

/** A real calendar day as YYYY-MM-DD (Date.parse would take 2026-02-30 as 2 March). */
export function isCalendarDay(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const d = new Date(Date.UTC(year, month - 1, date));
  return year >= 1970 && d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === date;
}

// URL state of the audit log. `.catch` keeps a hand-edited URL from breaking the page; the days are
// checked by parseAuditSearch, which names a bad one rather than dropping it silently.
const day = z.string().refine(isCalendarDay);

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

/** A day of the export's filter: refused, naming the field, when it does not exist (400). */
function exportDay(label: string, field: string) {
  return z
    .string()
    .trim()
    .refine((v) => v === "" || isCalendarDay(v), { error: (issue) => dayError(label, field, String(issue.input)) })
    .optional();
}

function dayError(label: string, field: string, value: string) {
  return `${label} (${field}): “${value.slice(0, 40)}” is not a calendar day; use YYYY-MM-DD, a date that exists (UTC).`;
}

/** The CSV export's filters: like the page's, but a bad day is a 400 naming it, never dropped. */
export const auditExportFilterSchema = auditFilterSchema
  .extend({ from: exportDay("From", "from"), to: exportDay("To", "to") })
  .superRefine((v, ctx) => {
    if (v.from && v.to && v.from > v.to) ctx.addIssue({ code: "custom", path: ["to"], message: `To (to): ${v.to} is before From (${v.from}).` });
  });

export type AuditSearchErrors = Partial<Record<"from" | "to", string>>;

/**
 * The search, and a clear error for a date that is not a day (2026-02-30, 2026-13-01, "yesterday")
 * or a range that ends before it starts. A bad date is left out of `search`, so callers must show
 * the errors instead of the (then unfiltered) results.
 */
export function parseAuditSearch(raw: Record<string, string | string[] | undefined>): { search: AuditSearch; errors: AuditSearchErrors } {
  const search = auditSearchSchema.parse(raw);
  const errors: AuditSearchErrors = {};
  for (const [field, label] of [["from", "From"], ["to", "To"]] as const) {
    const given = raw[field];
    const value = (Array.isArray(given) ? given[0] : given)?.trim();
    if (value && !isCalendarDay(value)) errors[field] = dayError(label, field, value);
  }
  if (search.from && search.to && search.from > search.to) errors.to = `To (to): ${search.to} is before From (${search.from}).`;
  return { search, errors };
}

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
      // An erased subject's own event names it by its keyed hash (lib/data-protection/erased-reference.ts).
      ...(search.reference ? [{ targetType: "subject", targetId: { in: [search.reference, erasedReferenceOf(search.reference)] } }] : []),
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
