import { hashApiKey, verifyApiKey } from "@/lib/api-keys/verify-api-key";
import { db } from "@/lib/db";
import { expect, signInAs, test } from "./support/fixtures";
import { serverActionId } from "./support/server-actions";

test("an admin creates an API key, sees it once, and revokes it", async ({ page }) => {
  await signInAs(page, "admin");
  await page.goto("/admin/api-keys");
  const form = page.getByRole("region", { name: "Create an API key" });

  await form.getByRole("button", { name: "Create key" }).click();
  await expect(form.getByText("Name is required.")).toBeVisible();

  const name = `e2e-key-${Date.now()}`;
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Role").selectOption("operator");
  await form.getByRole("button", { name: "Create key" }).click();
  const key = (await page.getByTestId("one-time-api-key").textContent())?.trim() ?? "";
  expect(key).toMatch(/^vdk_[A-Za-z0-9_-]{32}$/);

  const stored = await db.apiKey.findFirstOrThrow({ where: { name } });
  expect(stored).toMatchObject({ role: "operator", hash: hashApiKey(key), prefix: key.slice(0, 12), revokedAt: null });
  const row = page.locator(`tr[data-row-id="${stored.id}"]`);
  await expect(row).toContainText(`${key.slice(0, 12)}…`);
  await expect(row).toContainText("e2e-admin@verdict.test");
  await expect(row).toContainText("active");

  // Once dismissed (or after a reload) the key is nowhere on the page.
  await form.getByRole("button", { name: "Done" }).click();
  await expect(page.getByTestId("one-time-api-key")).toHaveCount(0);
  await page.reload();
  expect(await page.content()).not.toContain(key);

  await row.getByRole("button", { name: `Revoke ${name}` }).click();
  await row.getByRole("button", { name: "Confirm revoke" }).click();
  await expect.poll(async () => (await db.apiKey.findUniqueOrThrow({ where: { id: stored.id } })).revokedAt).not.toBeNull();
  await expect(row).toContainText("revoked");
  expect(await verifyApiKey(key)).toBeNull();

  const events = await db.auditEvent.findMany({ where: { targetId: stored.id }, orderBy: { at: "asc" } });
  expect(events.map((e) => [e.action, e.actorLabel])).toEqual([
    ["api_key.created", "e2e-admin@verdict.test"],
    ["api_key.revoked", "e2e-admin@verdict.test"],
  ]);
});

test("a viewer gets the forbidden page for API keys and jobs", async ({ page }) => {
  await signInAs(page, "viewer");
  for (const path of ["/admin/api-keys", "/admin/jobs"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(403);
    await expect(page).toHaveURL(new RegExp(`${path}$`));
    await expect(page.getByRole("heading", { level: 1 })).toContainText("does not give access");
  }
});

test("a viewer calling the create-key action directly over HTTP creates nothing", async ({ page }) => {
  await signInAs(page, "viewer");
  const name = `e2e-viewer-key-${Date.now()}`;
  const response = await page.request.post("/admin/api-keys", {
    headers: {
      "Next-Action": serverActionId("createApiKeyAction", "admin/api-keys/actions.ts"),
      "Content-Type": "text/plain;charset=UTF-8",
      Accept: "text/x-component",
    },
    data: JSON.stringify([{ name, role: "admin" }]),
  });
  expect(await response.text()).toContain("Your role does not allow this.");
  expect(await db.apiKey.count({ where: { name } })).toBe(0);
});

test("an admin sees every job queue with its counts", async ({ page }) => {
  await signInAs(page, "admin");
  await page.goto("/admin/jobs");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Jobs");
  const queues = page.getByRole("table", { name: "Job queues" });
  for (const queue of ["vendor-call.cvs", "vendor-call.fpt", "vendor-call.biometric_kz", "vendor-call.kairos", "thumbnails"]) {
    await expect(queues.locator(`tr[data-row-id="${queue}"]`)).toBeVisible();
  }
  await expect(page.getByRole("table", { name: "Dead-letter jobs" })).toBeVisible();
});
