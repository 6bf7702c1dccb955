import { db } from "@/lib/db";
import { ValidationError } from "@/lib/errors";
import type { VendorId } from "@/lib/vendors/types";

/** Reruns go only to vendors an admin has configured and enabled. */
export async function assertVendorsEnabled(vendors: VendorId[]) {
  const configs = await db.vendorConfig.findMany({ where: { vendor: { in: vendors } }, select: { vendor: true, enabled: true } });
  const off = vendors.filter((v) => !configs.find((c) => c.vendor === v)?.enabled);
  if (off.length) {
    throw new ValidationError(`Not enabled: ${off.join(", ")}.`, {
      vendors: off.map((v) => `${v} is not enabled; an admin configures it under Admin → Vendors.`),
    });
  }
}
