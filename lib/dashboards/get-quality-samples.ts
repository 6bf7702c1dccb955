import { readDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { DashboardFilters } from "@/lib/dashboards/dashboard-filters";
import { addDays, startOfLocalDay } from "@/lib/dashboards/time-buckets";
import { proportion, type Proportion } from "@/lib/test-sets/metrics";
import type { CheckType, VendorId } from "@/lib/vendors/types";

// QA samples of automatic passes and how many a reviewer overturned (rejected): the automation's
// real miss rate. A direct query, not a rollup: it reads only the cases of the quality_sample rule
// (GIN index on "rules"), which are a small share of all cases. Samples count by the day they were
// opened, in the viewer's zone; their decisions whenever they came.

export interface QualitySampleRow {
  checkType: CheckType;
  vendor: VendorId;
  sampled: number;
  /** Decided approve or reject (escalations still open are not counted). */
  decided: number;
  overturned: number;
  /** overturned / decided, with its 95 % Wilson interval. */
  missRate: Proportion;
}

export async function getQualitySamples(filters: DashboardFilters): Promise<QualitySampleRow[]> {
  const from = startOfLocalDay(filters.from, filters.tz);
  const to = startOfLocalDay(addDays(filters.to, 1), filters.tz);
  const conditions: Prisma.Sql[] = [
    Prisma.sql`c."rules" @> ARRAY['quality_sample']::text[]`,
    Prisma.sql`c."openedAt" >= ${from}`,
    Prisma.sql`c."openedAt" < ${to}`,
  ];
  if (filters.checkType) conditions.push(Prisma.sql`c."checkType" = ${filters.checkType}::"CheckType"`);
  if (filters.source) conditions.push(Prisma.sql`v."source" = ${filters.source}::"VerificationSource"`);
  const sampleConditions: Prisma.Sql[] = [];
  if (filters.vendor) sampleConditions.push(Prisma.sql`x."vendor" = ${filters.vendor}`);
  // Like every dashboard figure, samples of built-in sandbox answers count only when asked for.
  if (!filters.includeSandbox) {
    sampleConditions.push(Prisma.sql`NOT EXISTS (SELECT 1 FROM "VendorRun" r WHERE r."verificationId" = s."verificationId" AND r."vendor"::text = x."vendor" AND r."sandbox")`);
  }
  const vendorCondition = sampleConditions.length > 0 ? Prisma.sql`WHERE ${Prisma.join(sampleConditions, " AND ")}` : Prisma.empty;
  const rows = await readDb.$queryRaw<{ checkType: CheckType; vendor: VendorId; sampled: number; decided: number; overturned: number }[]>`
    WITH s AS (
      SELECT c."verificationId", c."checkType", c."status", c."decision",
        (SELECT e->'vendors' FROM jsonb_array_elements(CASE WHEN jsonb_typeof(c."ruleDetails") = 'array' THEN c."ruleDetails" ELSE '[]'::jsonb END) e
         WHERE e->>'code' = 'quality_sample' LIMIT 1) AS "vendors"
      FROM "ReviewCase" c JOIN "Verification" v ON v."id" = c."verificationId"
      WHERE ${Prisma.join(conditions, " AND ")}
    )
    SELECT s."checkType"::text AS "checkType", x."vendor", count(*)::int AS sampled,
      count(*) FILTER (WHERE s."status" = 'decided' AND s."decision" IN ('approve', 'reject'))::int AS decided,
      count(*) FILTER (WHERE s."status" = 'decided' AND s."decision" = 'reject')::int AS overturned
    FROM s CROSS JOIN LATERAL jsonb_array_elements_text(coalesce(s."vendors", '[]'::jsonb)) AS x("vendor")
    ${vendorCondition}
    GROUP BY 1, 2
    ORDER BY 1, 2`;
  return rows.map((r) => ({ ...r, missRate: proportion(r.overturned, r.decided) }));
}
