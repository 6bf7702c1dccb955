import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { expect, signInAs, test } from "./support/fixtures";

// Forms call their server actions through one hook (useServerAction): the action's zod validation
// names the fields, and each message stands beside its input, which points at it with
// aria-describedby and is marked aria-invalid; the form saves nothing.

test("a new decision reason with a bad code and a short label shows each error beside its field", async ({ page }) => {
  const label = `x${randomUUID().slice(0, 1)}`;
  await signInAs(page, "admin");
  await page.goto("/admin/decision-reasons");
  const form = page.getByRole("form", { name: "New reason" });
  const code = form.getByLabel("Code");
  const labelField = form.getByLabel("Label");
  await code.fill("Not A Code!");
  await labelField.fill(label);
  await form.getByLabel("approve").check();
  await form.getByRole("button", { name: "Add reason" }).click();

  await expect(code).toHaveAttribute("aria-invalid", "true");
  await expect(code).toHaveAccessibleDescription("2–60 lowercase letters, digits or underscores.");
  await expect(labelField).toHaveAttribute("aria-invalid", "true");
  await expect(labelField).toHaveAccessibleDescription("At least 3 characters.");
  // Every error stands beside its field: no general "Some fields need attention." repeats them.
  await expect(form.getByRole("alert")).toHaveCount(2);
  expect(await db.decisionReason.count({ where: { label } })).toBe(0);

  // Corrected, the same form saves and the errors go.
  const good = `e2e_fe_${randomUUID().slice(0, 6)}`;
  await code.fill(good);
  await labelField.fill("Checked by the field-error test");
  await form.getByRole("button", { name: "Add reason" }).click();
  await expect.poll(async () => (await db.decisionReason.findUnique({ where: { code: good } }))?.kinds).toEqual(["approve"]);
  await expect(form.getByRole("alert")).toHaveCount(0);
  await expect(code).toHaveAttribute("aria-invalid", "false");
});

test("a legal hold without a reason says so beside the reason, in the form the face blocklist shares", async ({ page }) => {
  const reference = `e2e-fe-${randomUUID().slice(0, 8)}`;
  await signInAs(page, "admin");
  await page.goto("/admin/retention");
  const form = page.getByRole("form", { name: "Place a legal hold on this reference" });
  await form.getByLabel("Reference").fill(reference);
  await form.getByRole("button", { name: "Place legal hold" }).click();

  const reason = form.getByLabel("Reason for the hold");
  await expect(reason).toHaveAttribute("aria-invalid", "true");
  const message = form.getByRole("alert");
  await expect(message).toHaveCount(1);
  await expect(reason).toHaveAccessibleDescription((await message.textContent()) ?? "");
  await expect(form.getByLabel("Reference")).toHaveAttribute("aria-invalid", "false");
  expect(await db.legalHold.count({ where: { reference } })).toBe(0);
});
