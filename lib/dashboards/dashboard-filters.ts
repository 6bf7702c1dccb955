import { z } from "zod";
import { checkTypeSchema, vendorIdSchema, type CheckType, type VendorId } from "@/lib/vendors/types";
import { addDays, BUCKETS, daysBetween, todayIn, type Bucket } from "@/lib/dashboards/time-buckets";

// The dashboards' filters live in the URL so a view can be shared. Every value parses with `.catch`:
// a hand-edited URL falls back to the default instead of breaking the page.

export const DASHBOARD_SOURCES = ["upload", "api", "ingest"] as const;
export type DashboardSource = (typeof DASHBOARD_SOURCES)[number];

/** The longest range one view covers (about three years of day buckets). */
export const MAX_RANGE_DAYS = 1096;
export const DEFAULT_RANGE_DAYS = 30;

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => {
    const d = new Date(`${s}T00:00:00.000Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s) && s >= "2000-01-01" && s <= "2999-12-31";
  });

export const dashboardSearchSchema = z.object({
  from: day.optional().catch(undefined),
  to: day.optional().catch(undefined),
  bucket: z.enum(BUCKETS).catch("day"),
  vendor: vendorIdSchema.optional().catch(undefined),
  checkType: checkTypeSchema.optional().catch(undefined),
  source: z.enum(DASHBOARD_SOURCES).optional().catch(undefined),
  // IANA names only ("Europe/Berlin", "UTC"); PostgreSQL and Intl share the tz database.
  tz: z.string().max(64).refine(isTimeZone).catch("UTC"),
  // Built-in sandbox answers are test answers: left out unless `sandbox=include`.
  sandbox: z.literal("include").optional().catch(undefined),
});

export interface DashboardFilters {
  /** Local dates in `tz`, both inclusive. */
  from: string;
  to: string;
  bucket: Bucket;
  vendor?: VendorId;
  checkType?: CheckType;
  source?: DashboardSource;
  tz: string;
  /** Count the answers of built-in vendor sandboxes too (vendor outcomes and vendor health). */
  includeSandbox: boolean;
}

/** URL params → complete filters: defaults to the last 30 days in the viewer's zone, range ordered and capped. */
export function parseDashboardFilters(params: Record<string, string | string[] | undefined>, now = new Date()): DashboardFilters {
  const single = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const search = dashboardSearchSchema.parse(single);
  const tz = search.tz;
  let to = search.to ?? todayIn(tz, now);
  let from = search.from ?? addDays(to, -(DEFAULT_RANGE_DAYS - 1));
  if (from > to) [from, to] = [to, from];
  if (daysBetween(from, to) >= MAX_RANGE_DAYS) from = addDays(to, -(MAX_RANGE_DAYS - 1));
  return { from, to, bucket: search.bucket, vendor: search.vendor, checkType: search.checkType, source: search.source, tz, includeSandbox: search.sandbox === "include" };
}

/** Filters → query string (only what differs from "all"). */
export function dashboardQueryString(filters: DashboardFilters): string {
  const query = new URLSearchParams({ from: filters.from, to: filters.to, bucket: filters.bucket, tz: filters.tz });
  if (filters.vendor) query.set("vendor", filters.vendor);
  if (filters.checkType) query.set("checkType", filters.checkType);
  if (filters.source) query.set("source", filters.source);
  if (filters.includeSandbox) query.set("sandbox", "include");
  return query.toString();
}
