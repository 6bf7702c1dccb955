import type PgBoss from "pg-boss";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { readEnv } from "@/lib/config/env";
import { ValidationError } from "@/lib/errors";
import { ensureQueues } from "@/lib/jobs/boss";
import { JOB_QUEUES } from "@/lib/jobs/queues";

// The periodic full check of the audit chain (`audit-verify` queue, AUDIT_VERIFY_CRON). The audit
// page and `audit verify` check only the events after the last verified checkpoint; this job
// rechecks every event, so an edit or a deletion before a checkpoint (or a forged checkpoint) is
// found within a day, and the audit page shows its result.

export const DEFAULT_AUDIT_VERIFY_CRON = "30 2 * * *";

export async function runAuditVerifyJob(): Promise<void> {
  const verdict = await verifyAuditChain({ full: true, recordAs: "job" });
  if (!verdict.intact) console.error(`[audit-verify] audit chain BROKEN${verdict.brokenAt ? ` at event #${verdict.brokenAt}` : ""}: ${verdict.reason}`);
}

/** The cron expression of the full check (AUDIT_VERIFY_CRON, UTC), or null when set to "off". */
export function auditVerifyCronFromEnv(source: Record<string, string | undefined> = process.env): string | null {
  const value = (readEnv(source).AUDIT_VERIFY_CRON ?? "").trim();
  if (value === "") return DEFAULT_AUDIT_VERIFY_CRON;
  if (value.toLowerCase() === "off") return null;
  if (value.split(/\s+/).length !== 5) throw new ValidationError(`AUDIT_VERIFY_CRON must be a 5-field cron expression in UTC (e.g. "${DEFAULT_AUDIT_VERIFY_CRON}") or "off" (got "${value}").`);
  return value;
}

/** Registers (or removes) the periodic full check with pg-boss's scheduler; idempotent. */
export async function scheduleAuditVerify(boss: PgBoss, cron: string | null = auditVerifyCronFromEnv()) {
  const queue = JOB_QUEUES["audit-verify"];
  await ensureQueues(boss, [queue]);
  if (cron === null) await boss.unschedule(queue.name);
  else await boss.schedule(queue.name, cron, {}, { tz: "UTC" });
}
