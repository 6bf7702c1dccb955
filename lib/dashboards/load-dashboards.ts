import type { DashboardFilters } from "@/lib/dashboards/dashboard-filters";
import { getOutcomeRates, type OutcomeRatesReport } from "@/lib/dashboards/get-outcome-rates";
import { getQualitySamples, type QualitySampleRow } from "@/lib/dashboards/get-quality-samples";
import { getQueueHealth, type QueueHealthReport } from "@/lib/dashboards/get-queue-health";
import { getVendorHealth, type VendorHealthReport } from "@/lib/dashboards/get-vendor-health";
import { compactRollups } from "@/lib/dashboards/rollups";

export interface Dashboards {
  rates: OutcomeRatesReport;
  vendorHealth: VendorHealthReport;
  queueHealth: QueueHealthReport;
  qualitySamples: QualitySampleRow[];
}

/** Every dashboard for one set of filters, after folding the pending rollup changes in (so reads stay cheap). */
export async function loadDashboards(filters: DashboardFilters, now = new Date()): Promise<Dashboards> {
  await compactRollups();
  const [rates, vendorHealth, queueHealth, qualitySamples] = await Promise.all([getOutcomeRates(filters), getVendorHealth(filters), getQueueHealth(filters, now), getQualitySamples(filters)]);
  return { rates, vendorHealth, queueHealth, qualitySamples };
}
