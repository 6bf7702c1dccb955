import { randomUUID } from "node:crypto";
import { createApiKey } from "@/lib/api-keys/manage-api-keys";
import { db } from "@/lib/db";
import { createSampleImage } from "@/lib/sandbox/sample-media";
import { expect, signInAs, test } from "./support/fixtures";

// Every vendor points at the sandbox playwright.config.ts starts (global-setup.ts), as after a first
// `npm start`: the worker calls it over HTTP, and its answers must never pass for a real vendor's.

test("sandbox answers are marked on the verification, case and compare pages, and the first page says every vendor is a sandbox", async ({ page, request }) => {
  const { key } = await createApiKey({ kind: "system", label: "e2e" }, { name: `e2e-sbx-${randomUUID().slice(0, 8)}`, role: "operator" });
  const reference = `e2e-sbx-${randomUUID().slice(0, 8)}`;
  const selfie = await createSampleImage({ scenario: "pass", seed: parseInt(reference.slice(-6), 16), width: 640, height: 480 });
  const created = await request.post("/api/v1/verifications", {
    headers: { Authorization: `Bearer ${key}` },
    multipart: { checkType: "liveness_selfie", vendors: "kairos,biometric_kz", reference, manualReview: "true", selfie: { name: "selfie.jpg", mimeType: "image/jpeg", buffer: selfie } },
  });
  expect(created.status()).toBe(202);
  const { id } = (await created.json()) as { id: string };
  await expect
    .poll(async () => (await (await request.get(`/api/v1/verifications/${id}`, { headers: { Authorization: `Bearer ${key}` } })).json()).status, { timeout: 30_000 })
    .toBe("completed");
  const done = await (await request.get(`/api/v1/verifications/${id}`, { headers: { Authorization: `Bearer ${key}` } })).json();
  expect(done.runs.map((r: { vendor: string; sandbox: boolean }) => [r.vendor, r.sandbox])).toEqual([["biometric_kz", true], ["kairos", true]]);

  // The first page after sign-in.
  await signInAs(page, "admin");
  const notice = page.getByTestId("sandbox-vendors-notice");
  await expect(notice).toContainText("Every enabled vendor still points at a built-in sandbox");
  await expect(notice).toContainText("Kairos");
  await notice.getByRole("link", { name: "Admin → Vendors" }).click();
  await expect(page).toHaveURL(/\/admin\/vendors$/);
  await expect(page.getByTestId("vendor-sandbox-kairos")).toHaveText("Built-in sandbox");

  await page.goto(`/verifications/${id}`);
  await expect(page.getByTestId("sandbox-answers-notice")).toContainText("answered by a built-in vendor sandbox");
  for (const vendor of ["kairos", "biometric_kz"]) {
    await expect(page.getByTestId(`vendor-group-${vendor}`).getByTestId("vendor-run").first().getByTestId("sandbox-badge")).toHaveText("Sandbox answer · test answer — not a real vendor");
  }

  const reviewCase = await db.reviewCase.findFirstOrThrow({ where: { verificationId: id } });
  await page.goto(`/cases/${reviewCase.id}`);
  await expect(page.getByTestId("sandbox-answers-notice")).toBeVisible();
  await expect(page.getByTestId("scores-kairos").getByTestId("sandbox-badge")).toBeVisible();
  await expect(page.getByTestId("vendor-run").first().getByTestId("sandbox-badge")).toContainText("Sandbox answer");

  await page.goto(`/compare/${id}`);
  await expect(page.getByTestId("sandbox-answers-notice")).toBeVisible();
  await expect(page.getByTestId("compare-table").getByRole("columnheader").getByTestId("sandbox-badge")).toHaveCount(2);

  // The queue row shows it too, next to each vendor's outcome.
  await page.goto(`/queue?reference=${reference}`);
  await expect(page.getByRole("row").filter({ hasText: reference }).getByTestId("sandbox-badge")).toHaveCount(2);
});
