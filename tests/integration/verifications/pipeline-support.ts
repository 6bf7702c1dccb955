import { afterAll, beforeAll } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import { stopBoss } from "@/lib/jobs/boss";
import type { JobContext } from "@/lib/jobs/handlers";
import type { JobQueues, VendorCallPayload } from "@/lib/jobs/queues";
import { startWorker, type RunningWorker } from "@/lib/jobs/worker";
import { startSandbox, type RunningSandbox } from "@/lib/sandbox/start-sandbox";
import { ensureDefaultVendorConfigs } from "@/lib/vendor-settings/vendor-configs";
import { checkTypes } from "@/lib/vendors/types";
import { runVendorCallJob } from "@/lib/verifications/run-vendor-call-job";

// A sandbox with every vendor pointed at it, and a way to wait for a run to be worked — by
// awaiting the handler itself, never by sleeping.
/**
 * For a suite's lifetime: the sandbox of startSandboxForVendors before its tests, then the job
 * queue, the sandbox and the database connection closed after them. Returns the running sandbox.
 */
export function useSandboxForVendors(): () => RunningSandbox {
  let sandbox: RunningSandbox | undefined;
  beforeAll(async () => {
    sandbox = await startSandboxForVendors();
  });
  afterAll(async () => {
    await stopBoss();
    await sandbox?.close();
    await disconnectDb();
  });
  return () => {
    if (!sandbox) throw new Error("the sandbox starts in beforeAll");
    return sandbox;
  };
}

export async function startSandboxForVendors(): Promise<RunningSandbox> {
  const sandbox = await startSandbox({ port: 0 });
  await db.vendorConfig.deleteMany();
  await ensureDefaultVendorConfigs({ sandboxUrl: sandbox.url });
  // Fast retries for tests: the sandbox decides failures deterministically.
  await db.vendorConfig.updateMany({ data: { timeoutMs: 2000, maxRetries: 1 } });
  await turnQualityGateOff();
  return sandbox;
}

/**
 * These tests are about the vendors: their synthetic pictures have no face, so the quality gate
 * (on by default for console uploads) would stop them. tests/integration/face-engine turns it on.
 */
export async function turnQualityGateOff() {
  for (const checkType of checkTypes) {
    await db.qualityGateSetting.upsert({ where: { checkType }, create: { checkType, apiTraffic: false, consoleUploads: false }, update: { apiTraffic: false, consoleUploads: false } });
  }
}

export class RunWaiter {
  private waiting = new Map<string, Array<() => void>>();
  private done = new Set<string>();

  readonly handler = async (payload: VendorCallPayload, job: JobContext) => {
    try {
      await runVendorCallJob(payload, job);
    } finally {
      const run = await db.vendorRun.findUnique({ where: { id: payload.vendorRunId } });
      if (run && (run.status === "completed" || run.status === "failed")) {
        this.done.add(run.id);
        this.waiting.get(run.id)?.forEach((resolve) => resolve());
      }
    }
  };

  async forRuns(runIds: string[]) {
    await Promise.all(
      runIds.map((id) =>
        this.done.has(id) ? Promise.resolve() : new Promise<void>((resolve) => this.waiting.set(id, [...(this.waiting.get(id) ?? []), resolve])),
      ),
    );
  }
}

export async function startVendorWorker(waiter: RunWaiter): Promise<RunningWorker> {
  const h = waiter.handler;
  const handlers = { "vendor-call.cvs": h, "vendor-call.fpt": h, "vendor-call.biometric_kz": h, "vendor-call.kairos": h };
  return startWorker<JobQueues>({ handlers, pollingIntervalSeconds: 0.5, log: () => {} });
}
