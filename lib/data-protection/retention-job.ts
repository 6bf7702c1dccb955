import type PgBoss from "pg-boss";
import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { readEnv } from "@/lib/config/env";
import { db } from "@/lib/db";
import { runRetentionPurge } from "@/lib/data-protection/run-retention-purge";
import { ValidationError } from "@/lib/errors";
import { ensureQueues } from "@/lib/jobs/boss";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import type { JobHandler } from "@/lib/jobs/handlers";
import { JOB_QUEUES, type PayloadOf } from "@/lib/jobs/queues";

type RetentionPayload = PayloadOf<(typeof JOB_QUEUES)["retention-purge"]>;

export const DEFAULT_RETENTION_CRON = "0 3 * * *";

// The `retention-purge` handler. Idempotent by construction: it purges what is due now.
export const runRetentionPurgeJob: JobHandler<RetentionPayload> = async (payload, job) => {
  await runRetentionPurge(payload.trigger === "manual" ? `manual (${payload.requestedBy ?? "unknown"})` : "schedule", { signal: job.signal });
};

/** "Run now": a job in the queue, and an audit row, in one transaction. */
export async function requestRetentionRun(actor: Actor, requestedBy: string) {
  return db.$transaction(async (tx) => {
    const jobId = await enqueueJob(tx, JOB_QUEUES["retention-purge"], { trigger: "manual", requestedBy });
    await recordAuditEvent(tx, actor, { action: "retention.run_requested", targetType: "retention", after: { jobId } });
    return jobId;
  });
}

/** The cron expression of the periodic run (RETENTION_PURGE_CRON, UTC), or null when set to "off". */
export function retentionCronFromEnv(source: Record<string, string | undefined> = process.env): string | null {
  const value = (readEnv(source).RETENTION_PURGE_CRON ?? "").trim();
  if (value === "") return DEFAULT_RETENTION_CRON;
  if (value.toLowerCase() === "off") return null;
  if (value.split(/\s+/).length !== 5) throw new ValidationError(`RETENTION_PURGE_CRON must be a 5-field cron expression in UTC (e.g. "${DEFAULT_RETENTION_CRON}") or "off" (got "${value}").`);
  return value;
}

/** Registers (or removes) the periodic retention run with pg-boss's scheduler; idempotent. */
export async function scheduleRetentionPurge(boss: PgBoss, cron: string | null = retentionCronFromEnv()) {
  const queue = JOB_QUEUES["retention-purge"];
  await ensureQueues(boss, [queue]);
  if (cron === null) await boss.unschedule(queue.name);
  else await boss.schedule(queue.name, cron, { trigger: "schedule" }, { tz: "UTC" });
}

/** The schedule pg-boss holds now, for the retention page. */
export async function getRetentionSchedule(): Promise<{ cron: string; timezone: string } | null> {
  const rows = await db.$queryRaw<Array<{ cron: string; timezone: string | null }>>`SELECT cron, timezone FROM pgboss.schedule WHERE name = 'retention-purge'`.catch(() => []);
  const row = rows[0];
  return row ? { cron: row.cron, timezone: row.timezone ?? "UTC" } : null;
}
