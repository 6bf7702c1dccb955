// What is left of a purged media, in words: "purged on 2026-11-27 by policy API · no case".

export interface MediaTombstone {
  purgedAt: Date;
  // "policy" (a retention rule) or "erase" (a subject's erasure).
  purgeKind: string | null;
  purgedBy: string | null;
  policyName: string | null;
}

export function describeMediaTombstone(t: MediaTombstone): string {
  const day = t.purgedAt.toISOString().slice(0, 10);
  if (t.purgeKind === "erase") return `erased on ${day} by ${t.purgedBy ?? "an admin"} (subject erasure)`;
  return `purged on ${day} by policy ${t.policyName ?? t.purgedBy ?? "(deleted policy)"}`;
}

/** The tombstone fields as the API and the pages return them, or null for media that still have their bytes. */
export function mediaTombstoneJson(m: { purgedAt: Date | null; purgeKind: string | null; purgedBy: string | null; purgePolicy?: { name: string } | null }) {
  if (!m.purgedAt) return null;
  const tombstone = { purgedAt: m.purgedAt, purgeKind: m.purgeKind, purgedBy: m.purgedBy, policyName: m.purgePolicy?.name ?? null };
  return {
    at: m.purgedAt.toISOString(),
    kind: m.purgeKind,
    policy: tombstone.policyName,
    by: m.purgedBy,
    description: describeMediaTombstone(tombstone),
  };
}

export type MediaTombstoneJson = NonNullable<ReturnType<typeof mediaTombstoneJson>>;
