import { readFile } from "node:fs/promises";
import path from "node:path";
import { db } from "@/lib/db";
import { writeImageScenarioMarker } from "@/lib/sandbox/media-marker";
import { expect, signInAs, test } from "./support/fixtures";

// Verdict's own engine beside a vendor: two different real people, which the CVS sandbox is told
// (by a scenario marker) to call a match. The engine scores them apart, the cross-check opens a
// case, and the case page draws the engine's face boxes and crops.

const fixture = (name: string) => readFile(path.resolve(import.meta.dirname, "../fixtures/faces", name));

test.describe.configure({ timeout: 180_000 });

// The global setup leaves the engine off for the other specs; this one switches it on, and back off.
test.beforeAll(async () => {
  await db.vendorConfig.update({ where: { vendor: "local" }, data: { enabled: true } });
});
test.afterAll(async () => {
  await db.vendorConfig.update({ where: { vendor: "local" }, data: { enabled: false } });
});

test("two different people: CVS (sandbox) passes, the engine disagrees, the case shows both readings with face boxes", async ({ page }) => {
  await signInAs(page, "operator");
  await page.goto("/verifications/new");
  await page.getByRole("radio", { name: /Face match/ }).check();
  await page.getByRole("checkbox", { name: /FPT\.AI Liveness v3/ }).uncheck();
  await page.getByRole("checkbox", { name: /Verdict engine \(offline\)/ }).check();
  const reference = `e2e-engine-${Date.now()}`;
  await page.getByLabel("Reference (optional)").fill(reference);
  await page.getByLabel(/^Image 1/).setInputFiles({ name: "card.jpg", mimeType: "image/jpeg", buffer: writeImageScenarioMarker(await fixture("people/sample3-face1.jpg"), "pass") });
  await page.getByLabel(/^Image 2/).setInputFiles({ name: "selfie.jpg", mimeType: "image/jpeg", buffer: writeImageScenarioMarker(await fixture("people/sample6-face2.jpg"), "pass") });
  await page.getByRole("button", { name: "Run verification" }).click();
  await expect(page).toHaveURL(/\/verifications\/[0-9a-f-]{36}$/, { timeout: 30_000 });
  const id = page.url().split("/").pop()!;
  // The engine loads its models in the worker on first use: allow for it. Both runs must have finished.
  await expect
    .poll(async () => (await db.vendorRun.findMany({ where: { verificationId: id }, orderBy: { vendor: "asc" } })).map((r) => [r.vendor, r.outcome]), { timeout: 150_000 })
    .toEqual([["cvs", "pass"], ["local", "fail"]]);
  await page.reload();
  await expect(page.getByTestId("engine-face-boxes")).toHaveCount(2);
  // The engine's run card: it ran offline in the worker (no HTTP status), judged by its policy's thresholds.
  const engineRun = page.getByTestId("vendor-run").filter({ has: page.getByRole("heading", { name: /Verdict engine \(offline\)/ }) });
  await expect(engineRun.getByText("offline, in the worker")).toBeVisible();
  await expect(engineRun.getByText("HTTP status")).toHaveCount(0);
  await expect(engineRun.getByTestId("score-similarity")).toContainText("threshold 0.70, review between 0.55 and 0.70");

  const reviewCase = await db.reviewCase.findFirstOrThrow({ where: { verificationId: id } });
  expect(reviewCase.rules).toContain("engine_disagreement");
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`/cases/${reviewCase.id}`);
  await expect(page.getByText("Verdict's engine disagrees with a vendor").first()).toBeVisible();
  await expect(page.getByText(/CVS passed the face match, but Verdict's engine scores the faces 0\.\d+, below its no-match threshold/)).toBeVisible();
  // Both readings side by side, the engine's face boxes on both pictures and the crops.
  await expect(page.getByTestId("scores-cvs")).toBeVisible();
  await expect(page.getByTestId("scores-local")).toBeVisible();
  await expect(page.getByTestId("scores-local")).toContainText("threshold 0.70");
  await expect(page.getByTestId("engine-face-boxes")).toHaveCount(2);
  await expect(page.getByTestId("engine-face-crops").getByRole("img")).toHaveCount(2);
  if (process.env.E2E_SCREENSHOTS) await page.screenshot({ path: path.join(process.env.E2E_SCREENSHOTS, "engine-case.png"), fullPage: true });
});
