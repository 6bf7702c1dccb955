import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { createUser } from "@/lib/users/manage-users";
import { alertIn, expect, test } from "./support/fixtures";
import type { Page } from "@playwright/test";

// Runs against the test OIDC provider started by playwright.config.ts (tests/support/oidc-test-provider.ts).
async function signInWithSso(page: Page, login: string) {
  await page.goto("/login");
  await page.getByRole("button", { name: "Continue with Test IdP" }).click();
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("anything");
  await page.getByRole("button", { name: "Sign-in" }).click();
  const consent = page.getByRole("button", { name: "Continue" });
  if (await consent.isVisible().catch(() => false)) await consent.click();
}

test("a user an admin created signs in with single sign-on and keeps their role", async ({ page }) => {
  const email = `sso-${randomUUID().slice(0, 8)}@verdict.test`;
  await createUser({ kind: "system", label: "e2e" }, { email, role: "reviewer", name: null, password: undefined });
  await signInWithSso(page, email);
  await expect(page).toHaveURL(/\/queue$/);
  await expect(page.getByTestId("current-user")).toContainText("reviewer");
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  // Linked by email on the first sign-in, by the identity provider's subject afterwards.
  expect(user.oidcSubject).toBe(email);
  expect(await db.auditEvent.count({ where: { action: "auth.signed_in", targetId: user.id } })).toBe(1);
});

test("an identity Verdict does not know is refused", async ({ page }) => {
  const email = `stranger-${randomUUID().slice(0, 8)}@verdict.test`;
  await signInWithSso(page, email);
  await expect(page).toHaveURL(/\/login/);
  await expect(alertIn(page)).toContainText("no access to Verdict");
  expect(await db.user.count({ where: { email } })).toBe(0);
});
