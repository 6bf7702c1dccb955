import "server-only";
import { db } from "@/lib/db";
import type { VendorId } from "@/lib/vendors/types";

export interface SandboxVendors {
  /** Enabled vendors. */
  enabled: VendorId[];
  /** Enabled vendors whose base URL is a built-in sandbox's. */
  sandbox: VendorId[];
}

/** Which enabled vendors still point at a built-in sandbox (for the notice on the first page after sign-in). */
export async function findSandboxVendors(): Promise<SandboxVendors> {
  const rows = await db.vendorConfig.findMany({ where: { enabled: true }, select: { vendor: true, sandbox: true }, orderBy: { vendor: "asc" } });
  return { enabled: rows.map((r) => r.vendor), sandbox: rows.filter((r) => r.sandbox).map((r) => r.vendor) };
}
