import { createHash, randomUUID } from "node:crypto";
import sharp from "sharp";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { NormalizedResult, VendorId } from "@/lib/vendors/types";
import { sandboxBaseUrl, vendorRegistry } from "@/lib/vendors/vendor-registry";
import { alertIn, expect, signInAs, test } from "./support/fixtures";

// The verification pages over data seeded straight into the database: the upload → vendor → detail
// path end to end belongs to the API's own browser test.

/** A plain JSON copy, as the database stores it. */
const asJson = (value: object): Prisma.InputJsonValue => JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;

async function seedVerification() {
  const reference = `e2e-vp-${randomUUID().slice(0, 8)}`;
  // Unique pixels per test, so the blob (content-addressed) is this test's own.
  const seed = parseInt(reference.slice(-6), 16);
  const jpeg = await sharp({ create: { width: 96, height: 96, channels: 3, background: { r: seed % 256, g: (seed >> 8) % 256, b: 90 } } })
    .jpeg()
    .toBuffer();
  const sha256 = createHash("sha256").update(jpeg).digest("hex");
  const thumb = await sharp(jpeg).resize(64, 64).webp().toBuffer();
  await db.blob.upsert({ where: { sha256 }, create: { sha256, size: jpeg.length, mime: "image/jpeg", data: jpeg }, update: {} });
  await db.thumbnail.upsert({
    where: { sha256_kind_position: { sha256, kind: "thumb", position: 0 } },
    create: { sha256, kind: "thumb", position: 0, mime: "image/webp", width: 64, height: 64, data: thumb },
    update: {},
  });
  const started = new Date(Date.now() - 5_000);
  const finished = new Date(started.getTime() + 321);
  const normalized: NormalizedResult = {
    vendor: "kairos",
    checkType: "liveness_selfie",
    outcome: "review",
    vendorVerdict: { faces_liveness: 0.62 },
    liveness: { isLive: true, score: 0.62 },
    reasons: [{ code: "liveness_borderline", message: "The liveness score is close to the threshold.", vendorCode: "faces_liveness", severity: "warning", category: "fraud" }],
    warnings: ["Face is small in the frame"],
    latencyMs: 321,
    httpStatus: 200,
    attempts: [{ attempt: 1, startedAt: started.toISOString(), latencyMs: 300, httpStatus: 200, networkError: null }],
    raw: { status: "ok", marker: reference },
    policyVersion: "builtin-1",
  };
  const verification = await db.verification.create({
    data: {
      checkType: "liveness_selfie",
      source: "api",
      status: "completed",
      reference,
      createdAt: started,
      completedAt: finished,
      media: { create: [{ role: "selfie", sha256, mime: "image/jpeg", size: jpeg.length, width: 96, height: 96, originalFilename: "selfie.jpg" }] },
      runs: {
        create: [
          {
            vendor: "kairos",
            checkType: "liveness_selfie",
            attempt: 1,
            status: "completed",
            outcome: "review",
            livenessScore: 0.62,
            httpStatus: 200,
            latencyMs: 321,
            normalized: asJson(normalized),
            raw: { status: "ok", marker: reference },
            attempts: asJson(normalized.attempts),
            requestedAt: started,
            startedAt: started,
            finishedAt: finished,
          },
        ],
      },
    },
    include: { media: true },
  });
  return { id: verification.id, reference, mediaId: verification.media[0].id };
}

/** The upload page offers only configured vendors: make sure the ones these tests pick have a row. */
async function ensureVendorsConfigured(vendors: VendorId[]) {
  for (const vendor of vendors) {
    await db.vendorConfig.upsert({
      where: { vendor },
      update: {},
      create: { vendor, enabled: true, baseUrl: sandboxBaseUrl("http://127.0.0.1:4010", vendor), credentialsMasked: vendorRegistry[vendor].sandboxCredentials },
    });
  }
}

test("the list filters through the URL and a row opens the detail with its vendor run", async ({ page }) => {
  const seeded = await seedVerification();
  await signInAs(page, "reviewer");
  await page.goto("/verifications");
  await expect(page.getByRole("heading", { level: 1, name: "Verifications" })).toBeVisible();
  // A reviewer does not upload.
  await expect(page.getByRole("link", { name: "New verification" })).toHaveCount(0);

  const filters = page.getByRole("search", { name: "Filter verifications" });
  await filters.getByLabel("Check type").selectOption("liveness_selfie");
  await expect(page).toHaveURL(/checkType=liveness_selfie/);
  await filters.getByLabel("Reference contains").fill(seeded.reference);
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(new RegExp(`reference=${seeded.reference}`));
  const row = page.locator(`tr[data-row-id="${seeded.id}"]`);
  await expect(row).toBeVisible();
  await expect(row).toContainText(seeded.reference);
  await expect(row).toContainText("review");
  await expect(page.locator("tbody tr")).toHaveCount(1);

  // Another vendor's filter leaves it out.
  await filters.getByLabel("Vendor").selectOption("fpt");
  await expect(page).toHaveURL(/vendor=fpt/);
  await expect(page.getByText("No verifications match these filters.")).toBeVisible();
  await filters.getByLabel("Vendor").selectOption("kairos");
  await expect(row).toBeVisible();

  // Hiding a column keeps the choice in the URL.
  await page.getByText("Columns", { exact: true }).click();
  await page.getByRole("checkbox", { name: "Source" }).uncheck();
  await expect(page).toHaveURL(/hide=source/);
  await expect(page.getByRole("columnheader", { name: /Source/ })).toHaveCount(0);

  await row.getByRole("cell").nth(3).click();
  await expect(page).toHaveURL(new RegExp(`/verifications/${seeded.id}$`));
  const run = page.getByTestId("vendor-run");
  await expect(run).toContainText("Kairos");
  await expect(run).toContainText("review");
  await expect(run).toContainText("liveness_borderline");
  await expect(run).toContainText("The liveness score is close to the threshold.");
  await expect(run).toContainText("Face is small in the frame");
  await expect(run.getByRole("meter", { name: "Liveness score" })).toHaveAttribute("aria-valuetext", /threshold 0\.60/);
  await expect(page.getByTestId("raw-json")).toBeHidden();
  await run.getByText("Raw vendor response").click();
  await expect(page.getByTestId("raw-json")).toContainText(`"marker": "${seeded.reference}"`);
  await expect(page.getByRole("list", { name: "Timeline" })).toContainText("Kairos run 1 completed: review");

  // A reviewer may open the face in full size.
  await page.getByRole("button", { name: "View full size: Selfie" }).click();
  await expect(page.getByRole("dialog", { name: "Selfie, full size" })).toBeVisible();
  await page.getByRole("button", { name: "Zoom in" }).click();
  await expect(page.getByRole("dialog")).toContainText("120%");
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toHaveCount(0);
});

test("at 1280 × 800 the list shows a readable face on each row and fits its box", async ({ page }) => {
  const seeded = await seedVerification();
  await signInAs(page, "operator");
  await page.goto(`/verifications?reference=${seeded.reference}`);
  const image = page.locator(`tr[data-row-id="${seeded.id}"] img`);
  await expect.poll(() => image.evaluate((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0)).toBe(true);
  expect((await image.boundingBox())?.width ?? 0).toBeGreaterThanOrEqual(40);
  const sizes = await page.locator("table", { has: page.locator("tr[data-row-id]") }).evaluate((table) => ({ scroll: table.parentElement!.scrollWidth, client: table.parentElement!.clientWidth }));
  expect(sizes.scroll).toBeLessThanOrEqual(sizes.client);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
  await expect(page.getByRole("columnheader", { name: "Created by" })).toBeInViewport();
});

test("the Columns popover works from the keyboard and the hidden column stays hidden after a reload", async ({ page }) => {
  const seeded = await seedVerification();
  await signInAs(page, "operator");
  await page.goto(`/verifications?reference=${seeded.reference}`);
  const trigger = page.getByRole("button", { name: "Columns" });
  const popover = page.getByRole("dialog", { name: "Visible columns" });
  await expect(trigger).toBeEnabled();
  await expect(trigger).toHaveAttribute("aria-expanded", "false");
  await expect(popover).toBeHidden();

  // Opening moves focus to the first column's checkbox.
  await trigger.focus();
  await page.keyboard.press("Enter");
  await expect(trigger).toHaveAttribute("aria-expanded", "true");
  await expect(popover).toBeVisible();
  expect(await trigger.getAttribute("aria-controls")).toBe(await popover.getAttribute("id"));
  await expect(popover.getByRole("checkbox", { name: "Media" })).toBeFocused();

  await page.keyboard.press("Tab");
  await expect(popover.getByRole("checkbox", { name: "Created", exact: true })).toBeFocused();
  await page.keyboard.press("Space");
  await expect(popover.getByRole("checkbox", { name: "Created", exact: true })).not.toBeChecked();
  await expect(page).toHaveURL(/hide=createdAt/);
  await expect(page.getByRole("columnheader", { name: "Created", exact: true })).toHaveCount(0);

  // Escape closes it and gives focus back to the button.
  await page.keyboard.press("Escape");
  await expect(popover).toBeHidden();
  await expect(trigger).toBeFocused();
  await expect(trigger).toHaveAttribute("aria-expanded", "false");

  // The choice is in the URL, so it survives a reload.
  await page.reload();
  await expect(page.locator(`tr[data-row-id="${seeded.id}"]`)).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Created", exact: true })).toHaveCount(0);
  await expect(page.getByRole("columnheader", { name: "Created by" })).toBeVisible();
  await page.getByRole("button", { name: "Columns" }).click();
  await expect(popover.getByRole("checkbox", { name: "Created", exact: true })).not.toBeChecked();
  await expect(popover.getByRole("checkbox", { name: "Created by" })).toBeChecked();
});

test("a sortable column header sorts the list through the URL", async ({ page }) => {
  const seeded = await seedVerification();
  await signInAs(page, "operator");
  await page.goto(`/verifications?reference=${seeded.reference}`);
  await expect(page.getByRole("button", { name: "Columns" })).toBeEnabled();
  await expect(page.getByRole("columnheader", { name: "Created", exact: true })).toHaveAttribute("aria-sort", "descending");
  await page.getByRole("columnheader", { name: "Check type" }).getByRole("button").click();
  await expect(page).toHaveURL(/sort=checkType&dir=asc/);
  await expect(page.getByRole("columnheader", { name: "Check type" })).toHaveAttribute("aria-sort", "ascending");
  await expect(page.getByRole("columnheader", { name: "Created", exact: true })).not.toHaveAttribute("aria-sort", /./);
  await expect(page.locator(`tr[data-row-id="${seeded.id}"]`)).toBeVisible();
  // Headers that the server cannot sort by are plain text.
  await expect(page.getByRole("columnheader", { name: "Reference" }).getByRole("button")).toHaveCount(0);
});

test("Enter on a focused row opens the verification", async ({ page }) => {
  const seeded = await seedVerification();
  await signInAs(page, "operator");
  await page.goto(`/verifications?reference=${seeded.reference}`);
  await expect(page.getByRole("link", { name: "New verification" })).toBeVisible();
  await page.locator(`tr[data-row-id="${seeded.id}"]`).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/verifications/${seeded.id}$`));
});

test("a viewer sees thumbnails but no full-size media", async ({ page }) => {
  const seeded = await seedVerification();
  await signInAs(page, "viewer");
  await page.goto(`/verifications/${seeded.id}`);
  await expect(page.getByTestId("media-selfie")).toBeVisible();
  // The small thumbnail, loaded (not a broken image), never the preview.
  const picture = page.getByTestId("media-selfie").locator("img");
  await expect(picture).toHaveAttribute("src", `/api/media/${seeded.mediaId}/thumbnails/thumb`);
  await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(64);
  await expect(page.getByRole("button", { name: /View full size/ })).toHaveCount(0);
  await expect(page.locator(`a[href="/api/media/${seeded.mediaId}"]`)).toHaveCount(0);
  await expect(page.getByText("Your role sees small thumbnails only; previews and full-size media are shown to reviewers, operators and admins.")).toBeVisible();
  // The detail of an unknown or malformed id is a 404 page.
  for (const id of [randomUUID(), "not-a-uuid"]) {
    const response = await page.goto(`/verifications/${id}`);
    expect(response?.status()).toBe(404);
  }
});

test("the new-verification page asks for the files of the chosen check type and vendors", async ({ page }) => {
  await ensureVendorsConfigured(["cvs", "fpt", "biometric_kz"]);
  await signInAs(page, "operator");
  await page.goto("/verifications/new");

  await page.getByRole("radio", { name: /Liveness — 3 angles/ }).check();
  await expect(page.getByLabel("Portrait — left", { exact: true })).toBeAttached();
  await expect(page.getByLabel("Portrait — middle", { exact: true })).toBeAttached();
  await expect(page.getByLabel("Portrait — right", { exact: true })).toBeAttached();

  await page.getByRole("radio", { name: /Liveness — video/ }).check();
  await expect(page.getByRole("checkbox", { name: /FPT\.AI Liveness v3/ })).toBeChecked();
  await expect(page.getByLabel(/^Video \(mp4, 5–6 s, .*≤10 MB\)$/)).toBeAttached();
  await expect(page.getByLabel(/^ID image \(optional/)).toBeAttached();
  await expect(page.locator('input[type="file"]')).toHaveCount(2);

  // face_match: CVS wants two images, FPT a video and an ID image; unticking FPT drops its files.
  await page.getByRole("radio", { name: /Face match/ }).check();
  await expect(page.getByLabel(/^Image 1/)).toBeAttached();
  await expect(page.getByLabel(/^Image 2/)).toBeAttached();
  await expect(page.getByLabel(/^Video/)).toBeAttached();
  await expect(page.getByLabel(/^ID image \(≥800×600, ≤5 MB\)$/)).toBeAttached();
  await page.getByRole("checkbox", { name: /FPT\.AI Liveness v3/ }).uncheck();
  await expect(page.locator('input[type="file"]')).toHaveCount(2);
  await expect(page.getByLabel(/^Video/)).toHaveCount(0);

  await page.getByRole("radio", { name: /Liveness — selfie/ }).check();
  await expect(page.getByLabel("Selfie (jpg/jpeg/png)")).toBeAttached();
  await page.getByText("Testing against the vendor sandboxes").click();
  await expect(page.getByText("npm run cli -- sandbox media --scenario")).toBeVisible();
});

test("an oversize or wrong-type file is refused in the browser without uploading", async ({ page }) => {
  await ensureVendorsConfigured(["fpt", "biometric_kz"]);
  await signInAs(page, "admin");
  await page.goto("/verifications/new");
  const uploads: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("/api/v1/verifications")) uploads.push(request.url());
  });
  const reference = `e2e-vp-refused-${randomUUID().slice(0, 8)}`;
  await page.getByLabel("Reference (optional)").fill(reference);

  await page.getByRole("radio", { name: /Liveness — video/ }).check();
  await page.getByLabel(/^Video/).setInputFiles({ name: "clip.mp4", mimeType: "video/mp4", buffer: Buffer.alloc(11 * 1024 * 1024) });
  await expect(page.getByTestId("drop-zone-video")).toContainText("video (clip.mp4): 11 MB is over FPT's 10 MB limit.");
  await page.getByRole("button", { name: "Run verification" }).click();
  await expect(alertIn(page)).toContainText("Fix the files marked in red first.");

  await page.getByRole("radio", { name: /Liveness — selfie/ }).check();
  const selfie = page.getByLabel(/^Selfie/);
  await selfie.setInputFiles({ name: "face.gif", mimeType: "image/gif", buffer: Buffer.from("GIF89a\x01\x00\x01\x00\x00\x00\x00;", "latin1") });
  await expect(page.getByTestId("drop-zone-selfie")).toContainText("selfie (face.gif): image/gif is not a JPEG, PNG or WebP image.");
  const webp = await sharp({ create: { width: 32, height: 32, channels: 3, background: "#888" } }).webp().toBuffer();
  await selfie.setInputFiles({ name: "face.webp", mimeType: "image/webp", buffer: webp });
  await expect(page.getByTestId("drop-zone-selfie")).toContainText("selfie (face.webp): biometric.kz accepts only .jpg, .jpeg, .png files.");
  await expect(page.getByAltText("Preview of face.webp")).toBeVisible();
  await page.getByRole("button", { name: "Run verification" }).click();
  await expect(alertIn(page)).toContainText("Fix the files marked in red first.");

  expect(uploads).toEqual([]);
  expect(await db.verification.count({ where: { reference } })).toBe(0);
});

test("Next page and Previous page walk the list both ways, keeping the filters", async ({ page }) => {
  const tag = `e2e-vp-pages-${randomUUID().slice(0, 8)}`;
  const created = Date.now() - 60_000;
  // Seven rows a second apart: pages of five (the smallest page size) and two, newest first.
  for (let i = 0; i < 7; i++) {
    await db.verification.create({ data: { checkType: "face_match", source: "api", status: "queued", reference: `${tag}-${i}`, createdAt: new Date(created + i * 1000) } });
  }
  await signInAs(page, "viewer");
  await page.goto(`/verifications?reference=${tag}&limit=5`);
  const pages = page.getByRole("navigation", { name: "Pages" });
  const references = () => page.getByRole("cell", { name: new RegExp(`^${tag}-\\d$`) });
  await expect(references()).toHaveText([6, 5, 4, 3, 2].map((i) => `${tag}-${i}`));
  await expect(pages.getByRole("link", { name: "Previous page" })).toHaveCount(0);

  await pages.getByRole("link", { name: "Next page" }).click();
  await expect(references()).toHaveText([`${tag}-1`, `${tag}-0`]);
  await expect(pages.getByRole("link", { name: "Next page" })).toHaveCount(0);

  await pages.getByRole("link", { name: "Previous page" }).click();
  await expect(references()).toHaveText([6, 5, 4, 3, 2].map((i) => `${tag}-${i}`));
  await expect(page).toHaveURL(new RegExp(`reference=${tag}`));
  await expect(pages.getByRole("link", { name: "Previous page" })).toHaveCount(0);
});

test("the timeline colours each completion by its outcome and keeps the first one when a rerun completes it again", async ({ page }) => {
  const reference = `e2e-tl-${randomUUID().slice(0, 8)}`;
  const start = Date.now() - 600_000;
  const t = (seconds: number) => new Date(start + seconds * 1000);
  const run = (attempt: number, outcome: "fail" | "pass", requested: number) => ({
    vendor: "cvs" as const,
    checkType: "face_match" as const,
    attempt,
    status: "completed" as const,
    outcome,
    httpStatus: 200,
    latencyMs: 1000,
    attempts: asJson([{ attempt: 1, startedAt: t(requested).toISOString(), latencyMs: 900, httpStatus: 200, networkError: null }]),
    requestedAt: t(requested),
    startedAt: t(requested),
    finishedAt: t(requested + 1),
  });
  // A first answer "fail", then a rerun that passes: the row's completedAt is the rerun's.
  const v = await db.verification.create({
    data: { checkType: "face_match", source: "api", status: "completed", reference, createdAt: t(0), completedAt: t(62), runs: { create: [run(1, "fail", 1), run(2, "pass", 60)] } },
  });
  await signInAs(page, "reviewer");
  await page.goto(`/verifications/${v.id}`);
  const timeline = page.getByRole("list", { name: "Timeline" });
  const first = timeline.getByRole("listitem").filter({ hasText: "Verification completed: fail" });
  const again = timeline.getByRole("listitem").filter({ hasText: "Verification completed again (after a rerun): pass" });
  await expect(first).toHaveAttribute("data-tone", "bad");
  await expect(first.locator("span").first()).toHaveClass(/bg-red-500/);
  await expect(first.locator("time")).toHaveAttribute("datetime", t(2).toISOString());
  await expect(again).toHaveAttribute("data-tone", "good");
  await expect(again.locator("span").first()).toHaveClass(/bg-emerald-500/);
  await expect(again.locator("time")).toHaveAttribute("datetime", t(62).toISOString());

  // A verification whose answer is "review" completes amber, not green (seeded above: Kairos review).
  const seeded = await seedVerification();
  await page.goto(`/verifications/${seeded.id}`);
  const review = page.getByRole("list", { name: "Timeline" }).getByRole("listitem").filter({ hasText: "Verification completed: review" });
  await expect(review).toHaveAttribute("data-tone", "warn");
  await expect(review.locator("span").first()).toHaveClass(/bg-amber-500/);
});

test("a finished verification whose thumbnails are not made yet keeps following until they are", async ({ page }) => {
  const seeded = await seedVerification();
  const { sha256 } = await db.media.findUniqueOrThrow({ where: { id: seeded.mediaId } });
  const thumbnails = await db.thumbnail.findMany({ where: { sha256: sha256! }, omit: { data: false } });
  // As if the vendor answered before the thumbnail job ran.
  await db.thumbnail.deleteMany({ where: { sha256: sha256! } });
  await signInAs(page, "reviewer");
  await page.goto(`/verifications/${seeded.id}`);
  await expect(page.getByTestId("live-status")).toContainText("Making thumbnails");
  await expect(page.getByTestId("media-selfie").getByTestId("media-thumbnail-placeholder")).toBeVisible();
  // The job finishes: the page shows the picture and stops following, with no reload.
  await db.thumbnail.createMany({ data: thumbnails.map(({ sha256, kind, position, mime, width, height, data }) => ({ sha256, kind, position, mime, width, height, data })) });
  await expect(page.getByTestId("live-status")).toHaveCount(0, { timeout: 15_000 });
  await expect(page.getByTestId("media-selfie").locator("img")).toBeVisible();
});

test("a column hidden on the list stays hidden on the next page, another sort, another filter and after a reload", async ({ page }) => {
  // Seven verifications of one reference, five to a page, newest first; three of them uploaded from the console.
  const reference = `e2e-vhide-${randomUUID().slice(0, 8)}`;
  const ids: string[] = [];
  for (let i = 0; i < 7; i++) {
    const createdAt = new Date(Date.now() - i * 60_000);
    ids.push((await db.verification.create({ data: { checkType: "liveness_selfie", source: i < 3 ? "upload" : "api", status: "completed", reference: `${reference}-${i}`, createdAt, completedAt: createdAt } })).id);
  }
  await signInAs(page, "operator");
  await page.goto(`/verifications?reference=${reference}&limit=5`);
  const rowIds = () => page.locator("tbody tr[data-row-id]").evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-row-id")));
  await expect.poll(rowIds).toEqual(ids.slice(0, 5));
  const header = (name: string) => page.getByRole("columnheader", { name, exact: true });
  const popover = page.getByRole("dialog", { name: "Visible columns" });

  // Hidden here, without a reload: the page links were rendered before.
  await page.getByRole("button", { name: "Columns" }).click();
  await popover.getByRole("checkbox", { name: "Created by" }).uncheck();
  await page.keyboard.press("Escape");
  await expect(page).toHaveURL(/hide=createdBy/);
  await expect(header("Created by")).toHaveCount(0);

  await page.getByRole("link", { name: "Next page" }).click();
  await expect.poll(rowIds).toEqual(ids.slice(5));
  await expect(page).toHaveURL(/cursor=.*hide=createdBy|hide=createdBy.*cursor=/);
  await expect(header("Created by")).toHaveCount(0);
  await page.getByRole("link", { name: "First page" }).click();
  await expect.poll(rowIds).toEqual(ids.slice(0, 5));
  await expect(header("Created by")).toHaveCount(0);

  // Another sort (oldest first), then a filter.
  await header("Created").getByRole("button").click();
  await expect(page).toHaveURL(/sort=createdAt&dir=asc/);
  await expect.poll(rowIds).toEqual(ids.slice(2).reverse());
  await expect(header("Created by")).toHaveCount(0);
  await page.getByRole("search", { name: "Filter verifications" }).getByLabel("Source").selectOption("upload");
  await expect(page).toHaveURL(/source=upload/);
  await expect.poll(rowIds).toEqual(ids.slice(0, 3).reverse());
  await expect(page).toHaveURL(/hide=createdBy/);
  await expect(header("Created by")).toHaveCount(0);

  await page.reload();
  await expect.poll(rowIds).toEqual(ids.slice(0, 3).reverse());
  await expect(header("Created by")).toHaveCount(0);
  await expect(header("Source")).toBeVisible();
});
