import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Locator, Page } from "@playwright/test";
import sharp from "sharp";
import { db } from "@/lib/db";
import { ruleDetailSchema } from "@/lib/review/get-case";
import { expect, signInAs, test } from "./support/fixtures";

// 1:N face search in the browser: one real person uploaded under two references; the second opens
// a duplicate-face case; from the case an operator searches by face, sees the earlier face under the
// first reference, and opens that subject's page. Other specs share the database: everything is
// looked up by this spec's own references. The engine gives one photo the same face every time, so
// copies of these photos left by an earlier run would tie with this run's and could push them out
// of the ten results: each test deletes what it uploaded (the verification, and with it its media,
// faces, index rows and cases).

const fixture = (name: string) => readFile(path.resolve(import.meta.dirname, "../fixtures/faces", name));

test.describe.configure({ timeout: 240_000 });

test.beforeAll(async () => {
  await db.vendorConfig.update({ where: { vendor: "local" }, data: { enabled: true } });
});
test.afterAll(async () => {
  await db.vendorConfig.update({ where: { vendor: "local" }, data: { enabled: false } });
});

const uploaded: string[] = [];
test.afterEach(async () => {
  await db.verification.deleteMany({ where: { id: { in: uploaded.splice(0) } } });
});

/** A selfie check by the engine alone, uploaded from the console; returns the verification id once its run finished. */
async function uploadSelfie(page: Page, reference: string, photo: string | Buffer) {
  await page.goto("/verifications/new");
  await page.getByRole("radio", { name: /Liveness — selfie/ }).check();
  for (const name of [/biometric\.kz/, /Kairos/]) {
    const box = page.getByRole("checkbox", { name });
    if (await box.isChecked()) await box.uncheck();
  }
  await page.getByRole("checkbox", { name: /Verdict engine \(offline\)/ }).check();
  await page.getByLabel("Reference (optional)").fill(reference);
  await page.getByLabel(/^Selfie/).setInputFiles({ name: "selfie.jpg", mimeType: "image/jpeg", buffer: typeof photo === "string" ? await fixture(photo) : photo });
  await page.getByRole("button", { name: "Run verification" }).click();
  await expect(page).toHaveURL(/\/verifications\/[0-9a-f-]{36}$/, { timeout: 30_000 });
  const id = page.url().split("/").pop()!;
  uploaded.push(id);
  // The engine loads its models in the worker on first use: allow for it.
  await expect.poll(async () => (await db.vendorRun.findFirst({ where: { verificationId: id, vendor: "local" } }))?.status, { timeout: 180_000 }).toBe("completed");
  return id;
}

test("a duplicate face: from the case, search by face, see the earlier reference, open its subject page", async ({ page }) => {
  const stamp = Date.now();
  const first = `e2e-face-${stamp}-a`;
  const second = `e2e-face-${stamp}-b`;
  // An operator uploads, and may also search by face (a face-viewing role).
  await signInAs(page, "operator");
  // A picture no other test indexes, and its mirror image: the integration tests leave copies of
  // yale-1 and yale-2 in the shared database, which would tie with (and could crowd out) this pair.
  const firstId = await uploadSelfie(page, first, "same-person/yale-3.jpg");
  const secondId = await uploadSelfie(page, second, await sharp(await fixture("same-person/yale-3.jpg")).flop().jpeg({ quality: 92 }).toBuffer());

  // The case opens right after the run is stored (flagging follows the run's write).
  await expect.poll(async () => (await db.reviewCase.findFirst({ where: { verificationId: secondId } }))?.rules ?? [], { timeout: 30_000 }).toContain("duplicate_face");
  const reviewCase = await db.reviewCase.findFirstOrThrow({ where: { verificationId: secondId }, orderBy: { openedAt: "desc" } });
  const duplicate = ruleDetailSchema.parse(reviewCase.ruleDetails).find((r) => r.code === "duplicate_face")!;
  expect(duplicate.faces?.map((f) => f.verificationId)).toContain(firstId);

  await page.goto(`/cases/${reviewCase.id}`);
  await expect(page.getByText("Duplicate face under another reference").first()).toBeVisible();
  await expect(page.getByTestId("rule-faces-duplicate_face").getByRole("link", { name: first })).toBeVisible();

  const auditsBefore = await db.auditEvent.count({ where: { action: "face.searched", targetType: "media" } });
  await page.getByRole("link", { name: "Search by face: selfie" }).click();
  await expect(page).toHaveURL(/\/face-search\?mediaId=/);
  const results = page.getByTestId("face-search-results");
  await expect(results.getByRole("link", { name: first })).toBeVisible();
  expect(await db.auditEvent.count({ where: { action: "face.searched", targetType: "media" } })).toBeGreaterThan(auditsBefore);

  await results.getByRole("link", { name: first }).click();
  await expect(page).toHaveURL(new RegExp(`/subjects/${first}$`));
  await expect(page.getByRole("heading", { name: `Subject ${first}` })).toBeVisible();
  const history = page.getByTestId("subject-history");
  await expect(history.locator(`[data-verification="${firstId}"]`)).toBeVisible();
  await expect(history.getByText("Liveness — selfie")).toHaveCount(1);
});

test("search by face from an uploaded picture: the matches, then the subject page", async ({ page }) => {
  const reference = `e2e-upload-${Date.now()}`;
  await signInAs(page, "operator");
  const indexedId = await uploadSelfie(page, reference, "same-person/yale-1.jpg");

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Search by face" }).click();
  await expect(page).toHaveURL(/\/face-search$/);
  const auditsBefore = await db.auditEvent.count({ where: { action: "face.searched", targetType: "face_search" } });
  const mediaBefore = await db.media.count();
  await page.getByLabel("Picture (JPEG or PNG)").setInputFiles({ name: "someone.jpg", mimeType: "image/jpeg", buffer: await fixture("same-person/yale-2.jpg") });
  await page.getByRole("button", { name: "Search", exact: true }).click();
  // The engine loads its models in the app's process on the first search.
  const results = page.getByTestId("face-search-results");
  await expect(results.getByRole("link", { name: reference })).toBeVisible({ timeout: 120_000 });
  await expect(page.getByText("The face found in the uploaded picture")).toBeVisible();
  await expect(results.getByText(/likely the same person/).first()).toBeVisible();
  expect(await db.auditEvent.count({ where: { action: "face.searched", targetType: "face_search" } })).toBe(auditsBefore + 1);
  // Nothing of the uploaded picture was stored.
  expect(await db.media.count()).toBe(mediaBefore);

  await results.getByRole("link", { name: reference }).click();
  await expect(page).toHaveURL(new RegExp(`/subjects/${reference}$`));
  await expect(page.getByTestId("subject-history").locator(`[data-verification="${indexedId}"]`)).toBeVisible();
});

/** Where the first face box's line is drawn, and where the picture shows, in page pixels (the picture fitted like object-contain). */
async function faceLineAndPicture(boxes: Locator, picture: Locator) {
  const shown = await picture.evaluate((img: HTMLImageElement) => {
    const r = img.getBoundingClientRect();
    const scale = Math.min(r.width / img.naturalWidth, r.height / img.naturalHeight);
    const [w, h] = [img.naturalWidth * scale, img.naturalHeight * scale];
    return { left: r.left + (r.width - w) / 2, top: r.top + (r.height - h) / 2, right: r.left + (r.width + w) / 2, bottom: r.top + (r.height + h) / 2, scale };
  });
  const line = await boxes.locator("rect").first().evaluate((rect: SVGRectElement, scale) => {
    // The box's own outline, widened by half the line (drawn centred on it), in page pixels.
    const r = rect.getBoundingClientRect();
    const half = (Number(rect.getAttribute("stroke-width")) * scale) / 2;
    return { left: r.left - half, top: r.top - half, right: r.right + half, bottom: r.bottom + half };
  }, shown.scale);
  return { line, shown };
}

function expectLineOnPicture({ line, shown }: Awaited<ReturnType<typeof faceLineAndPicture>>) {
  for (const side of ["left", "top"] as const) expect(line[side]).toBeGreaterThanOrEqual(shown[side] - 0.5);
  for (const side of ["right", "bottom"] as const) expect(line[side]).toBeLessThanOrEqual(shown[side] + 0.5);
  // The face fills the picture, and so does its box.
  expect(line.right - line.left).toBeGreaterThan(0.8 * (shown.right - shown.left));
  expect(line.bottom - line.top).toBeGreaterThan(0.8 * (shown.bottom - shown.top));
}

test("a tightly cropped face: its box runs past the picture's edge and is drawn along it, on the verification and on the search preview", async ({ page }) => {
  const reference = `e2e-tight-${Date.now()}`;
  // The face fills the picture: the engine's box runs past all four edges.
  const tight = await sharp(await fixture("people/sample1-face1.jpg")).extract({ left: 62, top: 60, width: 132, height: 132 }).jpeg({ quality: 92 }).toBuffer();
  await signInAs(page, "operator");

  // The verification's media, boxes drawn over the stored preview.
  const id = await uploadSelfie(page, reference, tight);
  // The tile's picture is the stored preview, made by the thumbnail job (404 until then).
  await expect
    .poll(async () => db.thumbnail.count({ where: { kind: "preview", blob: { media: { some: { verificationId: id } } } } }), { timeout: 60_000 })
    .toBeGreaterThan(0);
  await page.reload();
  const tile = page.getByTestId("media-selfie");
  const thumbnail = tile.getByRole("img", { name: "Selfie" });
  await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), { timeout: 30_000 }).toBe(true);
  const tileBoxes = tile.getByTestId("engine-face-boxes");
  await expect(tileBoxes.locator("rect")).toHaveCount(1);
  await expect(tileBoxes.locator("rect")).toHaveAttribute("data-cut-off", "true");
  await expect(tileBoxes.locator("rect")).toBeVisible();
  expectLineOnPicture(await faceLineAndPicture(tileBoxes, thumbnail));

  // The same picture uploaded to search by face: the box on its preview.
  await page.goto("/face-search");
  await page.getByLabel("Picture (JPEG or PNG)").setInputFiles({ name: "tight.jpg", mimeType: "image/jpeg", buffer: tight });
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page.getByText("The face found in the uploaded picture")).toBeVisible({ timeout: 120_000 });
  const boxes = page.getByTestId("engine-face-boxes");
  await expect(boxes.locator("rect")).toHaveCount(1);
  await expect(boxes.locator("rect")).toHaveAttribute("data-cut-off", "true");
  await expect(boxes.locator("rect")).toBeVisible();
  expectLineOnPicture(await faceLineAndPicture(boxes, page.getByRole("img", { name: "The uploaded picture" })));
});
