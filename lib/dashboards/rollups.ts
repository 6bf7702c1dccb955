import { db } from "@/lib/db";

// Maintenance of the dashboard rollups (see the dashboard_rollups migration for how they work).

/** Folds pending trigger deltas into the compacted rollups. Cheap when there is little to fold. */
export async function compactRollups(): Promise<void> {
  await db.$executeRaw`SELECT dash_compact_rollups()`;
}

/** Rebuilds every rollup from the raw tables (after a bulk load with triggers disabled). Writers wait meanwhile. */
export async function recomputeRollups(): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT dash_recompute_rollups()`;
  }, { timeout: 30 * 60_000, maxWait: 60_000 });
}

export interface RollupDifference {
  rollup: string;
  differingKeys: number;
}

/** Per rollup, the keys whose counts differ from a raw recount: every figure 0 when the rollups are exact. */
export async function findRollupDifferences(): Promise<RollupDifference[]> {
  const rows = await db.$queryRaw<{ rollup: string; differing_keys: bigint }[]>`SELECT "rollup", "differing_keys" FROM dash_rollup_differences()`;
  return rows.map((r) => ({ rollup: r.rollup, differingKeys: Number(r.differing_keys) }));
}
