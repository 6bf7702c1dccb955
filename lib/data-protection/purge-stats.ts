import { z } from "zod";
import { db, readDb } from "@/lib/db";

// Figures of purges for the retention page and the dashboards, read from the tombstones and the
// audit log (no counters of their own to drift).

const runSummary = z.object({ trigger: z.string().catch("?"), media: z.number().catch(0), bytes: z.number().catch(0), rules: z.array(z.object({ heldMedia: z.number().catch(0) })).catch([]) });

export async function findRecentRetentionRuns(limit: number) {
  const events = await db.auditEvent.findMany({ where: { action: "retention.run" }, orderBy: { id: "desc" }, take: limit, select: { id: true, at: true, after: true } });
  return events.map((e) => {
    const s = runSummary.safeParse(e.after);
    const data = s.success ? s.data : { trigger: "?", media: 0, bytes: 0, rules: [] };
    return { id: e.id.toString(), at: e.at, trigger: data.trigger, media: data.media, bytes: data.bytes, heldMedia: data.rules.reduce((n, r) => n + r.heldMedia, 0) };
  });
}

export interface PurgeDay {
  day: string;
  kind: string;
  media: number;
  bytes: number;
}

/** Media purged and original bytes freed per UTC day and cause (policy / erase), newest first. */
export async function getPurgesPerDay(from: Date, to: Date): Promise<PurgeDay[]> {
  const rows = await readDb.$queryRaw<Array<{ day: string; kind: string | null; media: bigint; bytes: bigint | null }>>`
    SELECT to_char("purgedAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, "purgeKind" AS kind, count(*)::bigint AS media, sum("purgedBytes")::bigint AS bytes
    FROM "Media" WHERE "purgedAt" >= ${from} AND "purgedAt" < ${to}
    GROUP BY 1, 2 ORDER BY 1 DESC, 2`;
  return rows.map((r) => ({ day: r.day, kind: r.kind ?? "policy", media: Number(r.media), bytes: Number(r.bytes ?? 0) }));
}
