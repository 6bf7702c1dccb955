import "@/lib/jobs/register-handlers";
import { readEnv } from "@/lib/config/env";
import { scheduleRetentionPurge } from "@/lib/data-protection/retention-job";
import { getBoss, stopBoss } from "@/lib/jobs/boss";
import { getJobHandlers, type JobHandlers } from "@/lib/jobs/handlers";
import { startWorker } from "@/lib/jobs/worker";
import { startVendorCallReaper } from "@/lib/verifications/reap-vendor-calls";

// The worker `npm start` runs beside the app (lib/runtime/local-services.ts) and `npm run worker`
// runs alone: the registered handlers (all, or those VERDICT_WORKER_QUEUES names), then a graceful
// stop of the worker and of pg-boss.

export interface WorkerSettings {
  /** Queue names, or prefixes ending in `*` (e.g. `vendor-call.*`); empty for every queue. */
  queues: string[];
  /** How long an idle queue loop waits before it looks for work again. */
  pollingIntervalSeconds: number;
}

/** VERDICT_WORKER_QUEUES (comma-separated) and JOBS_POLL_SECONDS; throws with the allowed values when they are wrong. */
export function workerSettingsFromEnv(source: Record<string, string | undefined> = process.env): WorkerSettings {
  const env = readEnv(source);
  const queues = env.VERDICT_WORKER_QUEUES.split(",").map((q) => q.trim()).filter(Boolean);
  return { queues, pollingIntervalSeconds: env.JOBS_POLL_SECONDS };
}

/** The handlers whose queue matches one of the patterns; each pattern must match a queue. */
export function selectHandlers(handlers: JobHandlers, patterns: string[]): JobHandlers {
  if (patterns.length === 0) return handlers;
  const names = Object.keys(handlers);
  const matches = (pattern: string, name: string) => (pattern.endsWith("*") ? name.startsWith(pattern.slice(0, -1)) : name === pattern);
  const unknown = patterns.filter((p) => !names.some((n) => matches(p, n)));
  if (unknown.length) throw new Error(`VERDICT_WORKER_QUEUES names no queue for ${unknown.join(", ")}; queues: ${names.join(", ")}.`);
  return Object.fromEntries(Object.entries(handlers).filter(([name]) => patterns.some((p) => matches(p, name))));
}

export async function startInProcessWorker(log: (line: string) => void, settings: WorkerSettings = workerSettingsFromEnv()): Promise<{ stop(): Promise<void> }> {
  const handlers = selectHandlers(getJobHandlers(), settings.queues);
  const worker = await startWorker({ handlers, pollingIntervalSeconds: settings.pollingIntervalSeconds, log: (line) => log(`jobs: ${line}`) });
  if (worker.queues.length === 0) log("jobs: no job handlers registered yet; the worker is idle");
  // A worker of the retention queue keeps its periodic schedule (RETENTION_PURGE_CRON) current.
  if (worker.queues.includes("retention-purge")) await scheduleRetentionPurge(await getBoss());
  // Workers of vendor calls also look for calls whose worker died (lib/verifications/reap-vendor-calls.ts).
  const stopReaper = worker.queues.some((q) => q.startsWith("vendor-call.")) ? startVendorCallReaper((line) => log(`jobs: ${line}`)) : () => {};
  return {
    async stop() {
      stopReaper();
      await worker.stop();
      await stopBoss();
    },
  };
}
