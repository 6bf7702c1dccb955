import { test as base, expect, type Page } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { createUser } from "@/lib/users/manage-users";
import type { Role } from "@/lib/generated/prisma/enums";
import { E2E_USERS, PASSWORD, type E2eRole } from "./users";

export async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function signInAs(page: Page, role: E2eRole) {
  await signIn(page, E2E_USERS[role].email);
  await expect(page).toHaveURL(/\/queue$/);
}

// A user of its own for a test that changes the account (disable, role change, lockout).
export async function createThrowawayUser(role: Role = "viewer") {
  const email = `e2e-${randomUUID().slice(0, 8)}@verdict.test`;
  const { user } = await createUser({ kind: "system", label: "e2e" }, { email, role, name: null, password: PASSWORD });
  return user;
}

export const test = base;
export { expect };

// Our alerts, not Next's route announcer (which also has role="alert").
export function alertIn(page: Page) {
  return page.locator('[role="alert"]:not(#__next-route-announcer__)');
}
