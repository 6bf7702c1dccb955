import { alertIn, expect, signInAs, test } from "./support/fixtures";

// The audit page in the browser: its chain check is bounded (it says how many events it checked
// since the last verified checkpoint, and the last full check), and a day that does not exist is an
// error naming the field, not a filter silently dropped.

test("the audit page checks the chain since the last checkpoint and names a day that does not exist", async ({ page }) => {
  await signInAs(page, "admin");
  await page.goto("/admin/audit");
  const banner = page.getByTestId("audit-chain");
  await expect(banner).toContainText(/Hash chain intact up to event #\d+ \(\d+ events; \d+ checked now since the last verified checkpoint\)/);
  await expect(banner).toContainText(/Last full check|No full check yet/);

  await page.goto("/admin/audit?from=2026-02-30&to=2026-03-01");
  await expect(alertIn(page).filter({ hasText: "From (from): “2026-02-30” is not a calendar day; use YYYY-MM-DD, a date that exists (UTC)." })).toBeVisible();
  await expect(page.getByTestId("audit-date-error")).toBeVisible();

  await page.goto("/admin/audit?from=2026-11-27&to=2026-11-01");
  await expect(alertIn(page).filter({ hasText: "To (to): 2026-11-01 is before From (2026-11-27)." })).toBeVisible();
});
