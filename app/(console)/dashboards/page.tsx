import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/current-user";
import { dashboardQueryString, parseDashboardFilters } from "@/lib/dashboards/dashboard-filters";
import { loadDashboards } from "@/lib/dashboards/load-dashboards";
import { DashboardFilters } from "./_components/dashboard-filters";
import { QueueHealthSection } from "./_components/queue-health-section";
import { RatesSection } from "./_components/rates-section";
import { VendorHealthSection } from "./_components/vendor-health-section";

export const metadata: Metadata = { title: "Dashboards" };

type SearchParams = Record<string, string | string[] | undefined>;

// Every role may look. The figures come from the rollups (kept current by triggers), so a year of
// millions of verifications reads as fast as a day.
export default async function DashboardsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requirePageUser();
  const filters = parseDashboardFilters(await searchParams);
  const { rates, vendorHealth, queueHealth, qualitySamples } = await loadDashboards(filters);
  const query = dashboardQueryString(filters);
  const exportHref = (dataset: string) => `/api/v1/dashboards/export?dataset=${dataset}&${query}`;

  return (
    <>
      <PageHeader
        title="Dashboards"
        description={`Pass, fail and review rates, vendor health and review queue health, ${filters.from} to ${filters.to} in ${filters.tz}. The verifications list a bar opens filters by UTC days.`}
      />
      <DashboardFilters values={filters} />
      <div className="space-y-10">
        <RatesSection report={rates} filters={filters} exportHref={exportHref} />
        <VendorHealthSection report={vendorHealth} filters={filters} exportHref={exportHref} />
        <QueueHealthSection report={queueHealth} qualitySamples={qualitySamples} filters={filters} exportHref={exportHref} />
      </div>
    </>
  );
}
