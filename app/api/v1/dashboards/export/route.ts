import { exportDashboard } from "@/lib/api/operations/export-operations";
import { operationRoute } from "@/lib/api/operation-route";
import { dashboardCsv, reportOf } from "@/lib/dashboards/dashboard-csv";
import { parseDashboardFilters } from "@/lib/dashboards/dashboard-filters";
import { getOutcomeRates } from "@/lib/dashboards/get-outcome-rates";
import { getQueueHealth } from "@/lib/dashboards/get-queue-health";
import { getVendorHealth } from "@/lib/dashboards/get-vendor-health";
import { compactRollups } from "@/lib/dashboards/rollups";

// GET /api/v1/dashboards/export (exportDashboard) — one dashboard table as CSV, with the same filters
// (and defaults) as the dashboards page.
export const GET = operationRoute(exportDashboard, async (req, { query }) => {
  const filters = parseDashboardFilters(Object.fromEntries(req.nextUrl.searchParams.entries()));
  await compactRollups();
  const report = reportOf(query.dataset);
  const reports =
    report === "rates"
      ? { rates: await getOutcomeRates(filters) }
      : report === "vendorHealth"
        ? { vendorHealth: await getVendorHealth(filters) }
        : { queueHealth: await getQueueHealth(filters) };
  const { filename, csv } = dashboardCsv(query.dataset, reports, filters);
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
    },
  });
});
