import { Prisma } from "@/lib/generated/prisma/client";
import type { DashboardFilters } from "@/lib/dashboards/dashboard-filters";
import { HISTOGRAM_BINS } from "@/lib/dashboards/histogram";
import { planSeries, type InstantRange } from "@/lib/dashboards/time-buckets";

// SQL pieces shared by the dashboard queries. Rollup rows are keyed by UTC hour (and, for long
// ranges, by UTC day); the viewer's zone re-buckets them: a row's start, seen in the zone, truncated
// to the day, week or month. (Zones with a 30- or 45-minute offset: an hour counts in the local
// bucket its start falls in.)

/** The local bucket a row's start falls in, as a local timestamp (column "b" of seriesRows). */
function bucketKey(filters: DashboardFilters): Prisma.Sql {
  return Prisma.sql`date_trunc(${filters.bucket}, "t" AT TIME ZONE ${filters.tz})`;
}

/** The bucket's name, 'YYYY-MM-DD', for queries that GROUP BY "b" (formatted once per group). */
export const BUCKET_NAME = Prisma.raw(`to_char("b", 'YYYY-MM-DD')`);

/**
 * Vendor, check type and source conditions. The rollups of vendor answers (those with a vendor) are
 * also keyed by whether a built-in sandbox answered: its rows are left out unless asked for.
 */
export function dimensionConditions(filters: DashboardFilters, options: { vendor: boolean }): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [];
  if (options.vendor && filters.vendor) conditions.push(Prisma.sql`"vendor" = ${filters.vendor}::"Vendor"`);
  if (options.vendor && !filters.includeSandbox) conditions.push(Prisma.sql`NOT "sandbox"`);
  if (filters.checkType) conditions.push(Prisma.sql`"check_type" = ${filters.checkType}::"CheckType"`);
  if (filters.source) conditions.push(Prisma.sql`"source" = ${filters.source}::"VerificationSource"`);
  return conditions;
}

export function whereAll(conditions: Prisma.Sql[]): Prisma.Sql {
  return conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
}

/** "l0", …, "l31": the bins of a histogram column prefix. */
export function histogramColumns(prefix: "l" | "t"): string {
  return Array.from({ length: HISTOGRAM_BINS }, (_, i) => `"${prefix}${i}"`).join(", ");
}

/** ARRAY[sum(l0), …, sum(l31)]::int[] for a histogram column prefix. */
export function histogramSums(prefix: "l" | "t"): Prisma.Sql {
  const sums = Array.from({ length: HISTOGRAM_BINS }, (_, i) => `sum("${prefix}${i}")`).join(", ");
  return Prisma.raw(`ARRAY[${sums}]::int[]`);
}

/**
 * The rows of a time-series rollup inside the filter's range, as a subquery with the row's start in
 * column "t" and its local bucket in "b": the UTC days and 3-hour blocks that lie wholly inside one
 * local bucket come from <rollup>_daily_all and <rollup>_3h_all, the rest hour by hour from
 * <rollup>_all (see planSeries). In UTC a year reads ~365 rows per key instead of ~8760.
 */
export function seriesRows(filters: DashboardFilters, rollup: string, columns: string, conditions: Prisma.Sql[]): Prisma.Sql {
  if (!/^dash_[a-z_]+$/.test(rollup)) throw new Error(`not a rollup: ${rollup}`);
  const plan = planSeries(filters.from, filters.to, filters.bucket, filters.tz);
  const dims = conditions.length ? Prisma.sql`AND ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
  const cols = Prisma.raw(columns);
  const inRanges = (column: string, ranges: InstantRange[]) =>
    Prisma.join(
      ranges.map(([start, end]) => Prisma.sql`(${Prisma.raw(column)} >= ${start.toISOString()}::timestamptz AND ${Prisma.raw(column)} < ${end.toISOString()}::timestamptz)`),
      " OR ",
    );
  const parts: Prisma.Sql[] = [];
  for (const [ranges, column, view] of [
    [plan.dayRanges, `"day"`, `"${rollup}_daily_all"`],
    [plan.blockRanges, `"block"`, `"${rollup}_3h_all"`],
    [plan.hourRanges, `"hour"`, `"${rollup}_all"`],
  ] as const) {
    if (ranges.length) parts.push(Prisma.sql`SELECT ${Prisma.raw(column)} AS t, ${cols} FROM ${Prisma.raw(view)} WHERE (${inRanges(column, ranges)}) ${dims}`);
  }
  if (parts.length === 0) parts.push(Prisma.sql`SELECT NULL::timestamptz AS t, ${cols} FROM ${Prisma.raw(`"${rollup}_daily"`)} WHERE false`);
  return Prisma.sql`(SELECT ${bucketKey(filters)} AS b, rows.* FROM (${Prisma.join(parts, " UNION ALL ")}) AS rows)`;
}
