import type { NextRequest } from "next/server";
import { ValidationError } from "@/lib/errors";
import { apiRoute } from "@/lib/http/api-route";
import { parseDashboardFilters } from "@/lib/dashboards/dashboard-filters";
import { DASHBOARD_DATASETS, dashboardCsv, dashboardDatasetSchema, reportOf } from "@/lib/dashboards/dashboard-csv";
import { getOutcomeRates } from "@/lib/dashboards/get-outcome-rates";
import { getQueueHealth } from "@/lib/dashboards/get-queue-health";
import { getVendorHealth } from "@/lib/dashboards/get-vendor-health";
import { compactRollups } from "@/lib/dashboards/rollups";

// GET /api/v1/dashboards/export?dataset=…&from&to&bucket&tz&vendor&checkType&source — one
// dashboard table as CSV, with the same filters (and defaults) as the dashboards page.
export const GET = apiRoute({ roles: ["admin", "reviewer", "operator", "viewer"], apiKeys: true }, async (req: NextRequest) => {
  const params = Object.fromEntries(req.nextUrl.searchParams.entries());
  const dataset = dashboardDatasetSchema.safeParse(params.dataset);
  if (!dataset.success) {
    throw new ValidationError("Unknown dataset.", { dataset: [`Choose one of: ${DASHBOARD_DATASETS.join(", ")}.`] });
  }
  const filters = parseDashboardFilters(params);
  await compactRollups();
  const report = reportOf(dataset.data);
  const reports =
    report === "rates"
      ? { rates: await getOutcomeRates(filters) }
      : report === "vendorHealth"
        ? { vendorHealth: await getVendorHealth(filters) }
        : { queueHealth: await getQueueHealth(filters) };
  const { filename, csv } = dashboardCsv(dataset.data, reports, filters);
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
    },
  });
});
