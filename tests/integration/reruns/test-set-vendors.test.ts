import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import { stopBoss } from "@/lib/jobs/boss";
import { createSampleImage } from "@/lib/sandbox/sample-media";
import { importTestSetItems } from "@/lib/test-sets/import-test-set-items";
import { createTestSet } from "@/lib/test-sets/manage-test-sets";
import { listTestSetVendors } from "@/lib/test-sets/vendors-for-test-set";
import { ensureDefaultVendorConfigs } from "@/lib/vendor-settings/vendor-configs";

// Running a test set offers only the vendors that can serve some of its items: a face-match set of
// two images cannot go to FPT (video against an ID image), so FPT is offered disabled, with why.

const actor = { kind: "system", label: "test-set-vendors-test" } as const;
let enabledBefore: { vendor: string; enabled: boolean }[] = [];

beforeAll(async () => {
  // Rows exist on a fresh database only after the first start; no vendor is called here.
  await ensureDefaultVendorConfigs({ sandboxUrl: "http://127.0.0.1:9" });
  enabledBefore = await db.vendorConfig.findMany({ where: { vendor: { in: ["cvs", "fpt"] } }, select: { vendor: true, enabled: true } });
  await db.vendorConfig.updateMany({ where: { vendor: { in: ["cvs", "fpt"] } }, data: { enabled: true } });
});
afterAll(async () => {
  for (const row of enabledBefore) await db.vendorConfig.update({ where: { vendor: row.vendor as "cvs" | "fpt" }, data: { enabled: row.enabled } });
  await stopBoss();
  await disconnectDb();
});

describe("vendors offered for a test set", () => {
  it("a face-match set of images: CVS can serve every item, FPT none (disabled with the reason)", async () => {
    const configured = await db.vendorConfig.count({ where: { vendor: { in: ["cvs", "fpt"] }, enabled: true } });
    expect(configured).toBe(2);
    const tag = randomUUID().slice(0, 8);
    const testSet = await createTestSet(actor, { name: `pairs-${tag}`, checkType: "face_match" });
    const image = (seed: number) => createSampleImage({ scenario: "pass", seed, width: 320, height: 240 });
    const manifest = ["item,label,image1,image2", `a-${tag},same_person,a1.jpg,a2.jpg`, `b-${tag},different_person,b1.jpg,b2.jpg`].join("\n");
    const result = await importTestSetItems(actor, {
      testSetId: testSet.id,
      manifest,
      files: await Promise.all(["a1.jpg", "a2.jpg", "b1.jpg", "b2.jpg"].map(async (name, i) => ({ name, bytes: await image(70_000 + i) }))),
    });
    expect(result.imported).toBe(2);

    const options = await listTestSetVendors(testSet.id, "face_match");
    const cvs = options.find((o) => o.vendor === "cvs")!;
    const fpt = options.find((o) => o.vendor === "fpt")!;
    expect(cvs).toMatchObject({ servable: 2, total: 2, unavailableReason: null });
    expect(fpt).toMatchObject({ servable: 0, total: 2 });
    expect(fpt.unavailableReason).toBe("needs video and id image; none of the 2 items has them");
  });
});
