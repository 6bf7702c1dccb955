import { db } from "@/lib/db";

/** Whether an admin has Verdict's engine switched on (Admin → Vendors, "Verdict engine"; off until then). */
export async function isFaceEngineEnabled(): Promise<boolean> {
  const config = await db.vendorConfig.findUnique({ where: { vendor: "local" }, select: { enabled: true } });
  return config?.enabled === true;
}
