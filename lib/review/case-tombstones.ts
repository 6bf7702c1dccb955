import { mediaTombstoneJson } from "@/lib/data-protection/media-tombstone";
import { db } from "@/lib/db";

// The tombstone fields of the verification behind each case, as the verification JSON has them
// (`erased`, and per media `url: null` + `purged` once purged), for the review-cases API. One query
// for a whole page of cases.

export type CaseTombstone = Awaited<ReturnType<typeof findCaseTombstones>> extends Map<string, infer T> ? T : never;

export async function findCaseTombstones(verificationIds: string[]) {
  const rows = await db.verification.findMany({
    where: { id: { in: [...new Set(verificationIds)] } },
    select: {
      id: true,
      erasedAt: true,
      eraseReason: true,
      media: { orderBy: { role: "asc" }, select: { id: true, role: true, purgedAt: true, purgeKind: true, purgedBy: true, purgePolicy: { select: { name: true } } } },
    },
  });
  return new Map(
    rows.map((v) => [
      v.id,
      {
        erased: v.erasedAt ? { at: v.erasedAt.toISOString(), reason: v.eraseReason } : null,
        media: v.media.map((m) => ({ id: m.id, role: m.role, url: m.purgedAt ? null : `/api/media/${m.id}`, purged: mediaTombstoneJson(m) })),
      },
    ]),
  );
}

const NONE = { erased: null, media: [] };

export function tombstoneOf(map: Map<string, CaseTombstone>, verificationId: string): CaseTombstone {
  return map.get(verificationId) ?? NONE;
}
