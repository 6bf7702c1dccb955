import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { createSampleImage } from "@/lib/sandbox/sample-media";
import { expect, signInAs, test } from "./support/fixtures";

// Issue 6 in a browser, against the vendor sandboxes and the worker playwright.config.ts starts:
// a labelled test set run on two vendors and read in its report; "Compare vendors" from the upload
// page, then a rerun from the verification page.

test.describe.configure({ timeout: 120_000 });

async function selfie(name: string, scenario: string, seed: number) {
  return { name, mimeType: "image/jpeg", buffer: await createSampleImage({ scenario, seed, width: 640, height: 480 }) };
}

test("a labelled test set runs on Kairos and biometric.kz and its report shows agreement and APCER/BPCER", async ({ page }) => {
  const tag = randomUUID().slice(0, 8);
  const seed = parseInt(tag.slice(0, 6), 16) % 1_000_000;
  await signInAs(page, "operator");
  await page.goto("/test-sets");
  await page.getByLabel("Name").fill(`e2e selfies ${tag}`);
  await page.getByLabel("Check type").selectOption("liveness_selfie");
  await page.getByRole("button", { name: "Create test set" }).click();
  await expect(page).toHaveURL(/\/test-sets\/[0-9a-f-]{36}$/);
  const testSetId = page.url().split("/").pop()!;

  const manifest = [
    "item,label,attack_type,selfie",
    `live-a-${tag},bona_fide,,live-a.jpg`,
    `live-b-${tag},bona_fide,,live-b.jpg`,
    `print-a-${tag},attack,print,print-a.jpg`,
    `screen-a-${tag},attack,screen_replay,screen-a.jpg`,
    `ghost-${tag},bona_fide,,not-there.jpg`,
  ].join("\n");
  await page.getByLabel("Media files or .zip").setInputFiles([
    await selfie("live-a.jpg", "pass", seed + 1),
    await selfie("live-b.jpg", "pass", seed + 2),
    await selfie("print-a.jpg", "not_live", seed + 3),
    await selfie("screen-a.jpg", "not_live", seed + 4),
  ]);
  await page.getByLabel("Manifest (CSV)").setInputFiles({ name: "manifest.csv", mimeType: "text/csv", buffer: Buffer.from(manifest) });
  await page.getByRole("button", { name: "Import" }).click();
  const result = page.getByTestId("import-result");
  await expect(result).toContainText("Imported 4 items; 1 row skipped");
  await expect(result).toContainText(`Line 6 (ghost-${tag})`);
  await expect(result).toContainText('file "not-there.jpg" was not uploaded');
  expect(await db.testSetItem.count({ where: { testSetId } })).toBe(4);
  await expect(page.getByTestId("test-set-items").locator("tbody tr")).toHaveCount(4);

  const runForm = page.getByRole("region", { name: "Run on vendors" });
  await expect(runForm.getByLabel("Kairos liveness verification")).toBeChecked();
  await expect(runForm.getByLabel("biometric.kz Liveness Short")).toBeChecked();
  await runForm.getByRole("button", { name: "Run test set" }).click();
  await expect(page).toHaveURL(/\/reruns\/[0-9a-f-]{36}$/);
  const batchId = page.url().split("/").pop()!;
  await expect(page.getByTestId("batch-status")).toHaveText("completed", { timeout: 60_000 });
  await expect(page.getByTestId("batch-done")).toHaveText("8");
  await expect(page.getByTestId("batch-remaining")).toHaveText("0");
  expect(await db.vendorRun.count({ where: { batchId, status: "completed" } })).toBe(8);

  await page.goto(`/test-sets/${testSetId}/report`);
  // Every run was a sandbox answer: left out until the switch includes them.
  await expect(page.getByTestId("sandbox-switch")).toContainText("Built-in sandbox answers are left out (8 runs)");
  await expect(page.getByTestId("metrics-kairos")).toHaveCount(0);
  await page.getByRole("switch", { name: "Include sandbox answers" }).click();
  await expect(page).toHaveURL(/\/report\?sandbox=include$/);
  await expect(page.getByTestId("metrics-kairos").getByTestId("sandbox-badge")).toBeVisible();
  for (const vendor of ["kairos", "biometric_kz"]) {
    await expect(page.getByTestId(`apcer-${vendor}`).locator('[data-role="rate"]')).toHaveText("0.0 %");
    await expect(page.getByTestId(`apcer-${vendor}`)).toContainText("(0/1)");
    await expect(page.getByTestId(`bpcer-${vendor}`).locator('[data-role="rate"]')).toHaveText("0.0 %");
    await expect(page.getByTestId(`bpcer-${vendor}`)).toContainText("(0/2) · CI 0.0 %–65.8 %");
    await expect(page.getByTestId(`acer-${vendor}`)).toHaveText("0.0 %");
  }
  await expect(page.getByTestId("agreement-rate-biometric_kz-kairos").locator('[data-role="rate"]')).toHaveText("100.0 %");
  await expect(page.getByTestId("agreement-rate-biometric_kz-kairos")).toContainText("(4/4)");
  await expect(page.getByTestId("kappa-biometric_kz-kairos")).toHaveText("1.000");
  // Charts are drawn.
  await expect(page.locator(".recharts-surface").first()).toBeVisible();

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Metrics CSV" }).click();
  const csv = await (await download).createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of csv) chunks.push(Buffer.from(chunk));
  expect(Buffer.concat(chunks).toString("utf8")).toContain("kairos,BPCER,,0,2,0,0,0.657");
});

test("compare vendors from the upload page, then rerun one vendor and see what changed", async ({ page }) => {
  const reference = `e2e-compare-${randomUUID().slice(0, 8)}`;
  await signInAs(page, "operator");
  await page.goto("/verifications/new");
  await page.getByRole("radio", { name: /Liveness — selfie/ }).check();
  await page.getByLabel(/^Selfie/).setInputFiles(await selfie("selfie.jpg", "pass", Date.now() % 100_000));
  await page.getByLabel("Reference (optional)").fill(reference);
  await page.getByRole("button", { name: "Compare vendors" }).click();
  await expect(page).toHaveURL(/\/compare\/[0-9a-f-]{36}$/, { timeout: 30_000 });
  const id = page.url().split("/").pop()!;
  const table = page.getByTestId("compare-table");
  await expect(table.getByRole("columnheader", { name: /Kairos/ })).toBeVisible();
  await expect(table.getByRole("columnheader", { name: /biometric\.kz/ })).toBeVisible();
  await expect(page.getByTestId("compare-row-outcome")).toContainText("pass", { timeout: 45_000 });
  await expect(page.getByTestId("compare-row-liveness").getByRole("meter")).toHaveCount(2);
  await expect(page.getByTestId("json-diff")).toBeVisible();

  await page.goto(`/verifications/${id}`);
  await page.getByRole("button", { name: "Rerun…" }).click();
  const dialog = page.getByRole("dialog", { name: "Rerun this verification" });
  await dialog.getByLabel(/biometric\.kz/).uncheck();
  await dialog.getByRole("button", { name: "Rerun", exact: true }).click();
  await expect(dialog.getByRole("alert")).toContainText("at least 3 characters");
  await dialog.getByLabel("Reason").fill("check the vendor's new model");
  await dialog.getByRole("button", { name: "Rerun", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Rerun queued" })).toContainText("kairos run 2");
  const changes = page.getByTestId("vendor-group-kairos").getByTestId("run-changes");
  await expect(changes).toContainText("Run 1 → run 2");
  await expect(changes).toContainText("Same answer.", { timeout: 45_000 });
  const runs = await db.vendorRun.findMany({ where: { verificationId: id }, orderBy: [{ vendor: "asc" }, { attempt: "asc" }] });
  expect(runs.map((r) => `${r.vendor}#${r.attempt}:${r.outcome}`)).toEqual(["biometric_kz#1:pass", "kairos#1:pass", "kairos#2:pass"]);
  expect(runs[2]?.rerunReason).toBe("check the vendor's new model");
  expect(await db.auditEvent.count({ where: { action: "verification.rerun", targetId: id } })).toBe(1);
});

test("bulk rerun from a filtered list, then a threshold what-if saved as a new policy version", async ({ page }) => {
  const reference = `e2e-bulk-${randomUUID().slice(0, 8)}`;
  await signInAs(page, "admin");
  // One verification to select, uploaded on Kairos.
  await page.goto("/verifications/new");
  await page.getByRole("radio", { name: /Liveness — selfie/ }).check();
  await page.getByLabel(/^Selfie/).setInputFiles(await selfie("selfie.jpg", "not_live", (Date.now() % 100_000) + 7));
  await page.getByLabel("Reference (optional)").fill(reference);
  await page.getByRole("button", { name: "Run verification" }).click();
  await expect(page).toHaveURL(/\/verifications\/[0-9a-f-]{36}$/, { timeout: 30_000 });
  const id = page.url().split("/").pop()!;
  await expect(page.getByRole("main").getByText("completed", { exact: true }).first()).toBeVisible({ timeout: 45_000 });

  await page.goto(`/verifications?reference=${reference}`);
  await page.getByRole("button", { name: "Rerun these…" }).click();
  const dialog = page.getByRole("dialog", { name: "Rerun every matching verification" });
  await expect(dialog).toContainText(`reference=${reference}`);
  for (const vendor of ["Computer Vision (CVS)", "FPT.AI Liveness v3"]) await dialog.getByLabel(vendor).uncheck();
  await dialog.getByLabel("Reason").fill("bulk check");
  await dialog.getByRole("button", { name: "Start batch" }).click();
  await expect(page).toHaveURL(/\/reruns\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("batch-status")).toHaveText("completed", { timeout: 60_000 });
  const runs = await db.vendorRun.findMany({ where: { verificationId: id }, orderBy: [{ vendor: "asc" }, { attempt: "asc" }] });
  expect(runs.map((r) => `${r.vendor}#${r.attempt}`)).toEqual(["biometric_kz#1", "biometric_kz#2", "kairos#1", "kairos#2"]);
  await expect(page.getByTestId("flips-kairos")).toContainText("fail");

  // What-if: a Kairos threshold of 0 would pass the spoof that failed.
  await page.goto("/admin/vendors");
  // Kairos' link (the engine serves selfie liveness too and has its own).
  await page.locator('a[href="/admin/vendors/kairos/liveness_selfie/what-if"]').click();
  await expect(page).toHaveURL(/\/admin\/vendors\/kairos\/liveness_selfie\/what-if$/);
  const before = await db.vendorPolicy.count({ where: { vendor: "kairos", checkType: "liveness_selfie" } });
  await page.getByLabel("Review band (± around the threshold)").fill("0");
  await page.getByLabel("Liveness threshold").fill("0");
  await expect(page).toHaveURL(/threshold=0&reviewBand=0|reviewBand=0&threshold=0/);
  await expect(page.getByTestId("candidate-fail")).toContainText(/^0 /);
  await page.getByRole("button", { name: "Save as new policy version" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved as policy" })).toBeVisible();
  expect(await db.vendorPolicy.count({ where: { vendor: "kairos", checkType: "liveness_selfie" } })).toBe(before + 1);
  const saved = await db.vendorPolicy.findFirstOrThrow({ where: { vendor: "kairos", checkType: "liveness_selfie" }, orderBy: { version: "desc" } });
  expect(saved.settings).toMatchObject({ threshold: 0, reviewBand: 0 });
  expect(await db.auditEvent.count({ where: { action: "vendor_policy.saved", targetId: "kairos.liveness_selfie" } })).toBeGreaterThan(0);
  // Leave the policy as the other tests expect it.
  await db.vendorPolicy.updateMany({ where: { id: saved.id }, data: { active: false } });
});
