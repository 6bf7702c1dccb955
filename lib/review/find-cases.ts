import { z } from "zod";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CaseStatus, DecisionKind, MediaRole, Outcome } from "@/lib/generated/prisma/enums";
import { latestRunPerVendor } from "@/lib/review/evaluate-review-rules";
import { queueSearchSchema, SLA_DUE_SOON_MS, type QueueSearch } from "@/lib/review/queue-search";
import type { CheckType, VendorId } from "@/lib/vendors/types";

// The review queue: server-side filters, an allow-list of sorts, keyset pagination and counts per
// status. Nothing from the URL reaches the SQL except as a bound parameter.

const cursorSchema = z.object({ s: z.enum(["priority", "oldest", "newest", "sla"]), p: z.number().int(), o: z.iso.datetime(), d: z.iso.datetime().nullable(), i: z.uuid() });
type Cursor = z.infer<typeof cursorSchema>;

function encodeCursor(cursor: Cursor) {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

function decodeCursor(value: string | undefined, sort: QueueSearch["sort"]): Cursor | null {
  if (!value) return null;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(value, "base64url").toString("utf8")));
    return parsed.success && parsed.data.s === sort ? parsed.data : null;
  } catch {
    return null;
  }
}

function escapeLike(value: string) {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

const FAR_FUTURE = "9999-12-31T00:00:00.000Z";

/** A time as a bound timestamptz parameter. */
function ts(date: Date | string): Prisma.Sql {
  return Prisma.sql`${typeof date === "string" ? date : date.toISOString()}::timestamptz`;
}

function filterConditions(search: QueueSearch, userId: string | null, { withStatus }: { withStatus: boolean }): Prisma.Sql[] {
  const where: Prisma.Sql[] = [];
  if (withStatus) {
    if (search.status === "active") where.push(Prisma.sql`c."status" <> 'decided'`);
    else if (search.status !== "all") where.push(Prisma.sql`c."status" = ${search.status}::"CaseStatus"`);
  }
  if (search.rule) where.push(Prisma.sql`${search.rule} = ANY(c."rules")`);
  if (search.checkType) where.push(Prisma.sql`c."checkType" = ${search.checkType}::"CheckType"`);
  if (search.vendor) where.push(Prisma.sql`EXISTS (SELECT 1 FROM "VendorRun" r WHERE r."verificationId" = c."verificationId" AND r."vendor" = ${search.vendor}::"Vendor")`);
  if (search.assignee === "unassigned") where.push(Prisma.sql`c."assigneeId" IS NULL`);
  else if (search.assignee === "mine") where.push(userId ? Prisma.sql`c."assigneeId" = ${userId}::uuid` : Prisma.sql`FALSE`);
  else if (search.assignee) where.push(Prisma.sql`c."assigneeId" = ${search.assignee}::uuid`);
  const hour = 3600_000;
  if (search.age === "lt1h") where.push(Prisma.sql`c."openedAt" > ${ts(new Date(Date.now() - hour))}`);
  if (search.age === "lt24h") where.push(Prisma.sql`c."openedAt" > ${ts(new Date(Date.now() - 24 * hour))}`);
  if (search.age === "gt24h") where.push(Prisma.sql`c."openedAt" <= ${ts(new Date(Date.now() - 24 * hour))}`);
  if (search.age === "gt7d") where.push(Prisma.sql`c."openedAt" <= ${ts(new Date(Date.now() - 7 * 24 * hour))}`);
  const now = new Date();
  if (search.sla === "breached") where.push(Prisma.sql`c."status" <> 'decided' AND c."slaDueAt" <= ${ts(now)}`);
  if (search.sla === "due_soon") where.push(Prisma.sql`c."status" <> 'decided' AND c."slaDueAt" > ${ts(now)} AND c."slaDueAt" <= ${ts(new Date(now.getTime() + SLA_DUE_SOON_MS))}`);
  if (search.sla === "ok") where.push(Prisma.sql`c."status" <> 'decided' AND c."slaDueAt" > ${ts(new Date(now.getTime() + SLA_DUE_SOON_MS))}`);
  if (search.sla === "none") where.push(Prisma.sql`(c."slaDueAt" IS NULL OR c."status" = 'decided')`);
  if (search.reference) where.push(Prisma.sql`c."reference" ILIKE ${`%${escapeLike(search.reference)}%`}`);
  return where;
}

// The rows after the cursor in the sort's order, or (backward) the rows before it.
function cursorCondition(sort: QueueSearch["sort"], cursor: Cursor, backward: boolean): Prisma.Sql {
  const opened = new Date(cursor.o);
  const [after, before] = backward ? [Prisma.raw("<"), Prisma.raw(">")] : [Prisma.raw(">"), Prisma.raw("<")];
  switch (sort) {
    case "priority":
      return Prisma.sql`(c."priority" ${before} ${cursor.p} OR (c."priority" = ${cursor.p} AND (c."openedAt", c."id") ${after} (${ts(opened)}, ${cursor.i}::uuid)))`;
    case "oldest":
      return Prisma.sql`(c."openedAt", c."id") ${after} (${ts(opened)}, ${cursor.i}::uuid)`;
    case "newest":
      return Prisma.sql`(c."openedAt", c."id") ${before} (${ts(opened)}, ${cursor.i}::uuid)`;
    case "sla":
      return Prisma.sql`(COALESCE(c."slaDueAt", ${FAR_FUTURE}::timestamptz), c."id") ${after} (${cursor.d ?? FAR_FUTURE}::timestamptz, ${cursor.i}::uuid)`;
  }
}

const ORDER_BY: Record<QueueSearch["sort"], Prisma.Sql> = {
  priority: Prisma.sql`ORDER BY c."priority" DESC, c."openedAt" ASC, c."id" ASC`,
  oldest: Prisma.sql`ORDER BY c."openedAt" ASC, c."id" ASC`,
  newest: Prisma.sql`ORDER BY c."openedAt" DESC, c."id" DESC`,
  sla: Prisma.sql`ORDER BY COALESCE(c."slaDueAt", '9999-12-31T00:00:00.000Z'::timestamptz) ASC, c."id" ASC`,
};

// The same orders reversed, for reading the page before a cursor.
const REVERSED_ORDER_BY: Record<QueueSearch["sort"], Prisma.Sql> = {
  priority: Prisma.sql`ORDER BY c."priority" ASC, c."openedAt" DESC, c."id" DESC`,
  oldest: Prisma.sql`ORDER BY c."openedAt" DESC, c."id" DESC`,
  newest: Prisma.sql`ORDER BY c."openedAt" ASC, c."id" ASC`,
  sla: Prisma.sql`ORDER BY COALESCE(c."slaDueAt", '9999-12-31T00:00:00.000Z'::timestamptz) DESC, c."id" DESC`,
};

function whereSql(conditions: Prisma.Sql[]) {
  return conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
}

export interface QueueRow {
  id: string;
  verificationId: string;
  status: CaseStatus;
  priority: number;
  rules: string[];
  checkType: CheckType;
  reference: string | null;
  assignee: { id: string; email: string } | null;
  openedAt: Date;
  slaDueAt: Date | null;
  decision: DecisionKind | null;
  decidedAt: Date | null;
  version: number;
  /** The latest answer of each vendor; `sandbox` when a built-in sandbox gave it. */
  vendors: { vendor: VendorId; outcome: Outcome | null; sandbox: boolean }[];
  thumbnail: { mediaId: string; role: MediaRole; kind: "thumb" | "filmstrip" } | null;
}

// A row of the page statement: the case, its assignee's email, its runs and media as JSON.
type PageRow = Omit<QueueRow, "assignee" | "vendors" | "thumbnail"> & {
  assigneeId: string | null;
  assigneeEmail: string | null;
  runs: { vendor: VendorId; attempt: number; outcome: Outcome | null; sandbox: boolean }[];
  media: { id: string; role: MediaRole }[];
};

const THUMBNAIL_ROLE_ORDER: MediaRole[] = ["portrait_mid", "selfie", "image2", "video", "portrait_left", "portrait_right", "image1", "id_image"];

export type StatusCounts = Record<CaseStatus, number>;

/**
 * How many decided cases the queue counts at most. Decided cases pile up without end (400 k at 4 M
 * verifications), so counting them all on every page load grew with the history; past the cap the
 * queue says "10,000+" and the dashboards give the exact totals.
 */
export const DECIDED_COUNT_CAP = 10_000;

export interface QueuePage {
  rows: QueueRow[];
  /** The `cursor` of the next page, null on the last one. */
  nextCursor: string | null;
  /** The `before` of the previous page, null on the first one. */
  prevCursor: string | null;
  /** Cases per status under the other filters: exact for the undecided statuses, `decided` up to the cap. */
  counts: StatusCounts;
  /** More decided cases match than `counts.decided` (which then equals the cap). */
  decidedCapped: boolean;
}

export interface FindCasesOptions {
  /** Decided cases are counted up to this many; the default is {@link DECIDED_COUNT_CAP}. */
  decidedCountCap?: number;
}

// The undecided statuses exactly (the queue's workload, a few thousand cases), decided ones up to
// the cap: one statement, run beside the page.
async function countCases(search: QueueSearch, userId: string | null, cap: number): Promise<{ counts: StatusCounts; decidedCapped: boolean }> {
  const filters = filterConditions(search, userId, { withStatus: false });
  const undecided = Prisma.sql`SELECT c."status", count(*) AS n FROM "ReviewCase" c ${whereSql([Prisma.sql`c."status" <> 'decided'`, ...filters])} GROUP BY c."status"`;
  // An SLA filter other than "none" keeps undecided cases only: nothing decided to look for.
  const decidedMayMatch = search.sla === undefined || search.sla === "none";
  const rows = await db.$queryRaw<{ status: CaseStatus; n: bigint }[]>(
    decidedMayMatch
      ? Prisma.sql`${undecided} UNION ALL SELECT 'decided'::"CaseStatus", count(*) FROM (SELECT 1 FROM "ReviewCase" c ${whereSql([Prisma.sql`c."status" = 'decided'`, ...filters])} LIMIT ${cap + 1}) d`
      : undecided,
  );
  const counts: StatusCounts = { open: 0, awaiting_confirmation: 0, escalated: 0, decided: 0 };
  for (const row of rows) counts[row.status] = Number(row.n);
  const decidedCapped = counts.decided > cap;
  if (decidedCapped) counts.decided = cap;
  return { counts, decidedCapped };
}

/**
 * One page of the queue, the cursors of the pages next to it, and how many cases each status holds
 * under the other filters (decided ones up to `decidedCountCap`). With `before`, the page that ends
 * just before that case.
 */
export async function findCases(
  filters: Partial<QueueSearch> & Record<string, unknown>,
  userId: string | null,
  { decidedCountCap = DECIDED_COUNT_CAP }: FindCasesOptions = {},
): Promise<QueuePage> {
  const search = queueSearchSchema.parse(filters);
  const [page, counts] = await Promise.all([findCasePage(search, userId), countCases(search, userId, decidedCountCap)]);
  return { ...page, ...counts };
}

/** The page and its cursors alone, without the counts (the REST API does not return them). */
export async function findCasePage(filters: Partial<QueueSearch> & Record<string, unknown>, userId: string | null): Promise<Omit<QueuePage, "counts" | "decidedCapped">> {
  const search = queueSearchSchema.parse(filters);
  const before = decodeCursor(search.before, search.sort);
  const cursor = before ?? decodeCursor(search.cursor, search.sort);
  const backward = before !== null;
  const conditions = filterConditions(search, userId, { withStatus: true });
  if (cursor) conditions.push(cursorCondition(search.sort, cursor, backward));
  const orderBy = backward ? REVERSED_ORDER_BY[search.sort] : ORDER_BY[search.sort];
  // The page in one statement: each row with its runs, media and assignee.
  const page = await db.$queryRaw<PageRow[]>`
      SELECT c."id", c."verificationId", c."status", c."priority", c."rules", c."checkType", c."reference", c."assigneeId", u."email" AS "assigneeEmail",
        c."openedAt", c."slaDueAt", c."decision", c."decidedAt", c."version",
        COALESCE((SELECT json_agg(json_build_object('vendor', r."vendor", 'attempt', r."attempt", 'outcome', r."outcome", 'sandbox', r."sandbox"))
                  FROM "VendorRun" r WHERE r."verificationId" = c."verificationId"), '[]') AS "runs",
        COALESCE((SELECT json_agg(json_build_object('id', m."id", 'role', m."role")) FROM "Media" m WHERE m."verificationId" = c."verificationId"), '[]') AS "media"
      FROM "ReviewCase" c LEFT JOIN "User" u ON u."id" = c."assigneeId"
      ${whereSql(conditions)} ${orderBy} LIMIT ${search.limit + 1}`;
  const hasMore = page.length > search.limit;
  const found = page.slice(0, search.limit);
  if (backward) found.reverse();
  const rows = found.map((c): QueueRow => {
    const role = THUMBNAIL_ROLE_ORDER.find((r) => c.media.some((m) => m.role === r));
    const item = role ? c.media.find((m) => m.role === role) : undefined;
    return {
      id: c.id,
      verificationId: c.verificationId,
      status: c.status,
      priority: c.priority,
      rules: c.rules,
      checkType: c.checkType,
      reference: c.reference,
      assignee: c.assigneeId && c.assigneeEmail ? { id: c.assigneeId, email: c.assigneeEmail } : null,
      openedAt: c.openedAt,
      slaDueAt: c.slaDueAt,
      decision: c.decision,
      decidedAt: c.decidedAt,
      version: c.version,
      vendors: latestRunPerVendor(c.runs).map((r) => ({ vendor: r.vendor, outcome: r.outcome, sandbox: r.sandbox })),
      thumbnail: item && role ? { mediaId: item.id, role, kind: role === "video" ? "filmstrip" : "thumb" } : null,
    };
  });
  const first = rows[0];
  const last = rows[rows.length - 1];
  // Nothing before that case any more (or a hand-edited URL): the first page is what comes before.
  if (backward && !first) return findCasePage({ ...search, before: undefined, cursor: undefined }, userId);
  if (!first || !last) return { rows: [], nextCursor: null, prevCursor: null };
  const cursorOf = (row: QueueRow) => encodeCursor({ s: search.sort, p: row.priority, o: row.openedAt.toISOString(), d: row.slaDueAt?.toISOString() ?? null, i: row.id });
  return {
    rows,
    nextCursor: (backward ? true : hasMore) ? cursorOf(last) : null,
    prevCursor: (backward ? hasMore : cursor !== null) ? cursorOf(first) : null,
  };
}
