import type { Tx } from "@/lib/db";
import type { MediaRole } from "@/lib/generated/prisma/enums";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { vendorCallQueue } from "@/lib/jobs/queues";
import { findCheckSpec } from "@/lib/vendors/vendor-registry";
import type { CheckType, VendorId } from "@/lib/vendors/types";
import type { VendorRunStatus } from "@/lib/generated/prisma/enums";

// The one place reruns are written: for each (verification, vendor) a NEW VendorRun with the next
// attempt number, queued, with its vendor-call job — inside the caller's transaction. History is
// never touched; the (verificationId, vendor, attempt) unique key refuses a concurrent duplicate.

export interface RerunTarget {
  id: string;
  checkType: CheckType;
  mediaRoles: MediaRole[];
  /** Every existing run of the verification (attempt + status), to number the new one. */
  runs: { vendor: VendorId; attempt: number; status: VendorRunStatus }[];
}

export type SkipReason = "not_served" | "missing_media" | "busy";

export interface RerunPlanItem {
  verificationId: string;
  vendor: VendorId;
  attempt: number;
}

export interface RerunPlan {
  create: RerunPlanItem[];
  skipped: { verificationId: string; vendor: VendorId; reason: SkipReason; detail: string }[];
}

/** Pure: which runs to add for these targets and vendors, and why the others are skipped. */
export function planReruns(targets: RerunTarget[], vendors: VendorId[]): RerunPlan {
  const plan: RerunPlan = { create: [], skipped: [] };
  for (const target of targets) {
    for (const vendor of vendors) {
      const spec = findCheckSpec(vendor, target.checkType);
      if (!spec) {
        plan.skipped.push({ verificationId: target.id, vendor, reason: "not_served", detail: `${vendor} does not serve ${target.checkType}` });
        continue;
      }
      const missing = spec.requiredRoles.filter((role) => !target.mediaRoles.includes(role));
      if (missing.length) {
        plan.skipped.push({ verificationId: target.id, vendor, reason: "missing_media", detail: `${vendor} needs ${missing.join(", ")}` });
        continue;
      }
      const own = target.runs.filter((r) => r.vendor === vendor);
      const latest = own.reduce<(typeof own)[number] | null>((a, r) => (!a || r.attempt > a.attempt ? r : a), null);
      if (latest && (latest.status === "queued" || latest.status === "running")) {
        plan.skipped.push({ verificationId: target.id, vendor, reason: "busy", detail: `${vendor} is still ${latest.status} on this verification` });
        continue;
      }
      plan.create.push({ verificationId: target.id, vendor, attempt: (latest?.attempt ?? 0) + 1 });
    }
  }
  return plan;
}

export interface WriteRerunsInput {
  items: RerunPlanItem[];
  checkTypes: Map<string, CheckType>;
  reason: string;
  requestedById: string | null;
  batchId?: string | null;
}

export async function writeReruns(tx: Tx, input: WriteRerunsInput): Promise<string[]> {
  const ids: string[] = [];
  const touched = new Set<string>();
  for (const item of input.items) {
    const checkType = input.checkTypes.get(item.verificationId);
    if (!checkType) throw new Error(`no check type for verification ${item.verificationId}`);
    const run = await tx.vendorRun.create({
      data: {
        verificationId: item.verificationId,
        vendor: item.vendor,
        checkType,
        attempt: item.attempt,
        status: "queued",
        rerunReason: input.reason,
        requestedById: input.requestedById,
        batchId: input.batchId ?? null,
      },
      select: { id: true },
    });
    await enqueueJob(tx, vendorCallQueue(item.vendor), { vendorRunId: run.id });
    ids.push(run.id);
    touched.add(item.verificationId);
  }
  // The verification has an open run again (refresh-verification-status settles it when they finish).
  if (touched.size) {
    await tx.verification.updateMany({ where: { id: { in: [...touched] } }, data: { status: "running", completedAt: null } });
  }
  return ids;
}
