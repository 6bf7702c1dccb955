import type pg from "pg";
import { enqueueJobs, jobFor } from "@/lib/jobs/enqueue-job";
import { vendorCallQueue } from "@/lib/jobs/queues";
import { judgeGate } from "@/lib/quality-gate/gate-verdict";
import { buildErrorResult } from "@/lib/vendors/normalize-response";
import type { CheckType, NormalizedResult, Reason, VendorId } from "@/lib/vendors/types";

/**
 * After the engine's first run on a verification created with "check quality first": sends the
 * paid vendors' held runs to their queues, or — when the media is unusable — cancels them as
 * skipped by the gate, with the engine's reasons. On the transaction that records the engine's
 * answer, so the held runs are released or skipped exactly once.
 */
export async function releaseGatedRuns(client: pg.PoolClient, verificationId: string, engine: NormalizedResult): Promise<"none" | "released" | "skipped"> {
  const { rows: held } = await client.query<{ id: string; vendor: VendorId; checkType: CheckType }>(
    `SELECT r."id", r."vendor"::text AS "vendor", r."checkType"::text AS "checkType" FROM "VendorRun" r JOIN "Verification" v ON v."id" = r."verificationId"
     WHERE r."verificationId" = $1::uuid AND v."qualityGate" AND r."vendor" <> 'local' AND r."attempt" = 1 AND r."status" = 'queued'
       AND NOT EXISTS (SELECT 1 FROM "VendorRun" l WHERE l."verificationId" = r."verificationId" AND l."vendor" = 'local' AND l."attempt" > 1)
     FOR UPDATE OF r`,
    [verificationId],
  );
  if (held.length === 0) return "none";
  const gate = judgeGate(engine);
  if (gate.proceed) {
    await enqueueJobs(client, held.map((run) => jobFor(vendorCallQueue(run.vendor), { vendorRunId: run.id })));
    return "released";
  }
  const skipped: Reason = {
    code: "skipped_by_quality_gate",
    message: "Not sent: Verdict's engine found the media unusable, so this paid call was saved",
    vendorCode: null,
    severity: "error",
    category: "input",
  };
  // The run stays without an outcome (nothing was asked); its normalized copy says why, with the engine's reasons.
  const normalized = held.map((run) => ({ id: run.id, normalized: buildErrorResult(run.vendor, run.checkType, { reasons: [skipped, ...gate.problems] }) }));
  await client.query(
    `UPDATE "VendorRun" r SET "status" = 'cancelled', "skippedByGate" = true, "finishedAt" = now(), "normalized" = x."normalized"
     FROM jsonb_to_recordset($1::jsonb) AS x("id" uuid, "normalized" jsonb)
     WHERE r."id" = x."id" AND r."status" = 'queued'`,
    [JSON.stringify(normalized)],
  );
  return "skipped";
}
