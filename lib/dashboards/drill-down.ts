import type { DashboardFilters } from "@/lib/dashboards/dashboard-filters";
import { addDays, nextBucketStart, utcDaysCovering } from "@/lib/dashboards/time-buckets";
import type { CheckType, Outcome, VendorId } from "@/lib/vendors/types";

/**
 * The verifications list (its URL parameters, lib/verifications/find-verifications.ts) for a bar or
 * point: the bucket's local dates clipped to the filter range, as the list's UTC days (exact in UTC,
 * a few hours wider in other zones), with the dashboard's vendor, check type and source.
 */
export function verificationsHref(
  filters: DashboardFilters,
  target: { bucket?: string; outcome?: Outcome; vendor?: VendorId; checkType?: CheckType } = {},
): string {
  const endExclusive = addDays(filters.to, 1);
  const start = target.bucket && target.bucket > filters.from ? target.bucket : filters.from;
  const next = target.bucket ? nextBucketStart(target.bucket, filters.bucket) : endExclusive;
  const { from, to } = utcDaysCovering(start, next < endExclusive ? next : endExclusive, filters.tz);
  const query = new URLSearchParams();
  const vendor = target.vendor ?? filters.vendor;
  const checkType = target.checkType ?? filters.checkType;
  if (vendor) query.set("vendor", vendor);
  if (checkType) query.set("checkType", checkType);
  if (target.outcome) query.set("outcome", target.outcome);
  if (filters.source) query.set("source", filters.source);
  query.set("from", from);
  query.set("to", to);
  return `/verifications?${query.toString()}`;
}
