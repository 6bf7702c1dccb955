import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/current-user";
import { dashboardQueryString, parseDashboardFilters } from "@/lib/dashboards/dashboard-filters";
import { loadDashboards } from "@/lib/dashboards/load-dashboards";
import { getGateSavings } from "@/lib/dashboards/get-gate-savings";
import { vendorDisplayName } from "@/lib/verifications/verification-labels";
import { DashboardFilters } from "./_components/dashboard-filters";
import { QueueHealthSection } from "./_components/queue-health-section";
import { RatesSection } from "./_components/rates-section";
import { VendorHealthSection } from "./_components/vendor-health-section";
import { PurgesSection } from "./_components/purges-section";
import { getPurgesPerDay } from "@/lib/data-protection/purge-stats";
import { readReplicaStatus } from "@/lib/runtime/read-replica-status";
import { ReadReplicaNote } from "./_components/read-replica-note";

export const metadata: Metadata = { title: "Dashboards" };

type SearchParams = Record<string, string | string[] | undefined>;

// Every role may look. The figures come from the rollups (kept current by triggers), so a year of
// millions of verifications reads as fast as a day.
export default async function DashboardsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requirePageUser();
  const filters = parseDashboardFilters(await searchParams);
  const [{ rates, vendorHealth, queueHealth, qualitySamples }, purges, savings, replica] = await Promise.all([
    loadDashboards(filters),
    getPurgesPerDay(new Date(`${filters.from}T00:00:00Z`), new Date(Date.parse(`${filters.to}T00:00:00Z`) + 86_400_000)),
    getGateSavings(filters),
    readReplicaStatus(),
  ]);
  const query = dashboardQueryString(filters);
  const exportHref = (dataset: string) => `/api/v1/dashboards/export?dataset=${dataset}&${query}`;

  return (
    <>
      <PageHeader
        title="Dashboards"
        description={`Pass, fail and review rates, vendor health and review queue health, ${filters.from} to ${filters.to} in ${filters.tz}. The verifications list a bar opens filters by UTC days.`}
      />
      <ReadReplicaNote status={replica} />
      <DashboardFilters values={{ ...filters, sandbox: filters.includeSandbox ? "include" : undefined }} />
      <p className="-mt-2 mb-6 text-sm text-zinc-600 dark:text-zinc-400" data-testid="sandbox-answers-note">
        {filters.includeSandbox
          ? "Vendor outcomes and vendor health include the built-in sandboxes' test answers."
          : "Vendor outcomes and vendor health leave out the built-in sandboxes' test answers (not real vendors). Tick “Include sandbox answers” to count them."}
      </p>
      <div className="space-y-10">
        <RatesSection report={rates} filters={filters} exportHref={exportHref} />
        <VendorHealthSection report={vendorHealth} filters={filters} exportHref={exportHref} />
        <section aria-labelledby="gate-savings-heading" className="flex flex-col gap-2" data-testid="gate-savings">
          <h2 id="gate-savings-heading" className="text-lg font-medium">
            Paid calls saved by the quality check
          </h2>
          <p className="text-sm">
            <strong className="text-2xl tabular-nums">{savings.total}</strong> vendor call{savings.total === 1 ? "" : "s"} not sent because Verdict&apos;s engine found the media
            unusable{savings.byVendor.length ? ` (${savings.byVendor.map((s) => `${vendorDisplayName(s.vendor)}: ${s.saved}`).join(", ")})` : ""}.
          </p>
        </section>
        <QueueHealthSection report={queueHealth} qualitySamples={qualitySamples} filters={filters} exportHref={exportHref} />
        <PurgesSection days={purges} from={filters.from} to={filters.to} />
      </div>
    </>
  );
}
