import { db } from "@/lib/db";
import { referenceOrErased } from "@/lib/data-protection/erased-reference";
import { findHoldsOfReference } from "@/lib/data-protection/legal-holds";
import { combineVendorVerdict } from "@/lib/review/vendor-verdict";
import { latestRunPerVendor } from "@/lib/review/evaluate-review-rules";

// A subject is every verification that carries one reference (the customer's own identifier for a
// person), over time: media with the engine's faces, each vendor's latest outcome, cases and their
// decisions. Read by the subject page and GET /api/v1/subjects/{reference}.

const MAX_VERIFICATIONS = 500;

export async function getSubject(reference: string) {
  const rows = await db.verification.findMany({
    // Erased verifications carry a keyed hash of the reference instead: the reference still finds them.
    where: { reference: { in: referenceOrErased(reference) } },
    orderBy: { createdAt: "asc" },
    take: MAX_VERIFICATIONS,
    select: {
      id: true, checkType: true, status: true, source: true, createdAt: true, completedAt: true, erasedAt: true,
      media: { select: { id: true, role: true, mime: true, purgedAt: true, _count: { select: { faces: true } } }, orderBy: { role: "asc" } },
      runs: { select: { vendor: true, attempt: true, outcome: true, status: true, finishedAt: true, sandbox: true } },
      cases: {
        select: {
          id: true, status: true, rules: true, priority: true, openedAt: true, decision: true, decidedAt: true,
          decisions: { select: { kind: true, reasonCode: true, createdAt: true, decidedBy: { select: { email: true } } }, orderBy: { createdAt: "asc" } },
        },
        orderBy: { openedAt: "asc" },
      },
    },
  });
  if (rows.length === 0) return null;
  const holds = await findHoldsOfReference(reference);
  return {
    reference,
    truncated: rows.length === MAX_VERIFICATIONS,
    holds: holds.map((h) => ({ id: h.id, scope: h.scope, caseId: h.caseId, reason: h.reason, createdBy: h.createdBy, createdAt: h.createdAt })),
    verifications: rows.map((v) => {
      const latest = latestRunPerVendor(v.runs);
      return {
        id: v.id,
        checkType: v.checkType,
        status: v.status,
        source: v.source,
        createdAt: v.createdAt,
        completedAt: v.completedAt,
        erased: v.erasedAt !== null,
        outcome: latest.length ? combineVendorVerdict(latest) : null,
        runs: latest.map((r) => ({ vendor: r.vendor, outcome: r.outcome, status: r.status, sandbox: r.sandbox })),
        media: v.media.map((m) => ({ id: m.id, role: m.role, mime: m.mime, purged: m.purgedAt !== null, faces: m._count.faces })),
        cases: v.cases.map((c) => ({
          id: c.id, status: c.status, rules: c.rules, priority: c.priority, openedAt: c.openedAt, decision: c.decision, decidedAt: c.decidedAt,
          decisions: c.decisions.map((d) => ({ kind: d.kind, reasonCode: d.reasonCode, at: d.createdAt, by: d.decidedBy.email })),
        })),
      };
    }),
  };
}

export type Subject = NonNullable<Awaited<ReturnType<typeof getSubject>>>;

/** References starting with (or containing) the text, for the search box: distinct, newest first. */
export async function searchReferences(text: string, take = 20): Promise<Array<{ reference: string; verifications: number; lastAt: Date }>> {
  const q = text.trim();
  if (!q) return [];
  const rows = await db.$queryRaw<Array<{ reference: string; verifications: number; lastAt: Date }>>`
    SELECT v."reference", count(*)::int AS "verifications", max(v."createdAt") AS "lastAt"
    FROM "Verification" v
    WHERE v."reference" IS NOT NULL AND v."reference" NOT LIKE 'erased:%' AND v."reference" ILIKE ${`%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}
    GROUP BY v."reference" ORDER BY (v."reference" = ${q}) DESC, max(v."createdAt") DESC LIMIT ${take}`;
  return rows;
}
