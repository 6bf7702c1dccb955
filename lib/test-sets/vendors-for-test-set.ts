import { db } from "@/lib/db";
import { ROLE_LABELS } from "@/lib/verifications/verification-labels";
import { findCheckSpec, listVendorsForCheck, vendorRegistry } from "@/lib/vendors/vendor-registry";
import type { CheckType, MediaRole, VendorId } from "@/lib/vendors/types";

// Which vendors a test set can run on: a vendor that serves the check type but needs media none of
// the items has (FPT's video on a set of images) would only be skipped item by item, so the form
// offers it disabled, with the reason, instead of preselecting it.

export interface TestSetVendorOption {
  vendor: VendorId;
  displayName: string;
  enabled: boolean;
  /** Items with every media role the vendor requires. */
  servable: number;
  total: number;
  /** Why it cannot be picked, or null. */
  unavailableReason: string | null;
}

export async function listTestSetVendors(testSetId: string, checkType: CheckType): Promise<TestSetVendorOption[]> {
  const [items, configs] = await Promise.all([
    db.$queryRaw<{ roles: MediaRole[] }[]>`
      SELECT coalesce(array_agg(DISTINCT m."role"::text) FILTER (WHERE m."role" IS NOT NULL), '{}') AS roles
      FROM "TestSetItem" i LEFT JOIN "Media" m ON m."verificationId" = i."verificationId"
      WHERE i."testSetId" = ${testSetId}::uuid
      GROUP BY i."id"`,
    db.vendorConfig.findMany({ select: { vendor: true, enabled: true } }),
  ]);
  return listVendorsForCheck(checkType).map((vendor) => {
    const required = findCheckSpec(vendor, checkType)?.requiredRoles ?? [];
    const servable = items.filter((item) => required.every((role) => item.roles.includes(role))).length;
    const enabled = configs.find((c) => c.vendor === vendor)?.enabled ?? false;
    const needs = required.map((r) => ROLE_LABELS[r].toLowerCase()).join(" and ");
    const unavailableReason = !enabled
      ? "not enabled by an admin"
      : items.length > 0 && servable === 0
        ? `needs ${needs}; none of the ${items.length} items has ${required.length > 1 ? "them" : "it"}`
        : null;
    return { vendor, displayName: vendorRegistry[vendor].displayName, enabled, servable, total: items.length, unavailableReason };
  });
}
