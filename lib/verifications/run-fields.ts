import type { NormalizedResult, VendorId } from "@/lib/vendors/types";

/** What every view of a vendor run reads (the detail page, its card, compare): the run's answer and scores. */
export interface RunFields<Status extends string = string, RunOutcome extends string = string> {
  id: string;
  vendor: VendorId;
  attempt: number;
  status: Status;
  outcome: RunOutcome | null;
  vendorVerdict: string | null;
  livenessScore: number | null;
  matchSimilarity: number | null;
  httpStatus: number | null;
  latencyMs: number | null;
  normalized: NormalizedResult | null;
}
