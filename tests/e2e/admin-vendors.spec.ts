import { db } from "@/lib/db";
import { decryptSecret } from "@/lib/crypto/secret-box";
import { expect, signInAs, test } from "./support/fixtures";
import { serverActionId } from "./support/server-actions";

test("an admin versions a policy, tests the connection, and a wrong key is caught", async ({ page }) => {
  const before = await db.vendorPolicy.findMany({ where: { vendor: "kairos", checkType: "liveness_selfie" }, select: { id: true } });
  await signInAs(page, "admin");
  await page.goto("/admin/vendors");
  const policy = page.getByRole("form", { name: "kairos liveness_selfie policy" });
  await policy.getByLabel("threshold").fill("0.7");
  await policy.getByRole("button", { name: "Save as new version" }).click();
  await expect(policy.getByRole("status")).toContainText(/Saved as version \d+/);
  const saved = await db.vendorPolicy.findFirstOrThrow({ where: { vendor: "kairos", checkType: "liveness_selfie" }, orderBy: { version: "desc" } });
  expect(saved.settings).toMatchObject({ threshold: 0.7 });

  const connection = page.getByRole("form", { name: "kairos connection" });
  await connection.getByRole("button", { name: "Test connection" }).click();
  await expect(connection.getByRole("status")).toContainText("Connected");

  await connection.getByLabel("Credential: appKey").fill("wrong_key");
  await connection.getByRole("button", { name: "Save connection" }).click();
  await expect(connection.getByRole("status")).toHaveText("Saved.");
  const row = await db.vendorConfig.findUniqueOrThrow({ where: { vendor: "kairos" }, omit: { credentialsEncrypted: false } });
  expect(row.credentialsEncrypted).not.toContain("wrong_key");
  expect(JSON.parse(decryptSecret(row.credentialsEncrypted!)).appKey).toBe("wrong_key");
  await expect(page.getByText("wrong_key")).toHaveCount(0);
  await connection.getByRole("button", { name: "Test connection" }).click();
  await expect(connection.getByRole("alert")).toContainText("refused the credentials");

  // Put things back for the other tests.
  await connection.getByLabel("Credential: appKey").fill("sandbox_key");
  await connection.getByRole("button", { name: "Save connection" }).click();
  await expect(connection.getByRole("status")).toHaveText("Saved.");
  await db.vendorPolicy.deleteMany({ where: { vendor: "kairos", checkType: "liveness_selfie", id: { notIn: before.map((p) => p.id) } } });
  expect(await db.auditEvent.count({ where: { action: "vendor_config.connection_tested", targetId: "kairos" } })).toBeGreaterThanOrEqual(2);
});

test("a bad base URL is refused with the field named, and nothing changes", async ({ page }) => {
  await signInAs(page, "admin");
  await page.goto("/admin/vendors");
  const connection = page.getByRole("form", { name: "fpt connection" });
  const before = await db.vendorConfig.findUniqueOrThrow({ where: { vendor: "fpt" } });
  await connection.getByLabel("Base URL").fill("ftp://files.example");
  await connection.getByLabel("Timeout (ms)").fill("5");
  await connection.getByRole("button", { name: "Save connection" }).click();
  await expect(connection.getByText("Base URL must be an http(s) URL")).toBeVisible();
  await expect(connection.getByText("Timeout must be at least 1000 ms.")).toBeVisible();
  const after = await db.vendorConfig.findUniqueOrThrow({ where: { vendor: "fpt" } });
  expect(after.baseUrl).toBe(before.baseUrl);
  expect(after.updatedAt).toEqual(before.updatedAt);
});

test("a viewer can neither open the vendors page nor change a vendor over HTTP", async ({ page }) => {
  await signInAs(page, "viewer");
  expect((await page.goto("/admin/vendors"))?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("does not give access");
  const before = await db.vendorConfig.findUniqueOrThrow({ where: { vendor: "cvs" } });
  const response = await page.request.post("/admin/vendors", {
    headers: { "Next-Action": serverActionId("updateVendorConfigAction", "admin/vendors/actions.ts"), "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
    data: JSON.stringify([{ vendor: "cvs", enabled: true, baseUrl: "https://attacker.example", timeoutMs: 1000, maxRetries: 0, concurrency: 1, ratePerSecond: "", credentials: {} }]),
  });
  expect(await response.text()).toContain("Your role does not allow this.");
  expect((await db.vendorConfig.findUniqueOrThrow({ where: { vendor: "cvs" } })).baseUrl).toBe(before.baseUrl);
});
