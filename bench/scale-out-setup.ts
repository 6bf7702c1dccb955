import { createApiKey } from "@/lib/api-keys/manage-api-keys";
import { db, disconnectDb } from "@/lib/db";
import { ensureDefaultVendorConfigs } from "@/lib/vendor-settings/vendor-configs";

// Run by bench/scale-out.ts before the apps and workers start: vendors pointed at the sandbox with
// the concurrency the run asks for (what an admin sets under Admin → Vendors), and an operator API
// key for the load, printed as `api-key <key>` for the parent to read.
const sandboxUrl = process.env.SCALE_SANDBOX_URL;
const concurrency = Number(process.env.SCALE_VENDOR_CONCURRENCY);
if (!sandboxUrl || !Number.isInteger(concurrency) || concurrency < 1) {
  console.error("SCALE_SANDBOX_URL and SCALE_VENDOR_CONCURRENCY (a whole number ≥ 1) are needed");
  process.exit(2);
}
await ensureDefaultVendorConfigs({ sandboxUrl });
await db.vendorConfig.updateMany({ where: { vendor: { in: ["cvs", "kairos"] } }, data: { concurrency, ratePerSecond: null } });
const { key } = await createApiKey({ kind: "system", label: "scale-out bench" }, { name: "scale-out bench", role: "operator" });
console.log(`api-key ${key}`);
await disconnectDb();
