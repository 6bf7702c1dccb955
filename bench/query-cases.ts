import type pg from "pg";
import { parseDashboardFilters, type DashboardFilters } from "@/lib/dashboards/dashboard-filters";
import { getOutcomeRates } from "@/lib/dashboards/get-outcome-rates";
import { getQueueHealth } from "@/lib/dashboards/get-queue-health";
import { getVendorHealth } from "@/lib/dashboards/get-vendor-health";
import { loadDashboards } from "@/lib/dashboards/load-dashboards";
import { addDays, todayIn } from "@/lib/dashboards/time-buckets";
import { DECIDED_COUNT_CAP, findCases } from "@/lib/review/find-cases";
import type { ReviewRuleCode } from "@/lib/review/review-rule-settings";
import type { CheckType } from "@/lib/vendors/types";
import { encodeCursor, findVerifications } from "@/lib/verifications/find-verifications";

// What the benchmark times: each app-side query next to its "floor" — the same question asked in
// the plainest SQL the existing indexes allow, straight through `pg`.

export interface QueryCase {
  name: string;
  targetP95Ms: number;
  maxRatio?: number;
  app: () => Promise<unknown>;
  floor?: () => Promise<unknown>;
  /** Floors of the dashboards scan the raw tables: fewer samples keep the run short. */
  floorIterations?: number;
  note?: string;
}

// The review queue through its own module (lib/review/find-cases.ts): the default view (cases not
// yet decided, priority desc then oldest first, keyset pages, counts per status), first page and a
// deep page, without and with two filters.
type QueueFilters = { checkType?: CheckType; rule?: ReviewRuleCode };

async function queueCursorAt(filters: QueueFilters, pages: number): Promise<{ cursor: string | undefined; depth: number }> {
  let cursor: string | undefined;
  let depth = 0;
  for (let i = 0; i < pages; i++) {
    const page = await findCases({ ...filters, cursor }, null);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
    depth += page.rows.length;
  }
  return { cursor, depth };
}

// The floor: the same page and counts as two plain statements (the page with its columns, its
// latest vendor outcomes and a thumbnail, and the counts per status: undecided ones exact, decided
// ones up to the cap, as the queue counts them).
async function queueFloor(pool: pg.Pool, filters: QueueFilters, after: { priority: number; openedAt: Date; id: string } | null) {
  const params: unknown[] = [];
  const where: string[] = [];
  if (filters.checkType) where.push(`c."checkType" = $${params.push(filters.checkType)}::"CheckType"`);
  if (filters.rule) where.push(`$${params.push(filters.rule)} = ANY(c."rules")`);
  const countParams = [...params];
  const countWhere = [...where];
  where.push(`c."status" <> 'decided'`);
  if (after) {
    const p = params.push(after.priority);
    const o = params.push(after.openedAt);
    const i = params.push(after.id);
    where.push(`(c."priority" < $${p} OR (c."priority" = $${p} AND (c."openedAt", c."id") > ($${o}, $${i}::uuid)))`);
  }
  await Promise.all([
    pool.query(
      `SELECT c."id", c."verificationId", c."status", c."priority", c."rules", c."checkType", c."reference", c."openedAt", c."slaDueAt", c."decision", c."decidedAt", c."version", u."email",
         (SELECT json_agg(json_build_object('vendor', r."vendor", 'outcome', r."outcome")) FROM (SELECT DISTINCT ON ("vendor") "vendor", "outcome" FROM "VendorRun" WHERE "verificationId" = c."verificationId" ORDER BY "vendor", "attempt" DESC) r) AS vendors,
         (SELECT m."id" FROM "Media" m WHERE m."verificationId" = c."verificationId" LIMIT 1) AS thumbnail
       FROM "ReviewCase" c LEFT JOIN "User" u ON u."id" = c."assigneeId"
       WHERE ${where.join(" AND ")}
       ORDER BY c."priority" DESC, c."openedAt" ASC, c."id" ASC LIMIT 26`,
      params,
    ),
    pool.query(
      `SELECT c."status", count(*) FROM "ReviewCase" c WHERE ${[`c."status" <> 'decided'`, ...countWhere].join(" AND ")} GROUP BY 1
       UNION ALL SELECT 'decided', count(*) FROM (SELECT 1 FROM "ReviewCase" c WHERE ${[`c."status" = 'decided'`, ...countWhere].join(" AND ")} LIMIT ${DECIDED_COUNT_CAP + 1}) d`,
      countParams,
    ),
  ]);
}

async function queueRowAt(pool: pg.Pool, filters: QueueFilters, depth: number) {
  if (depth === 0) return null;
  const params: unknown[] = [];
  const where = [`"status" <> 'decided'`];
  if (filters.checkType) where.push(`"checkType" = $${params.push(filters.checkType)}::"CheckType"`);
  if (filters.rule) where.push(`$${params.push(filters.rule)} = ANY("rules")`);
  const { rows } = await pool.query<{ priority: number; openedAt: Date; id: string }>(
    `SELECT "priority", "openedAt", "id" FROM "ReviewCase" WHERE ${where.join(" AND ")} ORDER BY "priority" DESC, "openedAt" ASC, "id" ASC OFFSET ${depth - 1} LIMIT 1`,
    params,
  );
  return rows[0] ?? null;
}

function listFloor(pool: pg.Pool, vendor: string, from: string, to: string, cursor: { c: string; i: string } | null) {
  const params: unknown[] = [`${from}T00:00:00.000Z`, `${addDays(to, 1)}T00:00:00.000Z`, vendor];
  const keyset = cursor ? `AND (v."createdAt", v."id") < ($4::timestamptz, $5::uuid)` : "";
  if (cursor) params.push(cursor.c, cursor.i);
  // One statement for the whole page: the rows, each with its runs, media and creator.
  return pool.query(
    `SELECT v."id", v."checkType", v."status", v."source", v."reference", v."createdAt", v."completedAt", u."email", k."name" AS "apiKey",
       (SELECT json_agg(json_build_object('vendor', r."vendor", 'attempt', r."attempt", 'status', r."status", 'outcome', r."outcome")) FROM "VendorRun" r WHERE r."verificationId" = v."id") AS runs,
       (SELECT json_agg(json_build_object('id', m."id", 'role', m."role")) FROM "Media" m WHERE m."verificationId" = v."id") AS media
     FROM "Verification" v
     LEFT JOIN "User" u ON u."id" = v."createdById"
     LEFT JOIN "ApiKey" k ON k."id" = v."apiKeyId"
     WHERE v."createdAt" >= $1 AND v."createdAt" < $2
       AND EXISTS (SELECT 1 FROM "VendorRun" r WHERE r."verificationId" = v."id" AND r."vendor" = $3::"Vendor")
       ${keyset}
     ORDER BY v."createdAt" DESC, v."id" DESC LIMIT 26`,
    params,
  );
}

function rangeOf(filters: DashboardFilters): [string, string] {
  return [`${filters.from}T00:00:00.000Z`, `${addDays(filters.to, 1)}T00:00:00.000Z`];
}

// The dashboards' questions over the raw tables (UTC days), sandbox answers left out as by default.
const floors = {
  rates: (pool: pg.Pool, f: DashboardFilters) =>
    pool.query(
      `SELECT date_trunc('day', v."createdAt" AT TIME ZONE 'UTC') AS day, r."vendor", r."checkType", count(*) AS answers,
         count(*) FILTER (WHERE r."outcome" = 'pass') AS pass, count(*) FILTER (WHERE r."outcome" = 'fail') AS fail,
         count(*) FILTER (WHERE r."outcome" = 'review') AS review, count(*) FILTER (WHERE r."outcome" = 'error') AS error
       FROM "Verification" v
       JOIN LATERAL (SELECT DISTINCT ON ("vendor") "vendor", "checkType", "outcome", "sandbox" FROM "VendorRun" WHERE "verificationId" = v."id" ORDER BY "vendor", "attempt" DESC) r ON true
       WHERE v."createdAt" >= $1 AND v."createdAt" < $2 AND NOT r."sandbox"
       GROUP BY 1, 2, 3`,
      rangeOf(f),
    ),
  vendorHealth: async (pool: pg.Pool, f: DashboardFilters) => {
    await pool.query(
      `SELECT date_trunc('day', "requestedAt" AT TIME ZONE 'UTC') AS day, "vendor", count(*) AS runs,
         count(*) FILTER (WHERE "outcome" = 'error') AS errors,
         sum(greatest(jsonb_array_length(coalesce("attempts", '[]')) - 1, 0)) AS retries,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY "latencyMs") AS p50, percentile_cont(0.95) WITHIN GROUP (ORDER BY "latencyMs") AS p95
       FROM "VendorRun" WHERE "requestedAt" >= $1 AND "requestedAt" < $2 AND NOT "sandbox" GROUP BY 1, 2`,
      rangeOf(f),
    );
    await pool.query(
      `SELECT "vendor", x->>'code' AS code, count(*) FROM "VendorRun", jsonb_array_elements("normalized"->'reasons') AS x
       WHERE "outcome" = 'error' AND "requestedAt" >= $1 AND "requestedAt" < $2 AND NOT "sandbox" GROUP BY 1, 2`,
      rangeOf(f),
    );
  },
  queueHealth: async (pool: pg.Pool, f: DashboardFilters) => {
    await pool.query(
      `SELECT rule, count(*) FILTER (WHERE now() - "openedAt" < interval '4 hours') AS young, count(*) AS n
       FROM "ReviewCase", unnest("rules") AS rule WHERE "status" <> 'decided' GROUP BY 1`,
    );
    await pool.query(
      `SELECT date_trunc('day', "decidedAt" AT TIME ZONE 'UTC') AS day, count(*) AS decided, count(*) FILTER (WHERE "decidedAt" > "slaDueAt") AS late,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY "decidedAt" - "openedAt") AS p50, percentile_cont(0.9) WITHIN GROUP (ORDER BY "decidedAt" - "openedAt") AS p90
       FROM "ReviewCase" WHERE "status" = 'decided' AND "decidedAt" >= $1 AND "decidedAt" < $2 GROUP BY 1`,
      rangeOf(f),
    );
    await pool.query(
      `SELECT "decidedById", "kind", count(*), count(*) FILTER (WHERE "overridesVendor") FROM "Decision" WHERE "createdAt" >= $1 AND "createdAt" < $2 GROUP BY 1, 2`,
      rangeOf(f),
    );
  },
};

export async function buildQueryCases(pool: pg.Pool): Promise<QueryCase[]> {
  const today = todayIn("UTC");
  const last30 = parseDashboardFilters({ from: addDays(today, -29), to: today, tz: "UTC" });
  const lastYear = parseDashboardFilters({ from: addDays(today, -364), to: today, tz: "UTC" });

  const twoFilters: QueueFilters = { checkType: "face_match", rule: "vendor_review" };
  const deep = await queueCursorAt({}, 40);
  const deepFiltered = await queueCursorAt(twoFilters, 8);
  const deepAfter = await queueRowAt(pool, {}, deep.depth);
  const deepFilteredAfter = await queueRowAt(pool, twoFilters, deepFiltered.depth);

  const listFrom = addDays(today, -29);
  const deepRow = (
    await pool.query<{ createdAt: Date; id: string }>(
      `SELECT v."createdAt", v."id" FROM "Verification" v
       WHERE v."createdAt" >= $1 AND v."createdAt" < $2 AND EXISTS (SELECT 1 FROM "VendorRun" r WHERE r."verificationId" = v."id" AND r."vendor" = 'fpt')
       ORDER BY v."createdAt" DESC, v."id" DESC OFFSET 2000 LIMIT 1`,
      [`${listFrom}T00:00:00.000Z`, `${addDays(today, 1)}T00:00:00.000Z`],
    )
  ).rows[0];
  const deepListCursor = deepRow ? { c: deepRow.createdAt.toISOString(), i: deepRow.id } : null;
  const encoded = deepListCursor ? encodeCursor({ s: "createdAt", d: "desc", v: null, ...deepListCursor }) : undefined;

  const PAGE = 50;
  const cases: QueryCase[] = [
    { name: "queue: first page", targetP95Ms: PAGE, maxRatio: 3, app: () => findCases({}, null), floor: () => queueFloor(pool, {}, null) },
    {
      name: `queue: deep page (row ${deep.depth})`,
      targetP95Ms: PAGE,
      maxRatio: 3,
      app: () => findCases({ cursor: deep.cursor }, null),
      floor: () => queueFloor(pool, {}, deepAfter),
    },
    { name: "queue: 2 filters, first page", targetP95Ms: PAGE, maxRatio: 3, app: () => findCases(twoFilters, null), floor: () => queueFloor(pool, twoFilters, null) },
    {
      name: `queue: 2 filters, deep (row ${deepFiltered.depth})`,
      targetP95Ms: PAGE,
      maxRatio: 3,
      app: () => findCases({ ...twoFilters, cursor: deepFiltered.cursor }, null),
      floor: () => queueFloor(pool, twoFilters, deepFilteredAfter),
    },
    {
      name: "list: vendor + 30 days, first page",
      targetP95Ms: PAGE,
      maxRatio: 3,
      app: () => findVerifications({ vendor: "fpt", from: listFrom, to: today }),
      floor: () => listFloor(pool, "fpt", listFrom, today, null),
    },
    {
      name: "list: vendor + 30 days, row 2000",
      targetP95Ms: PAGE,
      maxRatio: 3,
      app: () => findVerifications({ vendor: "fpt", from: listFrom, to: today, cursor: encoded }),
      floor: () => listFloor(pool, "fpt", listFrom, today, deepListCursor),
    },
  ];
  for (const [label, f] of [["30 days", last30], ["1 year", lastYear]] as const) {
    cases.push(
      { name: `dashboard rates: ${label}`, targetP95Ms: 200, app: () => getOutcomeRates(f), floor: () => floors.rates(pool, f), floorIterations: 5 },
      { name: `dashboard vendor health: ${label}`, targetP95Ms: 200, app: () => getVendorHealth(f), floor: () => floors.vendorHealth(pool, f), floorIterations: 5 },
      { name: `dashboard queue health: ${label}`, targetP95Ms: 200, app: () => getQueueHealth(f), floor: () => floors.queueHealth(pool, f), floorIterations: 5 },
      { name: `dashboards page data: ${label}`, targetP95Ms: 200, app: () => loadDashboards(f), note: "all three dashboards with the delta compaction, in parallel" },
    );
  }
  // The slowest reading: days in a zone whose midnight is not UTC's, so no UTC day is whole.
  const tokyo = parseDashboardFilters({ from: addDays(today, -364), to: today, tz: "Asia/Tokyo" });
  cases.push(
    { name: "dashboard rates: 1 year, Tokyo days", targetP95Ms: 200, app: () => getOutcomeRates(tokyo) },
    { name: "dashboard vendor health: 1 year, Tokyo days", targetP95Ms: 200, app: () => getVendorHealth(tokyo) },
    { name: "dashboard queue health: 1 year, Tokyo days", targetP95Ms: 200, app: () => getQueueHealth(tokyo) },
  );
  return cases;
}
