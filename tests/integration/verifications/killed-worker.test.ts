import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import { stopBoss } from "@/lib/jobs/boss";
import { createSampleImage } from "@/lib/sandbox/sample-media";
import type { RunningSandbox } from "@/lib/sandbox/start-sandbox";
import { createVerification } from "@/lib/verifications/create-verification";
import { reapDeadVendorCalls } from "@/lib/verifications/reap-vendor-calls";
import { runVendorCallJob } from "@/lib/verifications/run-vendor-call-job";
import { getVerificationJson } from "@/lib/verifications/verification-json";
import { verificationRequestSchema } from "@/lib/verifications/verification-input";
import { startSandboxForVendors } from "./pipeline-support";

// A worker process SIGKILLed while the vendor (the sandbox, slowed by its latency fault) has not
// answered yet: the call it sent is on record before it was sent, turns `unknown` within seconds
// of the worker's heartbeat stopping, and is not sent again blindly.

const root = path.resolve(import.meta.dirname, "../../..");
const actor = { kind: "system", label: "killed-worker-test" } as const;
const savedEnv = { ...process.env };
let sandbox: RunningSandbox;

beforeAll(async () => {
  sandbox = await startSandboxForVendors();
  // The reaper in this process: a call is presumed dead after 2 s without a heartbeat.
  process.env.VENDOR_CALL_STALE_SECONDS = "2";
});

afterAll(async () => {
  process.env = savedEnv;
  await stopBoss();
  await sandbox.close();
  await disconnectDb();
});

/** `npm run worker` for Kairos calls only, in a process of its own. */
function startWorkerProcess(): { child: ChildProcess; exited: Promise<NodeJS.Signals | null> } {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
    cwd: root,
    env: { ...process.env, VERDICT_WORKER_QUEUES: "vendor-call.kairos", JOBS_POLL_SECONDS: "0.5", VENDOR_CALL_HEARTBEAT_SECONDS: "0.5" },
    stdio: "ignore",
  });
  return { child, exited: new Promise((resolve) => child.once("exit", (_code, signal) => resolve(signal))) };
}

let seed = 9100;
async function startKairosCall() {
  seed += 1;
  const selfie = await createSampleImage({ scenario: "pass", seed, width: 320, height: 320 });
  const { id } = await createVerification(actor, {
    request: verificationRequestSchema.parse({ checkType: "liveness_selfie", vendors: ["kairos"], reference: `killed-${seed}` }),
    files: [{ role: "selfie", bytes: selfie, filename: "selfie.jpg" }],
    source: "upload",
  });
  const run = await db.vendorRun.findFirstOrThrow({ where: { verificationId: id } });
  return { verificationId: id, runId: run.id };
}

/** Sends the run's call from a worker process, then kills that process while the sandbox holds the answer. */
async function killWorkerMidCall(runId: string) {
  sandbox.setFault("kairos", { latencyMs: 120_000 });
  const before = sandbox.requests("kairos").length;
  const worker = startWorkerProcess();
  await expect.poll(() => db.vendorCallAttempt.count({ where: { vendorRunId: runId, outcome: "sending" } }), { timeout: 90_000, interval: 200 }).toBe(1);
  await expect.poll(() => sandbox.requests("kairos").length, { timeout: 10_000, interval: 100 }).toBeGreaterThan(before);
  worker.child.kill("SIGKILL");
  expect(await worker.exited).toBe("SIGKILL");
  // The reaper finds it once the heartbeat is older than VENDOR_CALL_STALE_SECONDS.
  await expect.poll(async () => (await reapDeadVendorCalls()).some((r) => r.vendorRunId === runId), { timeout: 20_000, interval: 250 }).toBe(true);
  sandbox.clearFaults("kairos");
}

const jobContext = (attempt: number) => ({ jobId: `redelivered-${attempt}`, queue: "vendor-call.kairos", vendor: "kairos" as const, attempt, isLastAttempt: false, signal: new AbortController().signal });

describe("a worker killed mid-call", () => {
  it("leaves its call on record as unknown; the run ends saying so, and a redelivered job does not call again", async () => {
    const { verificationId, runId } = await startKairosCall();
    await killWorkerMidCall(runId);

    const calls = await db.vendorCallAttempt.findMany({ where: { vendorRunId: runId }, orderBy: { attempt: "asc" } });
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ attempt: 1, outcome: "unknown", jobAttempt: 1 });
    expect(calls[0].error).toMatch(/worker stopped while waiting/);
    const run = await db.vendorRun.findUniqueOrThrow({ where: { id: runId } });
    expect(run).toMatchObject({ status: "failed", outcome: "error" });
    expect(JSON.stringify(run.normalized)).toContain("vendor_call_unknown");
    // A terminal state: the verification does not wait for an answer that will never come.
    expect((await db.verification.findUniqueOrThrow({ where: { id: verificationId } })).status).toBe("failed");

    // pg-boss delivers the expired job again: nothing is sent.
    const sent = sandbox.requests("kairos").length;
    await runVendorCallJob({ vendorRunId: runId }, jobContext(2));
    expect(sandbox.requests("kairos")).toHaveLength(sent);
    expect(await db.vendorCallAttempt.count({ where: { vendorRunId: runId } })).toBe(1);

    // The API shows the call and its unknown fate.
    const json = await getVerificationJson(verificationId);
    expect(json?.runs[0]?.calls).toEqual([expect.objectContaining({ attempt: 1, outcome: "unknown", httpStatus: null })]);
  }, 180_000);

  it("with VENDOR_CALL_UNKNOWN_FATE=retry, sends a new numbered attempt and keeps the unknown one", async () => {
    process.env.VENDOR_CALL_UNKNOWN_FATE = "retry";
    try {
      const { runId } = await startKairosCall();
      await killWorkerMidCall(runId);
      expect((await db.vendorRun.findUniqueOrThrow({ where: { id: runId } })).status).toBe("running");

      const sent = sandbox.requests("kairos").length;
      await runVendorCallJob({ vendorRunId: runId }, jobContext(2));
      expect(sandbox.requests("kairos")).toHaveLength(sent + 1);
      const calls = await db.vendorCallAttempt.findMany({ where: { vendorRunId: runId }, orderBy: { attempt: "asc" } });
      expect(calls.map((c) => [c.attempt, c.outcome, c.httpStatus])).toEqual([
        [1, "unknown", null],
        [2, "answered", 200],
      ]);
      expect(await db.vendorRun.findUniqueOrThrow({ where: { id: runId } })).toMatchObject({ status: "completed", outcome: "pass" });
    } finally {
      delete process.env.VENDOR_CALL_UNKNOWN_FATE;
    }
  }, 180_000);
});
