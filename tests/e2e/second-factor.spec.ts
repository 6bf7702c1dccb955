import { Secret, TOTP } from "otpauth";
import { db } from "@/lib/db";
import { setTotpRequiredRoles } from "@/lib/auth/second-factor";
import { alertIn, createThrowawayUser, expect, signIn, test } from "./support/fixtures";
import { PASSWORD } from "./support/users";

function currentCode(secretBase32: string) {
  return new TOTP({ secret: Secret.fromBase32(secretBase32), digits: 6, period: 30, algorithm: "SHA1" }).generate();
}

test("a user sets up an authenticator app, then signs in with a code and with a recovery code", async ({ page }) => {
  test.slow(); // enrolment and three sign-ins
  const user = await createThrowawayUser("viewer");
  await signIn(page, user.email);
  await expect(page).toHaveURL(/\/queue$/);
  await page.getByRole("link", { name: "Security", exact: true }).click();
  await expect(page).toHaveURL(/\/settings\/security$/);
  await expect(page.getByAltText("QR code for your authenticator app")).toBeVisible();
  const secret = (await page.getByTestId("totp-secret").textContent())!.trim();

  await page.getByLabel("Code from the app").fill(currentCode(secret));
  await page.getByLabel("Your password").fill(PASSWORD);
  await page.getByRole("button", { name: "Turn on second factor" }).click();
  const codes = page.getByTestId("recovery-codes").locator("li");
  await expect(codes).toHaveCount(10);
  const recoveryCode = (await codes.first().textContent())!.trim();
  const stored = await db.user.findUniqueOrThrow({ where: { id: user.id }, omit: { totpSecretEncrypted: false } });
  expect(stored.totpEnabledAt).not.toBeNull();
  expect(stored.totpSecretEncrypted).not.toContain(secret);
  expect(await db.recoveryCode.count({ where: { userId: user.id, codeHash: recoveryCode } })).toBe(0);

  // Sign-in: the password alone asks for the code; a wrong code is refused; the right one gets in.
  await page.context().clearCookies({ name: "next-auth.session-token" });
  await signIn(page, user.email);
  await expect(alertIn(page)).toHaveText(/^Code required/);
  await page.getByLabel("Authentication code").fill("abcde-fghij");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(alertIn(page)).toHaveText(/^Wrong code/);
  await page.getByLabel("Authentication code").fill(currentCode(secret));
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/queue$/);

  // A recovery code works once.
  await page.context().clearCookies({ name: "next-auth.session-token" });
  await signIn(page, user.email);
  await page.getByLabel("Authentication code").fill(recoveryCode);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/queue$/);
  expect(await db.recoveryCode.count({ where: { userId: user.id, usedAt: { not: null } } })).toBe(1);
  const signIns = await db.auditEvent.findMany({ where: { action: "auth.signed_in", targetId: user.id }, orderBy: { id: "asc" } });
  expect(signIns.map((e) => (e.after as { secondFactor?: string }).secondFactor ?? null)).toEqual([null, "totp", "recovery_code"]);
  expect(await db.auditEvent.count({ where: { action: "auth.totp_enabled", targetId: user.id } })).toBe(1);
});

test("a role that requires a second factor sends its users to set one up", async ({ page }) => {
  const user = await createThrowawayUser("reviewer");
  const admin = await db.user.findFirstOrThrow({ where: { role: "admin" } });
  await setTotpRequiredRoles({ kind: "user", id: admin.id, email: admin.email }, ["reviewer"]);
  try {
    await signIn(page, user.email);
    await expect(page).toHaveURL(/\/settings\/security$/);
    await expect(page.getByRole("status")).toContainText("Your role (reviewer) requires a second factor");
    await page.goto("/queue");
    await expect(page).toHaveURL(/\/settings\/security$/);
  } finally {
    await setTotpRequiredRoles({ kind: "user", id: admin.id, email: admin.email }, []);
  }
});

test("pages carry a Content-Security-Policy with a nonce and load without violations", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content.Security.Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  const login = await page.goto("/login");
  const csp = login!.headers()["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(login!.headers()["x-content-type-options"]).toBe("nosniff");
  expect(login!.headers()["referrer-policy"]).toBe("same-origin");

  const user = await createThrowawayUser("admin");
  await signIn(page, user.email);
  await expect(page).toHaveURL(/\/queue$/);
  // The security settings page stands outside the console layout (no menu): visited first.
  for (const path of ["/settings/security", "/dashboards", "/verifications", "/admin/users", "/admin/audit"]) {
    await page.goto(path);
    await expect(page.locator("main").first()).toBeVisible();
  }
  // The theme toggle and a client-side navigation work: scripts ran.
  await page.getByRole("link", { name: "Queue" }).first().click();
  await expect(page).toHaveURL(/\/queue$/);
  expect(violations).toEqual([]);
});

test("the audit page says the hash chain is intact", async ({ page }) => {
  const user = await createThrowawayUser("admin");
  await signIn(page, user.email);
  await expect(page).toHaveURL(/\/queue$/);
  await page.goto("/admin/audit");
  await expect(page.getByTestId("audit-chain")).toContainText(/Hash chain intact up to event #\d+/);
});
