import { z } from "zod";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { MediaRole, Outcome, VendorRunStatus, VerificationSource, VerificationStatus } from "@/lib/generated/prisma/enums";
import { checkTypeSchema, outcomeSchema, vendorIdSchema, type CheckType, type VendorId } from "@/lib/vendors/types";

// The verifications list: server-side filters, an allow-list of sort columns and keyset pagination.
// Every value comes from the URL, so everything parses with `.catch` (a hand-edited URL never breaks
// the page) and nothing from the URL reaches the SQL except as a bound parameter.

export const VERIFICATION_SORT_COLUMNS = ["createdAt", "checkType", "status", "source"] as const;
export type VerificationSortColumn = (typeof VERIFICATION_SORT_COLUMNS)[number];
export const verificationSourceSchema = z.enum(["upload", "api", "ingest"]);

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00.000Z`)) && new Date(`${s}T00:00:00.000Z`).toISOString().startsWith(s));

export const DEFAULT_PAGE_SIZE = 25;

export const verificationSearchSchema = z.object({
  checkType: checkTypeSchema.optional().catch(undefined),
  vendor: vendorIdSchema.optional().catch(undefined),
  outcome: outcomeSchema.optional().catch(undefined),
  source: verificationSourceSchema.optional().catch(undefined),
  /** Calendar days in UTC, both inclusive. */
  from: isoDate.optional().catch(undefined),
  to: isoDate.optional().catch(undefined),
  reference: z.string().trim().min(1).max(200).optional().catch(undefined),
  sort: z.enum(VERIFICATION_SORT_COLUMNS).catch("createdAt"),
  dir: z.enum(["asc", "desc"]).catch("desc"),
  /** The page after this row (Next page)… */
  cursor: z.string().max(400).optional().catch(undefined),
  /** …or the page before this row (Previous page). */
  before: z.string().max(400).optional().catch(undefined),
  limit: z.coerce.number().int().min(5).max(100).catch(DEFAULT_PAGE_SIZE),
});

export type VerificationSearch = z.infer<typeof verificationSearchSchema>;
export type VerificationFilters = Partial<VerificationSearch>;

// A cursor names the sort it belongs to, so a cursor from another sort is ignored (first page)
// instead of skipping rows.
const cursorSchema = z.object({
  s: z.enum(VERIFICATION_SORT_COLUMNS),
  d: z.enum(["asc", "desc"]),
  v: z.string().max(50).nullable(),
  c: z.iso.datetime(),
  i: z.uuid(),
});
type Cursor = z.infer<typeof cursorSchema>;

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

export function decodeCursor(value: string | undefined, sort: VerificationSortColumn, dir: "asc" | "desc"): Cursor | null {
  if (!value) return null;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(value, "base64url").toString("utf8")));
    if (!parsed.success || parsed.data.s !== sort || parsed.data.d !== dir) return null;
    if (sort !== "createdAt" && parsed.data.v === null) return null;
    return parsed.data;
  } catch {
    return null;
  }
}

// Allow-listed SQL for each sortable column, with the enum type its cursor value is cast to.
const SORT_SQL: Record<Exclude<VerificationSortColumn, "createdAt">, { column: Prisma.Sql; type: Prisma.Sql }> = {
  checkType: { column: Prisma.raw(`v."checkType"`), type: Prisma.raw(`"CheckType"`) },
  status: { column: Prisma.raw(`v."status"`), type: Prisma.raw(`"VerificationStatus"`) },
  source: { column: Prisma.raw(`v."source"`), type: Prisma.raw(`"VerificationSource"`) },
};

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString();
}

// Exported for bulk reruns (lib/reruns), which page through the same filters. `backward` reads the
// rows before the cursor (in reverse order) instead of those after it.
export function buildWhere(search: VerificationSearch, cursor: Cursor | null, backward = false): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  if (search.checkType) conditions.push(Prisma.sql`v."checkType" = ${search.checkType}::"CheckType"`);
  if (search.source) conditions.push(Prisma.sql`v."source" = ${search.source}::"VerificationSource"`);
  if (search.from) conditions.push(Prisma.sql`v."createdAt" >= ${`${search.from}T00:00:00.000Z`}::timestamptz`);
  if (search.to) conditions.push(Prisma.sql`v."createdAt" < ${nextDay(search.to)}::timestamptz`);
  if (search.reference) conditions.push(Prisma.sql`v."reference" ILIKE ${`%${escapeLike(search.reference)}%`}`);
  if (search.vendor || search.outcome) {
    // The outcome of a vendor is its latest attempt's: an old failure followed by a passing rerun is a pass.
    const vendor = search.vendor ? Prisma.sql`AND r."vendor" = ${search.vendor}::"Vendor"` : Prisma.empty;
    const outcome = search.outcome
      ? Prisma.sql`AND r."outcome" = ${search.outcome}::"Outcome"
          AND NOT EXISTS (SELECT 1 FROM "VendorRun" n WHERE n."verificationId" = r."verificationId" AND n."vendor" = r."vendor" AND n."attempt" > r."attempt")`
      : Prisma.empty;
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "VendorRun" r WHERE r."verificationId" = v."id" ${vendor} ${outcome})`);
  }
  if (cursor) {
    const op = Prisma.raw((search.dir === "desc") !== backward ? "<" : ">");
    if (search.sort === "createdAt") {
      conditions.push(Prisma.sql`(v."createdAt", v."id") ${op} (${cursor.c}::timestamptz, ${cursor.i}::uuid)`);
    } else {
      const { column, type } = SORT_SQL[search.sort];
      conditions.push(Prisma.sql`(${column}, v."createdAt", v."id") ${op} (${cursor.v}::${type}, ${cursor.c}::timestamptz, ${cursor.i}::uuid)`);
    }
  }
  return conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
}

function buildOrderBy(search: VerificationSearch, backward = false): Prisma.Sql {
  const dir = Prisma.raw((search.dir === "desc") !== backward ? "DESC" : "ASC");
  const tail = Prisma.sql`v."createdAt" ${dir}, v."id" ${dir}`;
  if (search.sort === "createdAt") return Prisma.sql`ORDER BY ${tail}`;
  return Prisma.sql`ORDER BY ${SORT_SQL[search.sort].column} ${dir}, ${tail}`;
}

export interface VerificationListRun {
  vendor: VendorId;
  attempt: number;
  status: VendorRunStatus;
  outcome: Outcome | null;
  /** A built-in sandbox's test answer. */
  sandbox: boolean;
}

export interface VerificationListRow {
  id: string;
  checkType: CheckType;
  status: VerificationStatus;
  source: VerificationSource;
  reference: string | null;
  createdAt: Date;
  completedAt: Date | null;
  /** An email, or "api-key:<name>". */
  createdBy: string | null;
  /** The latest attempt of each vendor. */
  runs: VerificationListRun[];
  /** The picture that stands for the verification in a list: a face image, else the video's poster. */
  thumbnail: { mediaId: string; role: MediaRole; kind: "thumb" | "filmstrip" } | null;
}

// The face that represents a verification best, first found wins.
const THUMBNAIL_ROLE_ORDER: MediaRole[] = ["portrait_mid", "selfie", "image2", "video", "portrait_left", "portrait_right", "image1", "id_image"];

function pickThumbnail(media: { id: string; role: MediaRole }[]): VerificationListRow["thumbnail"] {
  for (const role of THUMBNAIL_ROLE_ORDER) {
    const item = media.find((m) => m.role === role);
    if (item) return { mediaId: item.id, role, kind: role === "video" ? "filmstrip" : "thumb" };
  }
  return null;
}

function latestAttempts(runs: VerificationListRun[]): VerificationListRun[] {
  const byVendor = new Map<VendorId, VerificationListRun>();
  for (const run of runs) {
    const seen = byVendor.get(run.vendor);
    if (!seen || run.attempt > seen.attempt) byVendor.set(run.vendor, run);
  }
  return [...byVendor.values()].sort((a, b) => a.vendor.localeCompare(b.vendor));
}

type PageRow = Omit<VerificationListRow, "createdBy" | "runs" | "thumbnail"> & {
  email: string | null;
  apiKeyName: string | null;
  runs: VerificationListRun[] | null;
  media: { id: string; role: MediaRole }[] | null;
};

export interface VerificationPage {
  rows: VerificationListRow[];
  /** The `cursor` of the next page, null on the last one. */
  nextCursor: string | null;
  /** The `before` of the previous page, null on the first one. */
  prevCursor: string | null;
}

/**
 * One page of verifications in one statement: the keyset page of ids first, then each row with its
 * runs, media and creator. No total count: it would scan the whole table. With `before`, the page
 * that ends just before that row (read backwards, shown in the usual order).
 */
export async function findVerifications(filters: VerificationFilters = {}): Promise<VerificationPage> {
  const search = verificationSearchSchema.parse(filters);
  const before = decodeCursor(search.before, search.sort, search.dir);
  const cursor = before ?? decodeCursor(search.cursor, search.sort, search.dir);
  const backward = before !== null;
  const page = await db.$queryRaw<PageRow[]>`
    WITH page AS (
      SELECT v.* FROM "Verification" v
      ${buildWhere(search, cursor, backward)}
      ${buildOrderBy(search, backward)}
      LIMIT ${search.limit + 1}
    )
    SELECT v."id", v."checkType", v."status", v."source", v."reference", v."createdAt", v."completedAt", u."email", k."name" AS "apiKeyName",
      (SELECT json_agg(json_build_object('vendor', r."vendor", 'attempt', r."attempt", 'status', r."status", 'outcome', r."outcome", 'sandbox', r."sandbox"))
        FROM "VendorRun" r WHERE r."verificationId" = v."id") AS "runs",
      (SELECT json_agg(json_build_object('id', m."id", 'role', m."role")) FROM "Media" m WHERE m."verificationId" = v."id") AS "media"
    FROM page v
    LEFT JOIN "User" u ON u."id" = v."createdById"
    LEFT JOIN "ApiKey" k ON k."id" = v."apiKeyId"
    ${buildOrderBy(search, backward)}`;
  const hasMore = page.length > search.limit;
  const pageRows = page.slice(0, search.limit);
  if (backward) pageRows.reverse();
  const rows = pageRows.map(
    (v): VerificationListRow => ({
      id: v.id,
      checkType: v.checkType,
      status: v.status,
      source: v.source,
      reference: v.reference,
      createdAt: v.createdAt,
      completedAt: v.completedAt,
      createdBy: v.email ?? (v.apiKeyName ? `api-key:${v.apiKeyName}` : null),
      runs: latestAttempts(v.runs ?? []),
      thumbnail: pickThumbnail(v.media ?? []),
    }),
  );
  const first = rows[0];
  const last = rows[rows.length - 1];
  // Nothing before that row any more (or a hand-edited URL): the first page is what comes before.
  if (backward && !first) return findVerifications({ ...search, before: undefined, cursor: undefined });
  if (!first || !last) return { rows: [], nextCursor: null, prevCursor: null };
  const cursorOf = (row: VerificationListRow) =>
    encodeCursor({ s: search.sort, d: search.dir, v: search.sort === "createdAt" ? null : row[search.sort], c: row.createdAt.toISOString(), i: row.id });
  // Forward: more rows after this page when the query found one more; rows before it when we came
  // from a cursor. Backward: the other way round.
  return {
    rows,
    nextCursor: (backward ? true : hasMore) ? cursorOf(last) : null,
    prevCursor: (backward ? hasMore : cursor !== null) ? cursorOf(first) : null,
  };
}

