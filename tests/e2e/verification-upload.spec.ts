import type { Page } from "@playwright/test";
import { db } from "@/lib/db";
import { createSampleImage, createSampleVideo } from "@/lib/sandbox/sample-media";
import { expect, signInAs, test } from "./support/fixtures";

// Upload → live status → detail, for every check type, against the vendor sandboxes and the worker
// that playwright.config.ts starts. Scenario markers in the media choose each vendor's answer.

async function image(name: string, scenario: string | undefined, seed: number) {
  return { name, mimeType: "image/jpeg", buffer: await createSampleImage({ scenario, seed, width: 900, height: 700 }) };
}

async function submitAndFollow(page: Page) {
  await page.getByRole("button", { name: "Run verification" }).click();
  await expect(page).toHaveURL(/\/verifications\/[0-9a-f-]{36}$/, { timeout: 30_000 });
  const id = page.url().split("/").pop()!;
  // The page follows the verification without a reload until every vendor has answered.
  await expect(page.getByRole("main").getByText("completed", { exact: true }).first()).toBeVisible({ timeout: 45_000 });
  await expect(page.getByTestId("live-status")).toHaveCount(0);
  return id;
}

async function outcomesOf(id: string) {
  const runs = await db.vendorRun.findMany({ where: { verificationId: id }, orderBy: { vendor: "asc" } });
  return Object.fromEntries(runs.map((r) => [r.vendor, r.outcome]));
}

test.describe.configure({ timeout: 90_000 });

test("liveness with three portraits on CVS: a mid/left mismatch fails", async ({ page }) => {
  await signInAs(page, "operator");
  await page.goto("/verifications/new");
  await page.getByRole("radio", { name: /Liveness — 3 angles/ }).check();
  await page.getByLabel("Portrait — left", { exact: true }).setInputFiles(await image("left.jpg", "mid_left_mismatch", 11));
  await page.getByLabel("Portrait — middle", { exact: true }).setInputFiles(await image("mid.jpg", "mid_left_mismatch", 12));
  await page.getByLabel("Portrait — right", { exact: true }).setInputFiles(await image("right.jpg", "mid_left_mismatch", 13));
  await page.getByLabel("Reference (optional)").fill("e2e-upload-3angle");
  const id = await submitAndFollow(page);
  expect(await outcomesOf(id)).toEqual({ cvs: "fail" });
  const run = page.getByTestId("vendor-run").first();
  await expect(run).toContainText("fail");
  await expect(run.getByRole("region", { name: "Reasons" })).toContainText("4");
  const v = await db.verification.findUniqueOrThrow({ where: { id }, include: { media: true } });
  expect(v).toMatchObject({ source: "upload", reference: "e2e-upload-3angle", status: "completed" });
  expect(v.media.map((m) => m.role).sort()).toEqual(["portrait_left", "portrait_mid", "portrait_right"]);
});

test("liveness video on FPT: need_to_review goes to review", async ({ page }) => {
  await signInAs(page, "operator");
  await page.goto("/verifications/new");
  await page.getByRole("radio", { name: /Liveness — video/ }).check();
  const video = await createSampleVideo({ scenario: "need_to_review", durationS: 5, width: 1280, height: 720, seed: 21 });
  await page.getByLabel(/^Video/).setInputFiles({ name: "selfie.mp4", mimeType: "video/mp4", buffer: video });
  const id = await submitAndFollow(page);
  expect(await outcomesOf(id)).toEqual({ fpt: "review" });
  await expect(page.getByTestId("vendor-run").first()).toContainText("review");
});

test("face match on CVS: a borderline pair goes to review", async ({ page }) => {
  await signInAs(page, "operator");
  await page.goto("/verifications/new");
  await page.getByRole("radio", { name: /Face match/ }).check();
  await page.getByRole("checkbox", { name: /FPT\.AI Liveness v3/ }).uncheck();
  await page.getByLabel(/^Image 1/).setInputFiles(await image("card.jpg", "borderline", 31));
  await page.getByLabel(/^Image 2/).setInputFiles(await image("portrait.jpg", "borderline", 32));
  const id = await submitAndFollow(page);
  expect(await outcomesOf(id)).toEqual({ cvs: "review" });
  await expect(page.getByTestId("raw-json").first()).toContainText('"match": "0"');
});

test("selfie liveness on two vendors at once: both answer on the same photo", async ({ page }) => {
  await signInAs(page, "operator");
  await page.goto("/verifications/new");
  await page.getByRole("radio", { name: /Liveness — selfie/ }).check();
  await expect(page.getByRole("checkbox", { name: /biometric\.kz/ })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: /Kairos/ })).toBeChecked();
  await page.getByLabel(/^Selfie/).setInputFiles(await image("selfie.jpg", "pass", 41));
  const id = await submitAndFollow(page);
  expect(await outcomesOf(id)).toEqual({ biometric_kz: "pass", kairos: "pass" });
  await expect(page.getByTestId("vendor-run")).toHaveCount(2);
});
