import { afterAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import { getBoss, stopBoss } from "@/lib/jobs/boss";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { JOB_QUEUES, VENDORS, vendorCallQueue } from "@/lib/jobs/queues";
import { jobsIn } from "./job-test-kit";

afterAll(async () => {
  await stopBoss();
  await disconnectDb();
});

describe("the queue catalogue", () => {
  it("has one vendor-call queue per vendor, and the thumbnails, webhook, bulk-rerun, retention and audit-verify queues", () => {
    expect(Object.keys(JOB_QUEUES).sort()).toEqual([...VENDORS.map((v) => `vendor-call.${v}`), "thumbnails", "webhook-delivery", "bulk-rerun", "retention-purge", "audit-verify"].sort());
    expect(vendorCallQueue("biometric_kz")).toMatchObject({ name: "vendor-call.biometric_kz", deadLetter: "vendor-call.biometric_kz.dead", vendor: "biometric_kz" });
  });

  it("is created in pg-boss with its settings and dead-letter queues when pg-boss starts", async () => {
    const boss = await getBoss();
    for (const queue of Object.values(JOB_QUEUES)) {
      const created = await boss.getQueue(queue.name);
      expect(created).toMatchObject({
        name: queue.name,
        deadLetter: queue.deadLetter,
        retryLimit: queue.settings.retryLimit,
        retryDelay: queue.settings.retryDelaySeconds,
        retryBackoff: queue.settings.retryBackoff,
        expireInSeconds: queue.settings.expireInSeconds,
      });
      expect(await boss.getQueue(queue.deadLetter)).not.toBeNull();
    }
  });

  it("enqueues a vendor call in a transaction (rolled back here, so no worker can take it)", async () => {
    const queue = vendorCallQueue("kairos");
    const before = (await jobsIn(queue.name)).length;
    const failed = db.$transaction(async (tx) => {
      const id = await enqueueJob(tx, queue, { vendorRunId: "6f1c1f0e-5d0b-4c39-9d8e-0d3f1b7a2c11" });
      expect((await tx.$queryRawUnsafe<{ id: string }[]>(`SELECT id::text AS id FROM pgboss.job WHERE id = $1::uuid`, id))).toHaveLength(1);
      throw new Error("roll back");
    });
    await expect(failed).rejects.toThrow("roll back");
    expect(await jobsIn(queue.name)).toHaveLength(before);
  });
});
