import { readSqlPool } from "@/lib/db";
import type { DashboardFilters } from "@/lib/dashboards/dashboard-filters";
import type { VendorId } from "@/lib/vendors/types";

// Paid calls the quality gate did not send (VendorRun.skippedByGate, a partial index keeps this
// cheap), per vendor, over the dashboards' local-date range and filters.

export interface GateSavings {
  total: number;
  byVendor: Array<{ vendor: VendorId; saved: number }>;
}

export async function getGateSavings(filters: DashboardFilters): Promise<GateSavings> {
  const { rows } = await readSqlPool().query<{ vendor: VendorId; saved: number }>(
    `SELECT r."vendor"::text AS "vendor", count(*)::int AS "saved"
     FROM "VendorRun" r JOIN "Verification" v ON v."id" = r."verificationId"
     WHERE r."skippedByGate"
       AND r."requestedAt" >= ($1::date)::timestamp AT TIME ZONE $3 AND r."requestedAt" < ($2::date + 1)::timestamp AT TIME ZONE $3
       AND ($4::"Vendor" IS NULL OR r."vendor" = $4::"Vendor") AND ($5::"CheckType" IS NULL OR r."checkType" = $5::"CheckType")
       AND ($6::"VerificationSource" IS NULL OR v."source" = $6::"VerificationSource")
     GROUP BY r."vendor" ORDER BY r."vendor"`,
    [filters.from, filters.to, filters.tz, filters.vendor ?? null, filters.checkType ?? null, filters.source ?? null],
  );
  return { total: rows.reduce((s, r) => s + r.saved, 0), byVendor: rows };
}
