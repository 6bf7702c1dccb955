import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db, sqlPool } from "@/lib/db";
import { getBoss } from "@/lib/jobs/boss";
import type { JobQueues } from "@/lib/jobs/queues";
import { startWorker } from "@/lib/jobs/worker";
import { runBulkRerunJob } from "@/lib/reruns/run-bulk-rerun-job";
import { createSampleImage } from "@/lib/sandbox/sample-media";
import { importTestSetItems } from "@/lib/test-sets/import-test-set-items";
import { createTestSet, runTestSet } from "@/lib/test-sets/manage-test-sets";
import { createVerification } from "@/lib/verifications/create-verification";
import { endRunsOfDeadVendorJobs } from "@/lib/verifications/reap-vendor-calls";
import { runVendorCallJob } from "@/lib/verifications/run-vendor-call-job";
import { getVerificationJson } from "@/lib/verifications/verification-json";
import { verificationRequestSchema } from "@/lib/verifications/verification-input";
import { useSandboxForVendors } from "./pipeline-support";

// Every verification reaches a terminal state (completed / failed) or says what it waits for: a
// test-set item from import to its run, and a run whose vendor-call job died on every attempt
// before it could claim the run (pg-boss moved it to the dead letters, the run still queued).

const actor = { kind: "system", label: "settles-test" } as const;
const sandbox = useSandboxForVendors();

const terminal = (status: string) => status === "completed" || status === "failed";

describe("no verification waits forever without saying why", () => {
  it("a vendor-call job dead-lettered before it claimed its run: the run ends with the reason and the verification fails", async () => {
    const tag = randomUUID().slice(0, 8);
    const selfie = await createSampleImage({ scenario: "pass", seed: parseInt(tag.slice(0, 6), 16) % 100_000, width: 320, height: 320 });
    const { id } = await createVerification(actor, {
      request: verificationRequestSchema.parse({ checkType: "liveness_selfie", vendors: ["kairos"], reference: `settles-dead-${tag}` }),
      files: [{ role: "selfie", bytes: selfie, filename: "selfie.jpg" }],
      source: "upload",
    });
    const run = await db.vendorRun.findFirstOrThrow({ where: { verificationId: id } });

    // Its worker died on its last attempt before claiming the run (as an expiry does): pg-boss fails
    // the job for good and moves it to the dead letters.
    const boss = await getBoss();
    const { rows } = await sqlPool().query<{ id: string }>(
      `UPDATE pgboss.job SET state = 'active', started_on = now(), retry_count = retry_limit
        WHERE name = 'vendor-call.kairos' AND data->>'vendorRunId' = $1 RETURNING id`,
      [run.id],
    );
    expect(rows).toHaveLength(1);
    await boss.fail("vendor-call.kairos", rows[0].id);
    const dead = await sqlPool().query(`SELECT 1 FROM pgboss.job WHERE name = 'vendor-call.kairos.dead' AND data->>'vendorRunId' = $1`, [run.id]);
    expect(dead.rowCount).toBe(1);
    // Before the sweep: queued, waiting for a worker that will never come.
    expect((await getVerificationJson(id))?.status).toBe("queued");

    expect(await endRunsOfDeadVendorJobs()).toContain(run.id);
    const json = await getVerificationJson(id);
    expect(json).toMatchObject({ status: "failed", waitingFor: null });
    const ended = await db.vendorRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(ended).toMatchObject({ status: "failed", outcome: "error" });
    expect(JSON.stringify(ended.normalized)).toContain("dead letters");
    // Swept once: a second pass finds nothing, and a late delivery of the job sends nothing.
    expect(await endRunsOfDeadVendorJobs()).not.toContain(run.id);
    const sent = sandbox().requests("kairos").length;
    await runVendorCallJob({ vendorRunId: run.id }, { jobId: "late", queue: "vendor-call.kairos", vendor: "kairos", attempt: 1, isLastAttempt: false, signal: new AbortController().signal });
    expect(sandbox().requests("kairos")).toHaveLength(sent);
  }, 60_000);

  it("a test-set item says it waits for a person until it is run, then reaches a terminal state", async () => {
    const tag = randomUUID().slice(0, 8);
    const testSet = await createTestSet(actor, { name: `settles-${tag}`, checkType: "liveness_selfie" });
    const seed = parseInt(tag.slice(0, 6), 16) % 100_000;
    const result = await importTestSetItems(actor, {
      testSetId: testSet.id,
      manifest: ["item,label,attack_type,selfie", `live-${tag},bona_fide,,live.jpg`, `print-${tag},attack,print,print.jpg`].join("\n"),
      files: [
        { name: "live.jpg", bytes: await createSampleImage({ scenario: "pass", seed, width: 320, height: 240 }) },
        { name: "print.jpg", bytes: await createSampleImage({ scenario: "not_live", seed: seed + 1, width: 320, height: 240 }) },
      ],
    });
    expect(result.imported).toBe(2);
    const items = await db.testSetItem.findMany({ where: { testSetId: testSet.id } });
    for (const item of items) {
      const json = await getVerificationJson(item.verificationId);
      expect(json?.runs).toEqual([]);
      expect(json?.waitingFor).toMatch(/No vendor has been asked yet: this is an item of the test set “settles-/);
    }

    const worker = await startWorker<JobQueues>({
      handlers: { "vendor-call.kairos": runVendorCallJob, "bulk-rerun": runBulkRerunJob },
      pollingIntervalSeconds: 0.5,
      log: () => {},
    });
    try {
      await runTestSet(actor, { testSetId: testSet.id, vendors: ["kairos"] });
      await expect
        .poll(async () => (await db.verification.findMany({ where: { id: { in: items.map((i) => i.verificationId) } } })).every((v) => terminal(v.status)), { timeout: 60_000, interval: 250 })
        .toBe(true);
    } finally {
      await worker.stop();
    }
    for (const item of items) {
      const json = await getVerificationJson(item.verificationId);
      expect(json).toMatchObject({ status: "completed", waitingFor: null });
      expect(json?.runs.map((r) => r.status)).toEqual(["completed"]);
    }
  }, 90_000);
});
