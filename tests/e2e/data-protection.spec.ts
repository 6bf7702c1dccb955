import { randomUUID } from "node:crypto";
import yauzl from "yauzl";
import { db } from "@/lib/db";
import { seedOldVerification } from "@/tests/integration/data-protection/support/seed-subject";
import { alertIn, expect, signInAs, test } from "./support/fixtures";

// Data protection in the browser: a retention rule set and run from Admin → Data retention (the
// real worker purges), a subject erased with the reference typed again, a subject exported as a zip.

const postgres = { storage: "postgres" } as const;

// Each test signs in, seeds, purges or zips, then reads pages back: more than the default budget on a busy machine.
test.describe.configure({ timeout: 120_000 });

test.afterAll(async () => {
  await db.retentionPolicy.deleteMany({ where: { source: "ingest", caseState: "no_case" } });
});

test("an admin sets a retention rule, runs it, and sees the purged verification's tombstone", async ({ page }) => {
  const seeded = await seedOldVerification({ backend: postgres, source: "ingest" });
  await signInAs(page, "admin");
  await page.goto("/admin/retention");
  const days = page.getByLabel("Ingest · no case: days kept");

  await days.fill("-3");
  await page.getByRole("button", { name: "Save schedule" }).click();
  await expect(alertIn(page).filter({ hasText: "Enter a whole number of days from 1 to 36500" })).toBeVisible();
  expect(await db.retentionPolicy.count({ where: { source: "ingest", caseState: "no_case" } })).toBe(0);

  await days.fill("36500");
  await page.getByRole("button", { name: "Save schedule" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved 1 rule." })).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("retention-notice")).toContainText(
    "Face images and videos of vendor results ingested over the API that never needed a review are destroyed 100 years after the verification was created.",
  );
  await expect(page.getByTestId("preview-ingest.no_case")).toContainText(/Next run: \d+ media/);

  await page.getByRole("button", { name: "Run now" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Purge queued" })).toBeVisible();
  await expect.poll(() => db.media.count({ where: { verificationId: seeded.verification.id, purgedAt: { not: null } } }), { timeout: 30_000 }).toBe(2);

  await page.goto(`/verifications/${seeded.verification.id}`);
  const today = new Date().toISOString().slice(0, 10);
  await expect(page.getByTestId("media-tombstone")).toHaveCount(2);
  await expect(page.getByTestId("media-tombstone").first()).toHaveText(`Media purged on ${today} by policy Ingest · no case`);
  expect(await db.blob.count({ where: { sha256: { in: seeded.media.map((m) => m.sha256) } } })).toBe(0);
});

test("an admin erases a subject after typing its reference again", async ({ page }) => {
  const reference = `e2e-erase-${randomUUID().slice(0, 8)}`;
  const seeded = await seedOldVerification({ backend: postgres, reference, createdAt: new Date() });
  await signInAs(page, "admin");
  await page.goto(`/admin/subjects?reference=${reference}`);
  await page.getByLabel("Reason", { exact: true }).fill("erasure request 4411");
  await page.getByLabel(`Type the reference (${reference}) to confirm`).fill("wrong");
  await page.getByRole("button", { name: "Erase all media and personal fields" }).click();
  await expect(alertIn(page).filter({ hasText: `Type the reference exactly: ${reference}` })).toBeVisible();
  expect(await db.media.count({ where: { verificationId: seeded.verification.id, purgedAt: null } })).toBe(2);

  await page.getByLabel(`Type the reference (${reference}) to confirm`).fill(reference);
  await page.getByRole("button", { name: "Erase all media and personal fields" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Erased 1 verification: 2 media" })).toBeVisible();
  expect(await db.media.count({ where: { verificationId: seeded.verification.id, purgedAt: null } })).toBe(0);
  expect(await db.verification.findUniqueOrThrow({ where: { id: seeded.verification.id } })).toMatchObject({ note: null, eraseReason: "erasure request 4411" });

  await page.goto(`/verifications/${seeded.verification.id}`);
  await expect(page.getByText(/Subject erased on \d{4}-\d{2}-\d{2} by e2e-admin@verdict\.test \(erasure request 4411\)/)).toBeVisible();
});

test("an admin exports a subject and the zip holds its media and records", async ({ page }) => {
  const reference = `e2e-export-${randomUUID().slice(0, 8)}`;
  const seeded = await seedOldVerification({ backend: postgres, reference, caseState: "case_decided", createdAt: new Date() });
  await signInAs(page, "admin");
  await page.goto(`/admin/subjects?reference=${reference}`);
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export everything (zip)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`verdict-subject-${reference}.zip`);
  const file = await download.path();

  const names = await new Promise<string[]>((resolve, reject) =>
    yauzl.open(file, { lazyEntries: false }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error("the zip could not be opened"));
      const found: string[] = [];
      zip.on("entry", (entry: yauzl.Entry) => found.push(entry.fileName));
      zip.on("end", () => resolve(found));
      zip.on("error", reject);
    }),
  );
  expect(names.sort()).toEqual(["README.txt", "access-log.json", `media/${seeded.verification.id}/image1.jpg`, `media/${seeded.verification.id}/image2.jpg`, "subject.json"].sort());
  expect(await db.auditEvent.count({ where: { action: "subject.exported", targetId: reference } })).toBe(1);
});
