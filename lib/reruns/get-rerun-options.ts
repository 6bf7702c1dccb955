import { db } from "@/lib/db";
import { planReruns } from "@/lib/reruns/add-rerun-runs";
import { listVendorsForCheck, vendorRegistry } from "@/lib/vendors/vendor-registry";
import type { CheckType, VendorId } from "@/lib/vendors/types";

// What the rerun dialog offers for one verification: every vendor serving its check type, with
// whether it can be asked now and, if not, why in words.

export interface RerunVendorOption {
  vendor: VendorId;
  displayName: string;
  /** Runs of this vendor on the verification so far (0: it would be a first run on "another vendor"). */
  attempts: number;
  available: boolean;
  /** Why it cannot be picked now: disabled, missing media, still running. */
  unavailableReason: string | null;
}

export interface RerunOptions {
  verificationId: string;
  checkType: CheckType;
  vendors: RerunVendorOption[];
}

export async function getRerunOptions(verificationId: string): Promise<RerunOptions | null> {
  const verification = await db.verification.findUnique({
    where: { id: verificationId },
    select: { id: true, checkType: true, media: { where: { purgedAt: null }, select: { role: true } }, runs: { select: { vendor: true, attempt: true, status: true } } },
  });
  if (!verification) return null;
  const configs = await db.vendorConfig.findMany({ select: { vendor: true, enabled: true } });
  const vendors = listVendorsForCheck(verification.checkType).map((vendor): RerunVendorOption => {
    const plan = planReruns([{ id: verification.id, checkType: verification.checkType, mediaRoles: verification.media.map((m) => m.role), runs: verification.runs }], [vendor]);
    const enabled = configs.find((c) => c.vendor === vendor)?.enabled ?? false;
    const skip = plan.skipped[0];
    return {
      vendor,
      displayName: vendorRegistry[vendor].displayName,
      attempts: verification.runs.filter((r) => r.vendor === vendor).length,
      available: enabled && !skip,
      unavailableReason: !enabled ? "not enabled by an admin" : skip ? skip.detail : null,
    };
  });
  return { verificationId: verification.id, checkType: verification.checkType, vendors };
}
