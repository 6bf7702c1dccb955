import { readDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { DashboardFilters } from "@/lib/dashboards/dashboard-filters";
import { addHistograms, emptyHistogram, percentileFromHistogram } from "@/lib/dashboards/histogram";
import { BUCKET_NAME, dimensionConditions, histogramColumns, histogramSums, seriesRows, whereAll } from "@/lib/dashboards/rollup-sql";
import { enumerateBuckets } from "@/lib/dashboards/time-buckets";

// Review queue health. "Open" is every case not yet decided (open, awaiting confirmation,
// escalated); its age counts from the UTC hour it was opened in. The date range applies to the flow
// (cases opened and decided per bucket, decisions after their SLA, time to decision) and to the
// reviewers' decisions; the open cases are as of now. Cases have no vendor: the vendor filter does
// not apply here.

export const AGE_BUCKETS = [
  { key: "lt4h", label: "< 4 h", maxHours: 4 },
  { key: "lt24h", label: "4–24 h", maxHours: 24 },
  { key: "lt3d", label: "1–3 days", maxHours: 72 },
  { key: "lt7d", label: "3–7 days", maxHours: 168 },
  { key: "older", label: "> 7 days", maxHours: null },
] as const;
export type AgeBucketKey = (typeof AGE_BUCKETS)[number]["key"];

export type OpenByRuleRow = { rule: string; total: number } & Record<AgeBucketKey, number>;

export interface FlowFigures {
  opened: number;
  decided: number;
  /** Cases decided after their SLA was due. */
  breached: number;
  ttdP50Minutes: number | null;
  ttdP90Minutes: number | null;
  ttdMeanMinutes: number | null;
}

export type FlowBucketRow = { bucket: string } & FlowFigures;

export interface ReviewerRow {
  reviewerId: string;
  reviewer: string;
  decisions: number;
  approve: number;
  reject: number;
  escalate: number;
  overrides: number;
  overrideRate: number | null;
}

export interface QueueHealthReport {
  open: { total: number; breachedNow: number; byRule: OpenByRuleRow[] };
  flow: FlowBucketRow[];
  flowTotals: FlowFigures;
  reviewers: ReviewerRow[];
  reviewerTotals: Omit<ReviewerRow, "reviewerId" | "reviewer">;
}

export interface OpenRow {
  rule: string;
  age_bucket: number;
  n: number;
}
export interface FlowRow {
  bucket: string;
  opened: number;
  decided: number;
  breached: number;
  ttd_n: number;
  ttd_sum_ms: number;
  bins: number[];
}
export interface DecisionRow {
  reviewer_id: string;
  email: string | null;
  name: string | null;
  kind: "approve" | "reject" | "escalate";
  n: number;
  overrides: number;
}

function ageCase(): Prisma.Sql {
  const whens = AGE_BUCKETS.flatMap((b, i) => (b.maxHours === null ? [] : [`WHEN "age" < interval '${b.maxHours} hours' THEN ${i}`])).join(" ");
  return Prisma.raw(`CASE ${whens} ELSE ${AGE_BUCKETS.length - 1} END`);
}

export async function getQueueHealth(filters: DashboardFilters, now = new Date()): Promise<QueueHealthReport> {
  const dims = dimensionConditions(filters, { vendor: false });
  const caseDims: Prisma.Sql[] = [];
  if (filters.checkType) caseDims.push(Prisma.sql`c."checkType" = ${filters.checkType}::"CheckType"`);
  if (filters.source) caseDims.push(Prisma.sql`v."source" = ${filters.source}::"VerificationSource"`);
  const [openRows, breached, flowRows, decisionRows] = await Promise.all([
    readDb.$queryRaw<OpenRow[]>`
      SELECT "rule", ${ageCase()} AS age_bucket, sum("n")::int AS n
      FROM (SELECT *, ${now}::timestamptz - "opened_hour" AS "age" FROM "dash_open_cases_all" ${whereAll(dims)}) AS o
      GROUP BY 1, 2
      HAVING sum("n") <> 0`,
    // Whole past hours from the rollup; the current hour, where it matters to the minute, from the cases.
    readDb.$queryRaw<{ n: number }[]>`
      SELECT (
        (SELECT coalesce(sum("n"), 0) FROM "dash_open_sla_all" ${whereAll([Prisma.sql`"sla_hour" < dash_hour(${now}::timestamptz)`, ...dims])})
        + (SELECT count(*) FROM "ReviewCase" c JOIN "Verification" v ON v."id" = c."verificationId"
           ${whereAll([
             Prisma.sql`c."status" <> 'decided'`,
             Prisma.sql`c."slaDueAt" >= dash_hour(${now}::timestamptz)`,
             Prisma.sql`c."slaDueAt" < ${now}::timestamptz`,
             ...caseDims,
           ])})
      )::int AS n`,
    readDb.$queryRaw<FlowRow[]>`
      SELECT ${BUCKET_NAME} AS bucket, sum("opened")::int AS opened, sum("decided")::int AS decided, sum("breached")::int AS breached,
        sum("ttd_n")::int AS ttd_n, sum("ttd_sum_ms")::float8 AS ttd_sum_ms, ${histogramSums("t")} AS bins
      FROM ${seriesRows(filters, "dash_case_flow", `"opened", "decided", "breached", "ttd_n", "ttd_sum_ms", ${histogramColumns("t")}`, dims)} AS f
      GROUP BY "b"`,
    readDb.$queryRaw<DecisionRow[]>`
      SELECT d."reviewer_id"::text AS reviewer_id, u."email", u."name", d."kind"::text AS kind, d."n", d."overrides"
      FROM (
        SELECT "reviewer_id", "kind", sum("n")::int AS n, sum("overrides")::int AS overrides
        FROM ${seriesRows(filters, "dash_decisions", `"reviewer_id", "kind", "n", "overrides"`, dims)} AS s
        GROUP BY 1, 2
        HAVING sum("n") <> 0
      ) AS d
      LEFT JOIN "User" u ON u."id" = d."reviewer_id"`,
  ]);
  return shapeQueueHealth(filters, openRows, breached[0]?.n ?? 0, flowRows, decisionRows);
}

interface FlowAccumulator {
  opened: number;
  decided: number;
  breached: number;
  ttdN: number;
  ttdSumMs: number;
  bins: number[];
}

function flowFigures(a: FlowAccumulator): FlowFigures {
  return {
    opened: a.opened,
    decided: a.decided,
    breached: a.breached,
    ttdP50Minutes: percentileFromHistogram(a.bins, 0.5),
    ttdP90Minutes: percentileFromHistogram(a.bins, 0.9),
    ttdMeanMinutes: a.ttdN === 0 ? null : a.ttdSumMs / a.ttdN / 60_000,
  };
}

export function shapeQueueHealth(filters: DashboardFilters, openRows: OpenRow[], breachedNow: number, flowRows: FlowRow[], decisionRows: DecisionRow[]): QueueHealthReport {
  const rules = new Map<string, OpenByRuleRow>();
  let total = 0;
  for (const row of openRows) {
    const key = AGE_BUCKETS[row.age_bucket]?.key;
    if (!key) continue;
    if (row.rule === "*") {
      total += row.n;
      continue;
    }
    const entry = rules.get(row.rule) ?? { rule: row.rule, total: 0, lt4h: 0, lt24h: 0, lt3d: 0, lt7d: 0, older: 0 };
    entry[key] += row.n;
    entry.total += row.n;
    rules.set(row.rule, entry);
  }

  const buckets = enumerateBuckets(filters.from, filters.to, filters.bucket);
  const empty = (): FlowAccumulator => ({ opened: 0, decided: 0, breached: 0, ttdN: 0, ttdSumMs: 0, bins: emptyHistogram() });
  const byBucket = new Map(buckets.map((b) => [b, empty()]));
  const totals = empty();
  for (const row of flowRows) {
    const bucket = byBucket.get(row.bucket);
    if (!bucket) continue;
    for (const acc of [bucket, totals]) {
      acc.opened += row.opened;
      acc.decided += row.decided;
      acc.breached += row.breached;
      acc.ttdN += row.ttd_n;
      acc.ttdSumMs += row.ttd_sum_ms;
      addHistograms(acc.bins, row.bins);
    }
  }

  const reviewers = new Map<string, ReviewerRow>();
  for (const row of decisionRows) {
    const entry = reviewers.get(row.reviewer_id) ?? {
      reviewerId: row.reviewer_id,
      reviewer: row.name ? `${row.name} (${row.email ?? "?"})` : (row.email ?? row.reviewer_id),
      decisions: 0, approve: 0, reject: 0, escalate: 0, overrides: 0, overrideRate: null,
    };
    entry.decisions += row.n;
    entry[row.kind] += row.n;
    entry.overrides += row.overrides;
    reviewers.set(row.reviewer_id, entry);
  }
  const reviewerList = [...reviewers.values()]
    .map((r) => ({ ...r, overrideRate: r.decisions === 0 ? null : r.overrides / r.decisions }))
    .sort((a, b) => b.decisions - a.decisions || a.reviewer.localeCompare(b.reviewer));
  const sum = (pick: (r: ReviewerRow) => number) => reviewerList.reduce((s, r) => s + pick(r), 0);
  const decisions = sum((r) => r.decisions);
  const overrides = sum((r) => r.overrides);

  return {
    open: { total, breachedNow, byRule: [...rules.values()].sort((a, b) => b.total - a.total || a.rule.localeCompare(b.rule)) },
    flow: buckets.map((b) => ({ bucket: b, ...flowFigures(byBucket.get(b) ?? empty()) })),
    flowTotals: flowFigures(totals),
    reviewers: reviewerList,
    reviewerTotals: {
      decisions,
      approve: sum((r) => r.approve),
      reject: sum((r) => r.reject),
      escalate: sum((r) => r.escalate),
      overrides,
      overrideRate: decisions === 0 ? null : overrides / decisions,
    },
  };
}
