import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { getVendorRuntimeConfig } from "@/lib/vendor-settings/vendor-configs";
import { testConnection, type ConnectionTestResult } from "@/lib/vendors/test-connection";
import type { VendorId } from "@/lib/vendors/types";

// The admin's "Test connection": one cheap authenticated call with the stored settings. Audited,
// since it uses the vendor secret; the answer carries no secret.
export async function testVendorConnection(actor: Actor, vendor: VendorId): Promise<ConnectionTestResult & { ok: boolean }> {
  const config = await getVendorRuntimeConfig(vendor);
  if (!config) throw new NotFoundError(`${vendor} is not configured yet.`);
  const result = await testConnection(vendor, config.call);
  await recordAuditEvent(db, actor, {
    action: "vendor_config.connection_tested",
    targetType: "vendor",
    targetId: vendor,
    after: { status: result.status, httpStatus: result.httpStatus, latencyMs: result.latencyMs },
  });
  return { ...result, ok: result.status === "ok" };
}
