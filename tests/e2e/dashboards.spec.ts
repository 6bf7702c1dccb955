import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { expect, signInAs, test } from "./support/fixtures";

// The dashboards over a tiny history seeded in a random March of 2011–2019 (no other test writes
// there — the dashboard integration tests use 2001–2009 — so the figures are exactly this test's):
// change the date range, drill down from a bar to the verifications list, export a table as CSV.

const tag = randomUUID().slice(0, 8);
const year = 2011 + Math.floor(Math.random() * 9);
const day = (d: number) => `${year}-03-${String(d).padStart(2, "0")}`;

test.beforeAll(async () => {
  const seeds = [
    { at: `${day(10)}T10:00:00Z`, outcome: "pass" as const, reference: `e2e-dash-pass-${tag}` },
    { at: `${day(12)}T15:00:00Z`, outcome: "fail" as const, reference: `e2e-dash-fail-${tag}` },
  ];
  for (const s of seeds) {
    const createdAt = new Date(s.at);
    await db.verification.create({
      data: {
        checkType: "liveness_3angle", source: "ingest", status: "completed", reference: s.reference, createdAt, completedAt: createdAt,
        runs: { create: [{ vendor: "cvs", checkType: "liveness_3angle", status: "completed", outcome: s.outcome, latencyMs: 400, requestedAt: createdAt, finishedAt: createdAt }] },
      },
    });
  }
});

test.afterAll(async () => {
  await db.verification.deleteMany({ where: { reference: { in: [`e2e-dash-pass-${tag}`, `e2e-dash-fail-${tag}`] } } });
});

test("a viewer changes the date range, drills down from a bar and exports the table as CSV", async ({ page }) => {
  await signInAs(page, "viewer");
  await page.goto(`/dashboards?from=${day(10)}&to=${day(10)}&tz=UTC`);
  await expect(page.getByRole("heading", { name: "Dashboards" })).toBeVisible();
  const outcomes = page.getByTestId("panel-outcomes");
  await expect(outcomes.getByRole("table").getByRole("row")).toHaveCount(2); // header + one day

  // Change the date range: the URL carries it, and the empty day in between is shown.
  await page.getByLabel("To", { exact: true }).fill(day(12));
  await expect(page).toHaveURL(new RegExp(`from=${day(10)}&to=${day(12)}`));
  const rows = outcomes.getByRole("table").getByRole("row");
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(1)).toContainText(day(10));
  await expect(rows.nth(1).getByRole("cell").nth(2)).toHaveText("1"); // answers
  await expect(rows.nth(2).getByRole("cell").nth(2)).toHaveText("0");
  await expect(rows.nth(3).getByRole("cell").nth(5)).toHaveText("100.0 %"); // fail rate on the 12th

  // Export: the CSV has the same numbers.
  const download = page.waitForEvent("download");
  await outcomes.getByRole("link", { name: /Export CSV/ }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`verdict-rates-${day(10)}-to-${day(12)}.csv`);
  const chunks: Buffer[] = [];
  for await (const chunk of await file.createReadStream()) chunks.push(Buffer.from(chunk as Uint8Array));
  const csv = Buffer.concat(chunks).toString("utf8").trimEnd().split("\r\n");
  expect(csv[0]).toBe("bucket,time_zone,verifications,answers,pass,fail,review,error,pending,pass_rate,fail_rate,review_rate,error_rate");
  expect(csv.slice(1)).toEqual([`${day(10)},UTC,1,1,1,0,0,0,0,1,0,0,0`, `${day(11)},UTC,0,0,0,0,0,0,0,,,,`, `${day(12)},UTC,1,1,0,1,0,0,0,0,1,0,0`]);

  // Drill down: the red (fail) bar of the 12th opens the list of those verifications.
  await outcomes.locator('path.recharts-rectangle[fill="#f43f5e"]').click();
  await expect(page).toHaveURL(new RegExp(`/verifications\\?outcome=fail&from=${day(12)}&to=${day(12)}`));
  await expect(page.getByText(`e2e-dash-fail-${tag}`)).toBeVisible();
  await expect(page.getByText(`e2e-dash-pass-${tag}`)).toHaveCount(0);
});
