import { db } from "@/lib/db";
import { setUserDisabled } from "@/lib/users/manage-users";
import { signInOverHttp } from "./support/auth-http";
import { alertIn, createThrowawayUser, expect, signIn, signInAs, test } from "./support/fixtures";
import { E2E_USERS, PASSWORD } from "./support/users";

test("an admin signs in, sees the shell with their role, and signs out", async ({ page }) => {
  await signInAs(page, "admin");
  const me = page.getByTestId("current-user");
  await expect(me).toContainText(E2E_USERS.admin.email);
  await expect(me).toContainText("admin");
  const nav = page.getByRole("navigation", { name: "Main" });
  for (const item of ["Queue", "Verifications", "Compare", "Dashboards", "Test sets", "Admin"]) {
    await expect(nav.getByRole("link", { name: item })).toBeVisible();
  }
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/queue");
  await expect(page).toHaveURL(/\/login/);
});

test("the Verdict icon is linked from every page and served without a session, also at /favicon.ico", async ({ page }) => {
  await page.goto("/login");
  await expect(page.locator('head link[rel="icon"]')).toHaveAttribute("href", "/favicon.svg");
  for (const path of ["/favicon.svg", "/favicon.ico"]) {
    const response = await page.request.get(path, { maxRedirects: 0 });
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("image/svg+xml");
    expect(await response.text()).toContain("<title>Verdict</title>");
  }
});

test("a wrong password and an unknown email get the same message", async ({ page }) => {
  await signIn(page, E2E_USERS.viewer.email, "not the password");
  await expect(alertIn(page)).toHaveText("Email or password is incorrect.");
  await signIn(page, "nobody@verdict.test", PASSWORD);
  await expect(alertIn(page)).toHaveText("Email or password is incorrect.");
  await expect(page).toHaveURL(/\/login/);
});

test("repeated wrong passwords slow a stranger's browser, not the user's own", async ({ page, browser, baseURL }) => {
  test.slow(); // sign-ins in two browsers
  const user = await createThrowawayUser("viewer");
  // The user's own browser: signed in once, so it holds a known-device cookie for the account.
  await signIn(page, user.email);
  await expect(page).toHaveURL(/\/queue$/);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);

  // Someone else guesses (over HTTP, as a script would).
  for (let i = 0; i < 5; i++) {
    expect(await signInOverHttp(baseURL!, { email: user.email, password: `wrong-${i}` })).toBe("CredentialsSignin");
  }
  // Even the right password waits in a browser the account has not used…
  const stranger = await browser.newPage();
  await signIn(stranger, user.email, PASSWORD);
  await expect(alertIn(stranger)).toContainText(/Too many failed sign-in attempts\. Try again in \d+ seconds/, { timeout: 30_000 });
  await expect(stranger).toHaveURL(/\/login/);
  await stranger.close();
  // …while the user's own browser signs in, and that clears the account's failures.
  await signIn(page, user.email);
  await expect(page).toHaveURL(/\/queue$/);
});

test("every page but sign-in needs a session", async ({ page }) => {
  for (const path of ["/queue", "/verifications", "/admin/users", "/admin/audit"]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/login/);
  }
});

test("a tampered session cookie is not a session", async ({ page, context, baseURL }) => {
  await signInAs(page, "viewer");
  const cookies = await context.cookies();
  const session = cookies.find((c) => c.name === "next-auth.session-token");
  expect(session).toBeDefined();
  const tampered = session!.value.slice(0, -6) + (session!.value.endsWith("AAAAAA") ? "BBBBBB" : "AAAAAA");
  await context.clearCookies();
  await context.addCookies([{ name: "next-auth.session-token", value: tampered, url: baseURL! }]);
  await page.goto("/queue");
  await expect(page).toHaveURL(/\/login/);
  const response = await page.request.get("/api/auth/session");
  expect(await response.json()).not.toHaveProperty("user");
});

test("a disabled user is signed out at the next request", async ({ page }) => {
  const user = await createThrowawayUser("viewer");
  await signIn(page, user.email);
  await expect(page).toHaveURL(/\/queue$/);
  await setUserDisabled({ kind: "system", label: "e2e" }, user.id, true);
  await page.goto("/verifications");
  await expect(page).toHaveURL(/\/login/);
  await signIn(page, user.email);
  await expect(alertIn(page)).toHaveText("Email or password is incorrect.");
  const failures = await db.auditEvent.count({ where: { action: "auth.sign_in_failed", targetId: user.id } });
  expect(failures).toBe(1);
});

test("the health endpoint answers without a session", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: "ok", database: "up" });
});
