import { createHash, randomUUID } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import sharp from "sharp";
import { createApiKey } from "@/lib/api-keys/manage-api-keys";
import { db } from "@/lib/db";
import { stopBoss } from "@/lib/jobs/boss";
import type { CheckType, MediaRole } from "@/lib/vendors/types";
import { decideCase } from "@/lib/review/decide-case";
import { getActiveRuleSet, saveRuleSet } from "@/lib/review/review-rule-sets";
import { createSampleImage } from "@/lib/sandbox/sample-media";
import { onVerificationFinished } from "@/lib/verifications/on-verification-finished";
import { createVerification } from "@/lib/verifications/create-verification";
import { createWebhook } from "@/lib/webhooks/manage-webhooks";
import { verifyWebhookSignature } from "@/lib/webhooks/sign-webhook";
import type { Locator, Page } from "@playwright/test";
import { createThrowawayUser, expect, signIn, signInAs, test } from "./support/fixtures";
import { serverActionId } from "./support/server-actions";
import { E2E_USERS } from "./support/users";

// The review queue end to end: a sandbox `borderline` face match flows through the real worker into
// the queue, a reviewer claims it and decides it with the keyboard, and the audit trail and the
// webhook delivery show it. Then four eyes at the HTTP level.

const system = { kind: "system", label: "e2e-review" } as const;

let server: Server;
let receiverUrl: string;
const received: { headers: IncomingHttpHeaders; body: string }[] = [];
const webhookIds: string[] = [];

test.beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/verdict-hook`;
});

test.afterAll(async () => {
  await db.webhook.updateMany({ where: { id: { in: webhookIds } }, data: { active: false } });
  await new Promise((resolve) => server.close(resolve));
  await stopBoss();
});

test("a borderline face match reaches the queue; a reviewer claims and decides it by keyboard; audit and webhook show it", async ({ page, browser }) => {
  // A real vendor call through the worker, then a webhook delivery: more than the default 30 s budget.
  test.setTimeout(90_000);
  const { webhook, secret } = await createWebhook(system, { url: receiverUrl, events: ["case.opened", "case.decided"], allowPrivate: true });
  webhookIds.push(webhook.id);
  const reference = `e2e-rq-${randomUUID().slice(0, 8)}`;
  const seed = parseInt(reference.slice(-6), 16) % 1000;
  const image = (n: number) => createSampleImage({ scenario: "borderline", seed: seed + n, width: 640, height: 480 });
  const created = await createVerification(system, {
    request: { checkType: "face_match", vendors: ["cvs"], reference, note: null, manualReview: false },
    files: [
      { role: "image1", bytes: await image(1), filename: "card.jpg" },
      { role: "image2", bytes: await image(2), filename: "portrait.jpg" },
    ],
    source: "api",
  });

  // The worker calls the CVS sandbox; its `borderline` answer (match = 0) opens a case.
  await expect.poll(async () => db.reviewCase.count({ where: { verificationId: created.id } }), { timeout: 30_000 }).toBe(1);
  const opened = await db.reviewCase.findFirstOrThrow({ where: { verificationId: created.id } });
  expect(opened.rules).toEqual(["vendor_review", "score_in_band"]);
  // Other browser tests leave cases in the shared queue; put this one first for "Claim next".
  await db.reviewCase.update({ where: { id: opened.id }, data: { priority: 1_000_000 } });

  await signInAs(page, "reviewer");
  await page.goto(`/queue?reference=${reference}`);
  const row = page.locator(`tr[data-row-id="${opened.id}"]`);
  // Short labels in the table, the full rule in the tooltip.
  await expect(row.getByTitle("Vendor asks for review")).toHaveText("Vendor asks");
  await expect(row.getByTitle("Score in the borderline band")).toHaveText("Borderline");
  await expect(row.locator("[data-sla]")).toHaveAttribute("data-sla", "ok");

  // j focuses the first row, Enter opens it (once the page listens for its shortcuts).
  await expect(page.locator("body")).toHaveAttribute("data-shortcuts-queue-rows", "ready");
  await page.locator("body").press("j");
  await expect(row).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/cases/${opened.id}$`));
  await expect(page.getByTestId("case-rules")).toContainText("CVS face_matching says match = 0");

  // Claim next from the queue (the `c` shortcut).
  await page.goto("/queue");
  await expect(page.locator("body")).toHaveAttribute("data-shortcuts-claim-next", "ready");
  await page.locator("body").press("c");
  await expect(page).toHaveURL(new RegExp(`/cases/${opened.id}$`));
  await expect(page.getByTestId("case-assignee")).toHaveText(E2E_USERS.reviewer.email);

  // Decide with the keyboard: a starts an approval, the reason list has focus.
  await expect(page.locator("body")).toHaveAttribute("data-shortcuts-decision", "ready");
  await page.locator("body").press("a");
  const reason = page.getByRole("combobox", { name: "Reason", exact: true });
  await expect(reason).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(reason).toHaveValue("borderline_acceptable");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("textbox", { name: /^Comment/ })).toBeFocused();
  await page.keyboard.type("Same person; lighting explains the score.");
  await page.keyboard.press("Control+Enter");
  // The page re-renders as decided and read-only.
  await expect(page.getByTestId("case-decided")).toContainText("approve");

  const decided = await db.reviewCase.findUniqueOrThrow({ where: { id: opened.id }, include: { decisions: { include: { decidedBy: true } } } });
  expect(decided).toMatchObject({ status: "decided", decision: "approve" });
  expect(decided.decisions[0]).toMatchObject({ kind: "approve", reasonCode: "borderline_acceptable", comment: "Same person; lighting explains the score.", decidedBy: { email: E2E_USERS.reviewer.email } });

  await page.reload();
  await expect(page.getByTestId("case-decided")).toBeVisible();
  const audit = page.getByTestId("case-audit");
  for (const action of ["case.opened", "case.viewed", "case.claimed", "case.decided"]) await expect(audit).toContainText(action);

  // The webhook: case.opened and case.decided, signed, delivered and logged.
  await expect.poll(() => received.filter((r) => r.body.includes(opened.id)).map((r) => String(r.headers["verdict-event"])).sort(), { timeout: 30_000 }).toEqual(["case.decided", "case.opened"]);
  const decidedDelivery = received.find((r) => r.headers["verdict-event"] === "case.decided" && r.body.includes(opened.id))!;
  expect(verifyWebhookSignature(secret, String(decidedDelivery.headers["verdict-signature"]), decidedDelivery.body)).toEqual({ ok: true });
  expect(JSON.parse(decidedDelivery.body)).toMatchObject({ event: "case.decided", data: { id: opened.id, status: "decided", decision: "approve", reasonCode: "borderline_acceptable" } });

  const adminPage = await (await browser.newContext()).newPage();
  await signInAs(adminPage, "admin");
  await adminPage.goto("/admin/webhooks");
  const log = adminPage.locator(`[data-webhook-id="${webhook.id}"]`);
  await expect(log.locator("tr", { hasText: "case.decided" })).toContainText("delivered");
  await expect(log.locator("tr", { hasText: "case.decided" })).toContainText("204");
});

test("four eyes over HTTP: the first reviewer calling the confirm action is refused and nothing changes", async ({ page, browser }) => {
  const reference = `e2e-4e-${randomUUID().slice(0, 8)}`;
  const verification = await db.verification.create({
    data: {
      checkType: "face_match", source: "api", status: "completed", reference, completedAt: new Date(),
      runs: {
        create: [{
          vendor: "cvs", checkType: "face_match", status: "failed", outcome: "error", finishedAt: new Date(),
          normalized: { vendor: "cvs", checkType: "face_match", outcome: "error", vendorVerdict: {}, reasons: [{ code: "face_not_found_portrait", message: "The portrait photo does not contain a face", vendorCode: "invalidCode:5", severity: "error", category: "quality" }], warnings: [], latencyMs: 1, httpStatus: 200, attempts: [], raw: {} },
        }, {
          vendor: "fpt", checkType: "face_match", status: "completed", outcome: "fail", finishedAt: new Date(),
          normalized: { vendor: "fpt", checkType: "face_match", outcome: "fail", vendorVerdict: {}, reasons: [{ code: "face_mismatch", message: "The faces do not match", vendorCode: null, severity: "error", category: "fraud" }], warnings: [], latencyMs: 1, httpStatus: 200, attempts: [], raw: {} },
        }],
      },
    },
  });
  await onVerificationFinished(verification.id);
  const opened = await db.reviewCase.findFirstOrThrow({ where: { verificationId: verification.id } });
  const first = await db.user.findUniqueOrThrow({ where: { email: E2E_USERS.reviewer.email } });
  const pending = await decideCase({ kind: "user", id: first.id, email: first.email }, first, {
    caseId: opened.id, version: opened.version, kind: "approve", reasonCode: "same_person_confirmed", comment: "The vendors are wrong here.",
  });
  expect(pending.case.status).toBe("awaiting_confirmation");

  await signInAs(page, "reviewer");
  const response = await page.request.post(`/cases/${opened.id}`, {
    headers: { "Next-Action": serverActionId("confirmDecisionAction", "cases/[id]/actions.ts"), "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
    data: JSON.stringify([{ caseId: opened.id, version: pending.case.version }]),
  });
  expect(await response.text()).toContain("You made this decision; a second reviewer must confirm it.");
  expect(await db.reviewCase.findUniqueOrThrow({ where: { id: opened.id } })).toMatchObject({ status: "awaiting_confirmation", version: pending.case.version, decision: null });
  expect(await db.decision.findUniqueOrThrow({ where: { id: pending.decision.id } })).toMatchObject({ confirmedById: null, confirmedAt: null });
  expect(await db.auditEvent.count({ where: { action: "case.decision_confirmed", targetId: opened.id } })).toBe(0);

  // The page says so too, and a second reviewer confirms.
  await page.goto(`/cases/${opened.id}`);
  await expect(page.getByText("You made this decision; a second reviewer must confirm it.")).toBeVisible();
  const second = await createThrowawayUser("reviewer");
  const secondPage = await (await browser.newContext()).newPage();
  await signIn(secondPage, second.email);
  await expect(secondPage).toHaveURL(/\/queue$/);
  await secondPage.goto(`/cases/${opened.id}`);
  await secondPage.getByRole("button", { name: "Confirm approval" }).click();
  await expect(secondPage.getByTestId("case-decided")).toContainText("approve");
  expect(await db.reviewCase.findUniqueOrThrow({ where: { id: opened.id } })).toMatchObject({ status: "decided", decision: "approve" });
  expect(await db.decision.findUniqueOrThrow({ where: { id: pending.decision.id } })).toMatchObject({ confirmedById: second.id });
});

test("admins version the review rules and manage reasons; the API lists and reads cases", async ({ page, request }) => {
  await signInAs(page, "admin");
  await page.goto("/admin/review-rules");
  const before = await db.reviewRuleSet.count();
  await page.getByLabel("Vendors disagree priority").fill("95");
  await page.getByLabel("Vendors disagree SLA minutes").fill("1");
  await page.getByRole("button", { name: "Save as a new version" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Some fields" })).toBeVisible();
  await expect(page.getByText("At least 5 minutes.")).toBeVisible();
  expect(await db.reviewRuleSet.count()).toBe(before);
  await page.getByLabel("Vendors disagree SLA minutes").fill("120");
  await page.getByRole("button", { name: "Save as a new version" }).click();
  await expect(page.getByRole("status").filter({ hasText: /Saved as version \d+/ })).toBeVisible();
  const saved = await db.reviewRuleSet.findFirstOrThrow({ orderBy: { version: "desc" } });
  expect(saved.settings).toMatchObject({ vendor_disagreement: { priority: 95, slaMinutes: 120 } });
  expect(await db.auditEvent.count({ where: { action: "review_rules.saved", targetId: String(saved.version) } })).toBe(1);

  // QA sampling: a share per check type and vendor, in per cent; out of range is refused.
  const kairosShare = page.getByLabel("QA sample share, Liveness — selfie, Kairos (%)");
  await page.getByLabel("Quality sample of an automatic pass on").check();
  await kairosShare.fill("150");
  await page.getByRole("button", { name: "Save as a new version" }).click();
  await expect(page.getByText("0 to 100 %.")).toBeVisible();
  await kairosShare.fill("12.5");
  await page.getByRole("button", { name: "Save as a new version" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Saved as version ${saved.version + 1}` })).toBeVisible();
  const sampling = await db.reviewRuleSet.findFirstOrThrow({ orderBy: { version: "desc" } });
  expect(sampling.settings).toMatchObject({ quality_sample: { enabled: true, shares: [{ checkType: "liveness_selfie", vendor: "kairos", share: 0.125 }] } });
  // Other browser tests pass Kairos selfies: sampling off again for them.
  await saveRuleSet(system, { ...(await getActiveRuleSet()).settings, quality_sample: { enabled: false, priority: 5, slaMinutes: 10080, shares: [] } });

  const code = `e2e_${randomUUID().slice(0, 6)}`;
  await page.goto("/admin/decision-reasons");
  const form = page.getByRole("form", { name: "New reason" });
  await form.getByLabel("Code").fill(code);
  await form.getByLabel("Label").fill("Checked against the customer file");
  await form.getByLabel("approve").check();
  await form.getByRole("button", { name: "Add reason" }).click();
  await expect.poll(async () => (await db.decisionReason.findUnique({ where: { code } }))?.kinds).toEqual(["approve"]);

  // The customer's backend reads cases with an API key.
  const key = (await createApiKey(system, { name: `e2e-rc-${randomUUID().slice(0, 6)}`, role: "viewer" })).key;
  const reference = `e2e-api-${randomUUID().slice(0, 8)}`;
  const v = await db.verification.create({ data: { checkType: "face_match", source: "api", status: "completed", reference, completedAt: new Date(), manualReview: true, manualReviewNote: "API asked" } });
  await onVerificationFinished(v.id);
  const listed = await request.get(`/api/v1/review-cases?reference=${reference}`, { headers: { Authorization: `Bearer ${key}` } });
  expect(listed.status()).toBe(200);
  const body = await listed.json();
  expect(body.data).toHaveLength(1);
  expect(body.data[0]).toMatchObject({ verificationId: v.id, status: "open", rules: ["manual_review"], reference });
  const one = await request.get(`/api/v1/review-cases/${body.data[0].id}`, { headers: { Authorization: `Bearer ${key}` } });
  expect(await one.json()).toMatchObject({ id: body.data[0].id, ruleDetails: [{ code: "manual_review", details: ["Manual review requested: “API asked”"] }], decisions: [] });
  const bad = await request.get(`/api/v1/review-cases?status=nope`, { headers: { Authorization: `Bearer ${key}` } });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).errors.status).toBeDefined();
});

test("a mentioned colleague sees it in Mentions, opens the case from there, and marks it read", async ({ page, browser }) => {
  const colleague = await createThrowawayUser("reviewer");
  const reference = `e2e-mn-${randomUUID().slice(0, 8)}`;
  const verification = await db.verification.create({ data: { checkType: "face_match", source: "api", status: "completed", reference } });
  const opened = await db.reviewCase.create({ data: { verificationId: verification.id, checkType: "face_match", reference, rules: ["vendor_review"], priority: 5 } });

  await signInAs(page, "reviewer");
  await page.goto(`/cases/${opened.id}`);
  await page.getByLabel("Add a comment").fill(`@${colleague.email} can you take a second look?`);
  await page.getByRole("button", { name: "Comment" }).click();
  await expect(page.getByText("can you take a second look?")).toBeVisible();

  const other = await browser.newPage();
  await signIn(other, colleague.email);
  await expect(other).toHaveURL(/\/queue$/);
  const menu = other.getByRole("navigation", { name: "Main" });
  await expect(menu.getByRole("link", { name: "Mentions 1 unread" })).toBeVisible();
  await menu.getByRole("link", { name: /^Mentions/ }).click();
  const inbox = other.getByRole("list", { name: "Comments that mention you" });
  await expect(inbox.getByRole("listitem")).toHaveCount(1);
  await expect(inbox).toContainText(`${E2E_USERS.reviewer.email}`);
  await expect(inbox).toContainText("New");

  await inbox.getByRole("link", { name: reference }).click();
  await expect(other).toHaveURL(new RegExp(`/cases/${opened.id}$`));
  await other.goBack();
  await other.getByRole("button", { name: "Mark all as read" }).click();
  await expect(menu.getByRole("link", { name: "Mentions", exact: true })).toBeVisible();
  await expect(inbox).not.toContainText("New");
  await other.close();
});

// --- The reviewer's day at 1280 × 800 (the project's viewport): what the eye checks. ---

/** A case over real (generated) pictures with stored thumbnails, unassigned, at a given priority. */
async function seedCase(options: { checkType?: CheckType; priority: number; roles?: MediaRole[] }) {
  const checkType = options.checkType ?? "face_match";
  const roles = options.roles ?? (checkType === "face_match" ? (["image1", "image2"] as MediaRole[]) : (["selfie"] as MediaRole[]));
  const reference = `e2e-day-${randomUUID().slice(0, 8)}`;
  const media = [];
  for (const [i, role] of roles.entries()) {
    const seed = parseInt(reference.slice(-6), 16) + i;
    const jpeg = await sharp({ create: { width: 480, height: 640, channels: 3, background: { r: seed % 256, g: (seed >> 8) % 256, b: 140 } } }).jpeg().toBuffer();
    const sha256 = createHash("sha256").update(jpeg).digest("hex");
    const thumb = await sharp(jpeg).resize(192, 256).webp().toBuffer();
    await db.blob.upsert({ where: { sha256 }, create: { sha256, size: jpeg.length, mime: "image/jpeg", data: jpeg }, update: {} });
    for (const kind of ["thumb", "preview"] as const) {
      await db.thumbnail.upsert({ where: { sha256_kind_position: { sha256, kind, position: 0 } }, create: { sha256, kind, position: 0, mime: "image/webp", width: 192, height: 256, data: thumb }, update: {} });
    }
    media.push({ role, sha256, mime: "image/jpeg", size: jpeg.length, width: 480, height: 640 });
  }
  const verification = await db.verification.create({ data: { checkType, source: "api", status: "completed", reference, completedAt: new Date(), media: { create: media } } });
  const openedAt = new Date();
  return db.reviewCase.create({
    data: { verificationId: verification.id, checkType, reference, rules: ["vendor_review", "score_in_band", "vendor_error_triage"], priority: options.priority, openedAt, slaDueAt: new Date(openedAt.getTime() + 24 * 3_600_000) },
  });
}

/** The table's scrolling box does not need to scroll: the table fits. */
async function expectTableFits(page: Page, testId: string) {
  const sizes = await page.locator("table", { has: page.getByTestId(testId) }).evaluate((table) => ({ scroll: table.parentElement!.scrollWidth, client: table.parentElement!.clientWidth }));
  expect(sizes.scroll).toBeLessThanOrEqual(sizes.client);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
}

async function expectThumbnailWidth(image: Locator) {
  await expect.poll(() => image.evaluate((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0)).toBe(true);
  const box = await image.boundingBox();
  expect(box?.width ?? 0).toBeGreaterThanOrEqual(40);
}

const cleanup: string[] = [];
test.afterAll(async () => {
  // Open cases this part leaves must not jump the shared queue of later runs.
  await db.reviewCase.deleteMany({ where: { id: { in: cleanup }, status: { not: "decided" } } });
  await db.user.update({ where: { email: E2E_USERS.reviewer.email }, data: { jumpToNextCase: false } });
});

test("at 1280 × 800 the queue shows readable faces and fits its box; the case shows the two faces on one row", async ({ page }) => {
  const c = await seedCase({ priority: 7 });
  cleanup.push(c.id);
  await signInAs(page, "admin"); // the admin's queue has the most columns (selection)
  await page.goto(`/queue?reference=${c.reference}`);
  const row = page.locator(`tr[data-row-id="${c.id}"]`);
  await expectThumbnailWidth(row.locator("img"));
  await expectTableFits(page, "queue-row");
  // Every column is on screen, the SLA too, and the rules take one line each at most.
  await expect(row.locator("[data-sla]")).toBeInViewport();
  for (const label of ["Vendor asks", "Borderline", "Quality"]) await expect(row.getByText(label, { exact: true })).toBeVisible();
  const rowBox = await row.boundingBox();
  expect(rowBox?.height ?? 999).toBeLessThan(90);

  await page.goto(`/cases/${c.id}`);
  const panes = page.getByTestId("compare-pane");
  await expect(panes).toHaveCount(2);
  const [left, right] = [await panes.nth(0).boundingBox(), await panes.nth(1).boundingBox()];
  expect(left && right).toBeTruthy();
  expect(Math.abs(left!.y - right!.y)).toBeLessThan(1);
  expect(right!.x).toBeGreaterThanOrEqual(left!.x + left!.width);
  expect(left!.width).toBeGreaterThanOrEqual(140);
});

test("an admin selects rows of the queue and assigns them; a click on a checkbox does not open the case", async ({ page }) => {
  const c = await seedCase({ priority: 3 });
  cleanup.push(c.id);
  await signInAs(page, "admin");
  await page.goto(`/queue?status=all&reference=${c.reference}`);
  await expect(page.locator("body")).toHaveAttribute("data-shortcuts-queue-rows", "ready");
  const assign = page.getByRole("group", { name: "Assign selected cases" });
  await expect(assign).toContainText("0 selected");
  await expect(assign.getByRole("button", { name: "Assign selected" })).toBeDisabled();

  await page.getByRole("checkbox", { name: "Select every case on this page" }).check();
  await expect(page.getByRole("checkbox", { name: `Select case ${c.id.slice(0, 8)}` })).toBeChecked();
  await expect(assign).toContainText("1 selected");
  await page.getByRole("checkbox", { name: `Select case ${c.id.slice(0, 8)}` }).uncheck();
  await expect(assign).toContainText("0 selected");
  await page.getByRole("checkbox", { name: `Select case ${c.id.slice(0, 8)}` }).check();
  await expect(page).toHaveURL(/\/queue\?/);

  await assign.getByLabel("Assign to").selectOption({ label: E2E_USERS.reviewer.email });
  await assign.getByRole("button", { name: "Assign selected" }).click();
  await expect(assign.getByRole("status")).toHaveText("1 case(s) assigned.");
  await expect(assign).toContainText("0 selected");
  const reviewer = await db.user.findUniqueOrThrow({ where: { email: E2E_USERS.reviewer.email } });
  expect((await db.reviewCase.findUniqueOrThrow({ where: { id: c.id } })).assigneeId).toBe(reviewer.id);
});

test("reasons are offered by check type, and the server refuses one that does not apply", async ({ page }) => {
  const selfie = await seedCase({ checkType: "liveness_selfie", priority: 6 });
  const pair = await seedCase({ priority: 6 });
  cleanup.push(selfie.id, pair.id);
  await signInAs(page, "reviewer");
  await page.goto(`/cases/${selfie.id}`);
  await page.getByRole("radio", { name: /Reject/ }).click();
  const reason = page.getByRole("combobox", { name: "Reason", exact: true });
  await expect(reason.locator("option", { hasText: "Presentation attack or spoof suspected" })).toHaveCount(1);
  await expect(reason.locator("option", { hasText: "Different person" })).toHaveCount(0);
  // A hand-made request with a reason that does not apply changes nothing.
  const response = await page.request.post(`/cases/${selfie.id}`, {
    headers: { "Next-Action": serverActionId("decideCaseAction", "cases/[id]/actions.ts"), "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
    data: JSON.stringify([{ caseId: selfie.id, version: selfie.version, kind: "reject", reasonCode: "different_person", comment: "x" }]),
  });
  expect(await response.text()).toContain("“Different person” does not apply to Liveness — selfie checks");
  expect(await db.reviewCase.findUniqueOrThrow({ where: { id: selfie.id } })).toMatchObject({ status: "open", version: selfie.version });

  await page.goto(`/cases/${pair.id}`);
  await page.getByRole("radio", { name: /Reject/ }).click();
  await expect(reason.locator("option", { hasText: "Different person" })).toHaveCount(1);
  await expect(reason.locator("option", { hasText: "Presentation attack or spoof suspected" })).toHaveCount(0);
});

test("after a decision, Next case claims the next one; with the setting on, the next case opens at once", async ({ page }) => {
  const [a, b, c] = [await seedCase({ priority: 4_000_003 }), await seedCase({ priority: 4_000_002 }), await seedCase({ priority: 4_000_001 })];
  cleanup.push(a.id, b.id, c.id);
  const reviewer = await db.user.findUniqueOrThrow({ where: { email: E2E_USERS.reviewer.email } });
  await signInAs(page, "reviewer");
  await page.goto(`/cases/${a.id}`);
  await page.getByRole("radio", { name: /Reject/ }).click();
  await page.getByRole("combobox", { name: "Reason", exact: true }).selectOption("different_person");
  await page.getByRole("button", { name: "Reject case" }).click();
  await expect(page.getByTestId("case-decided")).toContainText("reject");
  await page.getByTestId("next-case").click();
  await expect(page).toHaveURL(new RegExp(`/cases/${b.id}$`));
  await expect(page.getByTestId("case-assignee")).toHaveText(E2E_USERS.reviewer.email);

  await page.getByLabel("Open the next case right after deciding").check();
  await expect.poll(async () => (await db.user.findUniqueOrThrow({ where: { id: reviewer.id } })).jumpToNextCase).toBe(true);
  expect(await db.auditEvent.count({ where: { action: "user.setting_changed", targetId: reviewer.id } })).toBeGreaterThanOrEqual(1);
  await page.getByRole("radio", { name: /Approve/ }).click();
  await page.getByRole("combobox", { name: "Reason", exact: true }).selectOption("same_person_confirmed");
  await page.getByRole("button", { name: "Approve case" }).click();
  await expect(page).toHaveURL(new RegExp(`/cases/${c.id}$`));
  expect(await db.reviewCase.findUniqueOrThrow({ where: { id: b.id } })).toMatchObject({ status: "decided", decision: "approve" });
  expect((await db.reviewCase.findUniqueOrThrow({ where: { id: c.id } })).assigneeId).toBe(reviewer.id);
  // The setting off again, from the page, for the tests that follow.
  await page.getByLabel("Open the next case right after deciding").uncheck();
  await expect.poll(async () => (await db.user.findUniqueOrThrow({ where: { id: reviewer.id } })).jumpToNextCase).toBe(false);
});

test("escalation goes to a senior reviewer: the escalating reviewer is refused (UI and HTTP), the senior claims and decides it", async ({ page, browser }) => {
  const c = await seedCase({ priority: 5_000_000 });
  cleanup.push(c.id);
  await signInAs(page, "reviewer");
  await page.goto(`/cases/${c.id}`);
  await page.getByRole("radio", { name: /Escalate/ }).click();
  await page.getByRole("combobox", { name: "Reason", exact: true }).selectOption("needs_senior_review");
  await page.getByRole("button", { name: "Escalate case" }).click();
  await expect(page.getByTestId("escalation-note")).toHaveText("You escalated this case, so someone else decides it: a senior reviewer or an admin.");
  await expect(page.getByRole("heading", { name: "Decide" })).toHaveCount(0);
  const escalated = await db.reviewCase.findUniqueOrThrow({ where: { id: c.id }, include: { escalatedBy: true } });
  expect(escalated).toMatchObject({ status: "escalated", assigneeId: null, escalatedBy: { email: E2E_USERS.reviewer.email } });

  const response = await page.request.post(`/cases/${c.id}`, {
    headers: { "Next-Action": serverActionId("decideCaseAction", "cases/[id]/actions.ts"), "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
    data: JSON.stringify([{ caseId: c.id, version: escalated.version, kind: "approve", reasonCode: "same_person_confirmed", comment: "" }]),
  });
  expect(await response.text()).toContain("You escalated this case, so someone else decides it");
  expect(await db.reviewCase.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ status: "escalated", version: escalated.version });

  const senior = await (await browser.newContext()).newPage();
  await signInAs(senior, "senior");
  await senior.goto("/queue?status=escalated");
  await expect(senior.getByTestId("escalated-view-note")).toContainText("Claim next escalated");
  await senior.getByRole("button", { name: "Claim next escalated" }).click();
  await expect(senior).toHaveURL(new RegExp(`/cases/${c.id}$`));
  await expect(senior.getByTestId("escalation-note")).toContainText(`Escalated by ${E2E_USERS.reviewer.email}: you decide it as a senior reviewer.`);
  await senior.getByRole("radio", { name: /Approve/ }).click();
  await senior.getByRole("combobox", { name: "Reason", exact: true }).selectOption("same_person_confirmed");
  await senior.getByRole("button", { name: "Approve case" }).click();
  await expect(senior.getByTestId("case-decided")).toContainText("approve");
  const decided = await db.reviewCase.findUniqueOrThrow({ where: { id: c.id }, include: { decisions: { include: { decidedBy: true }, orderBy: { createdAt: "asc" } } } });
  expect(decided.decisions.map((d) => [d.kind, d.decidedBy.email])).toEqual([
    ["escalate", E2E_USERS.reviewer.email],
    ["approve", E2E_USERS.senior.email],
  ]);
  await senior.close();
});

test("the Columns menu hides a queue column; it stays hidden after a reload and on another status tab", async ({ page }) => {
  const c = await seedCase({ priority: 4 });
  cleanup.push(c.id);
  await signInAs(page, "reviewer");
  await page.goto(`/queue?reference=${c.reference}`);
  const row = page.locator(`tr[data-row-id="${c.id}"]`);
  await expect(row).toBeVisible();
  await expect(row.getByRole("cell")).toHaveCount(10);
  await expect(page.getByRole("columnheader", { name: "Assignee" })).toBeVisible();

  const popover = page.getByRole("dialog", { name: "Visible columns" });
  await page.getByRole("button", { name: "Columns" }).click();
  await expect(popover.getByRole("checkbox", { name: "Face" })).toBeChecked();
  // The case itself cannot be hidden.
  await expect(popover.getByRole("checkbox", { name: "Case" })).toHaveCount(0);
  await popover.getByRole("checkbox", { name: "Assignee" }).uncheck();
  await expect(page).toHaveURL(/hide=assignee/);
  await expect(page.getByRole("columnheader", { name: "Assignee" })).toHaveCount(0);
  await expect(row.getByRole("cell")).toHaveCount(9);

  // The choice is in the URL, so it survives a reload.
  await page.reload();
  await expect(row).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Assignee" })).toHaveCount(0);
  await expect(row.getByRole("cell")).toHaveCount(9);
  await expect(page.getByRole("columnheader", { name: "Opened" })).toBeVisible();
  await page.getByRole("button", { name: "Columns" }).click();
  await expect(popover.getByRole("checkbox", { name: "Assignee" })).not.toBeChecked();
  await expect(popover.getByRole("checkbox", { name: "Opened" })).toBeChecked();
  await page.keyboard.press("Escape");

  // Another status tab keeps it hidden.
  await page.getByTestId("status-tab-all").click();
  await expect(page).toHaveURL(/status=all/);
  await expect(page).toHaveURL(/hide=assignee/);
  await expect(row).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Assignee" })).toHaveCount(0);
});

test("columns hidden on the queue stay hidden on the next page, another tab, another sort and after a reload", async ({ page }) => {
  // Five open cases of one reference, two to a page: three pages, in priority order.
  const reference = `e2e-hide-${randomUUID().slice(0, 8)}`;
  const ids: string[] = [];
  for (const priority of [50, 40, 30, 20, 10]) {
    const v = await db.verification.create({ data: { checkType: "face_match", source: "api", status: "completed", reference, completedAt: new Date() } });
    ids.push((await db.reviewCase.create({ data: { verificationId: v.id, rules: ["manual_review"], checkType: "face_match", reference, priority } })).id);
  }
  cleanup.push(...ids);
  await signInAs(page, "reviewer");
  await page.goto(`/queue?reference=${reference}&limit=2`);
  const rows = page.getByTestId("queue-row");
  const rowIds = () => rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-row-id")));
  await expect.poll(rowIds).toEqual(ids.slice(0, 2));
  const columns = page.getByRole("button", { name: "Columns" });
  const popover = page.getByRole("dialog", { name: "Visible columns" });
  const header = (name: string) => page.getByRole("columnheader", { name, exact: true });

  // Hidden here, without a reload: the page's links were rendered before.
  await columns.click();
  await popover.getByRole("checkbox", { name: "Assignee" }).uncheck();
  await page.keyboard.press("Escape");
  await expect(page).toHaveURL(/hide=assignee/);
  await expect(header("Assignee")).toHaveCount(0);

  await page.getByRole("link", { name: "Next page" }).click();
  await expect.poll(rowIds).toEqual(ids.slice(2, 4));
  await expect(page).toHaveURL(/cursor=.*hide=assignee/);
  await expect(header("Assignee")).toHaveCount(0);
  await expect(header("Opened")).toBeVisible();

  // A second column hidden on this page, then back to the first page.
  await columns.click();
  await popover.getByRole("checkbox", { name: "Opened" }).uncheck();
  await page.keyboard.press("Escape");
  await expect(header("Opened")).toHaveCount(0);
  await page.getByRole("link", { name: "Previous page" }).click();
  await expect.poll(rowIds).toEqual(ids.slice(0, 2));
  await expect(page).toHaveURL(/hide=assignee%2Copened|hide=assignee,opened/);
  await expect(header("Assignee")).toHaveCount(0);
  await expect(header("Opened")).toHaveCount(0);

  // Another status tab, then another sort from the filter bar.
  await page.getByTestId("status-tab-open").click();
  await expect(page).toHaveURL(/status=open/);
  await expect.poll(rowIds).toEqual(ids.slice(0, 2));
  await expect(header("Assignee")).toHaveCount(0);
  await expect(header("Opened")).toHaveCount(0);
  await page.getByRole("search", { name: "Filter cases" }).getByLabel("Sort").selectOption("newest");
  await expect(page).toHaveURL(/sort=newest/);
  await expect.poll(rowIds).toEqual([ids[4], ids[3]]);
  await expect(header("Assignee")).toHaveCount(0);
  await expect(header("Opened")).toHaveCount(0);

  // The choice is the URL's: a reload keeps it.
  await page.reload();
  await expect.poll(rowIds).toEqual([ids[4], ids[3]]);
  await expect(header("Assignee")).toHaveCount(0);
  await expect(header("Opened")).toHaveCount(0);
  await expect(header("Priority")).toBeVisible();

  // Shown again, a column shows on the next page too.
  await columns.click();
  await expect(popover.getByRole("checkbox", { name: "Assignee" })).not.toBeChecked();
  await popover.getByRole("checkbox", { name: "Assignee" }).check();
  await page.keyboard.press("Escape");
  await page.getByRole("link", { name: "Next page" }).click();
  await expect.poll(rowIds).toEqual([ids[2], ids[1]]);
  await expect(page).toHaveURL(/hide=opened/);
  await expect(page).not.toHaveURL(/assignee/);
  await expect(header("Assignee")).toBeVisible();
  await expect(header("Opened")).toHaveCount(0);
});

test("past 10,000 decided cases the Decided and All tabs say so, the undecided ones stay exact", async ({ page }) => {
  const reference = `e2e-cap-${randomUUID().slice(0, 8)}`;
  const v = await db.verification.create({ data: { checkType: "face_match", source: "api", status: "completed", reference, completedAt: new Date() } });
  // One open case and 10,001 decided ones (a verification has one undecided case at most, decided ones without limit).
  await db.reviewCase.create({ data: { verificationId: v.id, rules: ["manual_review"], checkType: "face_match", reference } });
  await db.$executeRaw`INSERT INTO "ReviewCase" ("verificationId", "status", "rules", "checkType", "reference", "decision", "decidedAt")
    SELECT ${v.id}::uuid, 'decided', '{manual_review}', 'face_match', ${reference}, 'approve', now() FROM generate_series(1, 10001)`;
  await signInAs(page, "reviewer");
  await page.goto(`/queue?reference=${reference}`);
  await expect(page.getByTestId("status-count-open")).toHaveText("1");
  await expect(page.getByTestId("status-count-active")).toHaveText("1");
  await expect(page.getByTestId("status-count-decided")).toHaveText("10,000+");
  await expect(page.getByTestId("status-count-decided")).toHaveAttribute("title", /counts decided cases up to 10,000; the dashboards give exact totals/);
  await expect(page.getByTestId("status-count-all")).toHaveText("10,001+");
});
