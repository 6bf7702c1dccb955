import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { createWebhook } from "@/lib/webhooks/manage-webhooks";
import { expect, signInAs, test } from "./support/fixtures";

// Admin → Webhooks: a receiver on a loopback address or a URL another webhook has is refused with
// a field error and saves nothing; each webhook shows how its deliveries go.
const system = { kind: "system", label: "e2e" } as const;
const created: string[] = [];

test.afterAll(async () => {
  // No active webhook left behind for other tests' events.
  await db.webhook.updateMany({ where: { OR: [{ id: { in: created } }, { url: { contains: "/e2e-wh-" } }] }, data: { active: false } });
});

test("a loopback or duplicate URL is refused with a field error; ticking private addresses saves it once", async ({ page }) => {
  const url = `http://127.0.0.1:9/e2e-wh-${randomUUID().slice(0, 8)}`;
  await signInAs(page, "admin");
  await page.goto("/admin/webhooks");
  const form = page.getByRole("region", { name: "Add a webhook" });
  const urlField = form.getByLabel("URL");
  await urlField.fill(url);
  await form.getByRole("button", { name: "Add webhook" }).click();
  await expect(urlField).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByRole("alert")).toContainText("127.0.0.1 resolves to a private or loopback address (127.0.0.1). Tick “allow private addresses”");
  expect(await db.webhook.count({ where: { url } })).toBe(0);

  await urlField.fill(url);
  await form.getByLabel(/Allow private and loopback addresses/).check();
  await form.getByRole("button", { name: "Add webhook" }).click();
  await expect(page.getByTestId("webhook-secret")).toBeVisible();
  expect(await db.webhook.count({ where: { url, allowPrivate: true } })).toBe(1);
  await expect(page.getByRole("region", { name: `Webhook ${url}` }).getByTestId("webhook-health")).toHaveText("Health: no delivery attempted yet.");

  await urlField.fill(url.replace("http://", "HTTP://"));
  await form.getByLabel(/Allow private and loopback addresses/).check();
  await form.getByRole("button", { name: "Add webhook" }).click();
  await expect(form.getByRole("alert")).toHaveText("Another webhook already sends to this URL; change that one's events instead.");
  expect(await db.webhook.count({ where: { url: { contains: new URL(url).pathname } } })).toBe(1);
});

test("each webhook shows its last delivery and its failures in a row", async ({ page }) => {
  const url = `http://127.0.0.1:9/e2e-wh-health-${randomUUID().slice(0, 8)}`;
  const { webhook } = await createWebhook(system, { url, events: ["case.decided"], allowPrivate: true });
  created.push(webhook.id);
  const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);
  const delivery = (status: string, at: Date, responseStatus: number | null, lastError: string | null) => ({
    webhookId: webhook.id,
    event: "case.decided",
    payload: { id: randomUUID(), event: "case.decided" },
    status,
    attempts: 1,
    responseStatus,
    lastError,
    lastAttemptAt: at,
    createdAt: at,
    deliveredAt: status === "delivered" ? at : null,
  });
  const lastAttempt = minutesAgo(10);
  await db.webhookDelivery.createMany({
    data: [delivery("delivered", minutesAgo(30), 200, null), delivery("failed", minutesAgo(20), 410, "HTTP 410"), delivery("retrying", lastAttempt, 503, "HTTP 503")],
  });
  await signInAs(page, "admin");
  await page.goto("/admin/webhooks");
  const health = page.getByRole("region", { name: `Webhook ${url}` }).getByTestId("webhook-health");
  await expect(health).toContainText("2 failures in a row");
  await expect(health).toContainText("retrying (HTTP 503)");
  await expect(health.locator("time")).toHaveAttribute("datetime", lastAttempt.toISOString());
});
