import { db } from "@/lib/db";
import { alertIn, createThrowawayUser, expect, signInAs, test } from "./support/fixtures";
import { serverActionId } from "./support/server-actions";

test("a viewer cannot open the admin pages", async ({ page }) => {
  await signInAs(page, "viewer");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" })).toHaveCount(0);
  for (const path of ["/admin", "/admin/users", "/admin/audit"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(403);
    await expect(page).toHaveURL(new RegExp(`${path}$`));
    await expect(page.getByRole("heading", { level: 1 })).toContainText("does not give access");
  }
  // The old address of the page answers 403 too, and the shell stays around it.
  expect((await page.goto("/forbidden"))?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("does not give access");
  await expect(page.getByTestId("current-user")).toBeVisible();
});

test("a viewer calling the change-role action directly over HTTP changes nothing", async ({ page }) => {
  const target = await createThrowawayUser("viewer");
  await signInAs(page, "viewer");
  const actionId = serverActionId("changeRoleAction", "admin/users/actions.ts");
  const response = await page.request.post("/admin/users", {
    headers: { "Next-Action": actionId, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
    data: JSON.stringify([{ userId: target.id, role: "admin" }]),
  });
  expect(await response.text()).toContain("Your role does not allow this.");
  const after = await db.user.findUniqueOrThrow({ where: { id: target.id } });
  expect(after.role).toBe("viewer");
  expect(await db.auditEvent.count({ where: { action: "user.role_changed", targetId: target.id } })).toBe(0);
});

test("a server action posted from another origin is refused and changes nothing", async ({ page }) => {
  const target = await createThrowawayUser("viewer");
  await signInAs(page, "admin");
  const actionId = serverActionId("changeRoleAction", "admin/users/actions.ts");
  const response = await page.request.post("/admin/users", {
    headers: {
      "Next-Action": actionId,
      "Content-Type": "text/plain;charset=UTF-8",
      Origin: "https://attacker.example",
    },
    data: JSON.stringify([{ userId: target.id, role: "admin" }]),
  });
  expect(response.ok()).toBe(false);
  expect((await db.user.findUniqueOrThrow({ where: { id: target.id } })).role).toBe("viewer");
});

test("an admin changes a role and the audit log shows who, what and before/after", async ({ page }) => {
  const target = await createThrowawayUser("viewer");
  await signInAs(page, "admin");
  await page.goto("/admin/users");
  const row = page.locator(`tr[data-row-id="${target.id}"]`);
  await row.getByLabel(`Role of ${target.email}`).selectOption("reviewer");
  await expect.poll(async () => (await db.user.findUniqueOrThrow({ where: { id: target.id } })).role).toBe("reviewer");

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" }).click();
  await page.getByRole("link", { name: /Audit log/ }).click();
  await page.getByLabel("Target type").fill("user");
  await page.getByLabel("Action starts with").fill("user.role_changed");
  await page.getByRole("button", { name: "Filter" }).click();
  const event = page.locator("tr", { hasText: target.id });
  await expect(event).toContainText("e2e-admin@verdict.test");
  await expect(event).toContainText("user.role_changed");
  // Readable before → after, not raw JSON.
  await expect(event).toContainText("viewer → reviewer");
});

test("an admin creates a user who can then sign in with the one-time password", async ({ page, browser }) => {
  await signInAs(page, "admin");
  await page.goto("/admin/users");
  const email = `new-${Date.now()}@verdict.test`;
  const form = page.getByRole("region", { name: "Add a user" });
  await form.getByLabel("Email").fill("not-an-email");
  await form.getByRole("button", { name: "Add user" }).click();
  await expect(form.getByText("Enter a valid email address")).toBeVisible();
  expect(await db.user.count({ where: { email: "not-an-email" } })).toBe(0);

  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Role").selectOption("operator");
  await form.getByRole("button", { name: "Add user" }).click();
  const password = await page.getByTestId("one-time-password").textContent();
  expect(password).toMatch(/^[\w]{5}-[\w]{5}-[\w]{5}-[\w]{5}$/);

  const other = await browser.newPage();
  await other.goto("/login");
  await other.getByLabel("Email").fill(email);
  await other.getByLabel("Password").fill(password!);
  await other.getByRole("button", { name: "Sign in" }).click();
  await expect(other.getByTestId("current-user")).toContainText("operator");
  await other.close();
});

test("the last active admin cannot be demoted or disabled", async ({ page }) => {
  const me = await db.user.findUniqueOrThrow({ where: { email: "e2e-admin@verdict.test" } });
  // Other suites may have left admins behind: set them aside so the e2e admin is the last one.
  const others = await db.user.findMany({ where: { role: "admin", disabledAt: null, id: { not: me.id } }, select: { id: true } });
  await db.user.updateMany({ where: { id: { in: others.map((o) => o.id) } }, data: { disabledAt: new Date() } });
  try {
    await signInAs(page, "admin");
    await page.goto("/admin/users");
    const myRow = page.locator(`tr[data-row-id="${me.id}"]`);
    await myRow.getByLabel(`Role of ${me.email}`).selectOption("viewer");
    await expect(alertIn(page)).toContainText("last active admin");
    await myRow.getByRole("button", { name: "Disable" }).click();
    await expect(alertIn(page)).toContainText("last active admin");
    const after = await db.user.findUniqueOrThrow({ where: { id: me.id } });
    expect(after.role).toBe("admin");
    expect(after.disabledAt).toBeNull();
  } finally {
    await db.user.updateMany({ where: { id: { in: others.map((o) => o.id) } }, data: { disabledAt: null } });
  }
});
