import { db } from "@/lib/db";
import type { CheckType, VendorId } from "@/lib/vendors/types";

export interface MultiVendorVerification {
  id: string;
  checkType: CheckType;
  reference: string | null;
  createdAt: Date;
  vendors: VendorId[];
  /** Distinct outcomes of the vendors' latest runs: more than one means they disagree. */
  outcomes: string[];
  /** Vendors whose latest answer a built-in sandbox gave. */
  sandboxVendors: VendorId[];
}

/** Recent verifications answered (or being answered) by two or more vendors, newest first. */
export async function findMultiVendorVerifications(limit = 50): Promise<MultiVendorVerification[]> {
  const rows = await db.$queryRaw<{ id: string; checkType: CheckType; reference: string | null; createdAt: Date }[]>`
    SELECT v."id", v."checkType"::text AS "checkType", v."reference", v."createdAt" FROM "Verification" v
    WHERE (SELECT count(DISTINCT r."vendor") FROM "VendorRun" r WHERE r."verificationId" = v."id") >= 2
    ORDER BY v."createdAt" DESC, v."id" DESC
    LIMIT ${limit}`;
  if (rows.length === 0) return [];
  const runs = await db.vendorRun.findMany({ where: { verificationId: { in: rows.map((r) => r.id) } }, select: { verificationId: true, vendor: true, attempt: true, outcome: true, sandbox: true } });
  return rows.map((row) => {
    const own = runs.filter((r) => r.verificationId === row.id);
    const latest = new Map<VendorId, (typeof own)[number]>();
    for (const run of own) if (!latest.has(run.vendor) || run.attempt > latest.get(run.vendor)!.attempt) latest.set(run.vendor, run);
    const vendors = [...latest.keys()].sort();
    const outcomes = [...new Set([...latest.values()].map((r) => r.outcome ?? "pending"))].sort();
    const sandboxVendors = vendors.filter((v) => latest.get(v)?.sandbox);
    return { ...row, vendors, outcomes, sandboxVendors };
  });
}
