import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import { parseDashboardFilters, type DashboardFilters } from "@/lib/dashboards/dashboard-filters";
import { dashboardCsv } from "@/lib/dashboards/dashboard-csv";
import { getOutcomeRates } from "@/lib/dashboards/get-outcome-rates";
import { getQueueHealth } from "@/lib/dashboards/get-queue-health";
import { getVendorHealth } from "@/lib/dashboards/get-vendor-health";
import { binLowerEdge, binUpperEdge } from "@/lib/dashboards/histogram";
import { compactRollups } from "@/lib/dashboards/rollups";

// Dashboard figures against a small hand-computed history. It lives in a random March of the 2000s,
// a window no other test writes to, so the date filter isolates it on the shared database.

const tag = randomUUID().slice(0, 8);
const year = 2001 + Math.floor(Math.random() * 9);
const at = (iso: string) => new Date(`${year}-${iso}Z`);
const day = (md: string) => `${year}-${md}`;
let reviewerId: string;

function filters(params: Record<string, string>): DashboardFilters {
  return parseDashboardFilters({ from: day("03-10"), to: day("03-13"), ...params });
}

beforeAll(async () => {
  reviewerId = (await db.user.create({ data: { email: `dash-${tag}@verdict.test`, name: `Dash ${tag}`, role: "reviewer" } })).id;
  // V1 (face_match, api) 10 Mar 22:30 UTC: CVS errored (two timeouts), then passed on a rerun; FPT passed.
  const v1 = await db.verification.create({ data: { checkType: "face_match", source: "api", createdAt: at("03-10T22:30:00") } });
  await db.vendorRun.createMany({
    data: [
      {
        verificationId: v1.id, vendor: "cvs", checkType: "face_match", attempt: 1, status: "failed", outcome: "error", latencyMs: 30_000, requestedAt: at("03-10T22:30:01"),
        attempts: [{ attempt: 1, networkError: "timeout" }, { attempt: 2, networkError: "timeout" }], normalized: { reasons: [{ code: "timeout" }] },
      },
      { verificationId: v1.id, vendor: "fpt", checkType: "face_match", status: "completed", outcome: "pass", latencyMs: 200, requestedAt: at("03-10T22:30:01"), attempts: [{ attempt: 1, networkError: null }] },
    ],
  });
  await db.vendorRun.create({ data: { verificationId: v1.id, vendor: "cvs", checkType: "face_match", attempt: 2, status: "completed", outcome: "pass", latencyMs: 100, requestedAt: at("03-11T09:00:00") } });
  // V2 (liveness_selfie, upload) 11 Mar 01:15 UTC: Kairos failed; a case opened, decided after its SLA by our reviewer.
  const v2 = await db.verification.create({ data: { checkType: "liveness_selfie", source: "upload", createdAt: at("03-11T01:15:00") } });
  await db.vendorRun.create({ data: { verificationId: v2.id, vendor: "kairos", checkType: "liveness_selfie", status: "completed", outcome: "fail", latencyMs: 400, requestedAt: at("03-11T01:15:01") } });
  const c2 = await db.reviewCase.create({ data: { verificationId: v2.id, rules: ["vendor_review"], checkType: "liveness_selfie", openedAt: at("03-11T02:00:00"), slaDueAt: at("03-11T06:00:00") } });
  await db.decision.create({ data: { caseId: c2.id, kind: "approve", reasonCode: "other", decidedById: reviewerId, overridesVendor: true, createdAt: at("03-11T08:00:00") } });
  await db.reviewCase.update({ where: { id: c2.id }, data: { status: "decided", decision: "approve", decidedAt: at("03-11T08:00:00") } });
  // V3 (face_match, api) 13 Mar 12:00 UTC: CVS review; its case rejected by our reviewer 30 minutes later, within the SLA.
  const v3 = await db.verification.create({ data: { checkType: "face_match", source: "api", createdAt: at("03-13T12:00:00") } });
  await db.vendorRun.create({ data: { verificationId: v3.id, vendor: "cvs", checkType: "face_match", status: "completed", outcome: "review", latencyMs: 800, requestedAt: at("03-13T12:00:01") } });
  const c3 = await db.reviewCase.create({ data: { verificationId: v3.id, rules: ["score_in_band"], checkType: "face_match", openedAt: at("03-13T12:10:00"), slaDueAt: at("03-14T12:10:00") } });
  await db.decision.create({ data: { caseId: c3.id, kind: "reject", reasonCode: "other", decidedById: reviewerId, createdAt: at("03-13T12:40:00") } });
  await db.reviewCase.update({ where: { id: c3.id }, data: { status: "decided", decision: "reject", decidedAt: at("03-13T12:40:00") } });
  await compactRollups();
});
afterAll(() => disconnectDb());

describe("outcome rates", () => {
  it("counts each vendor's latest answer per UTC day, with an empty day in between", async () => {
    const report = await getOutcomeRates(filters({ tz: "UTC" }));
    expect(report.buckets.map((b) => [b.bucket, b.verifications, b.answers, b.pass, b.fail, b.review, b.error])).toEqual([
      [day("03-10"), 1, 2, 2, 0, 0, 0],
      [day("03-11"), 1, 1, 0, 1, 0, 0],
      [day("03-12"), 0, 0, 0, 0, 0, 0],
      [day("03-13"), 1, 1, 0, 0, 1, 0],
    ]);
    expect(report.buckets[2]?.passRate).toBeNull();
    expect(report.totals).toMatchObject({ verifications: 3, answers: 4, pass: 2, fail: 1, review: 1, error: 0, passRate: 0.5 });
    expect(report.byVendorAndCheckType.map((g) => [g.vendor, g.checkType, g.answers, g.pass, g.review, g.fail])).toEqual([
      ["cvs", "face_match", 2, 1, 1, 0],
      ["fpt", "face_match", 1, 1, 0, 0],
      ["kairos", "liveness_selfie", 1, 0, 0, 1],
    ]);
    expect(report.passRateByVendor.find((p) => p.bucket === day("03-10"))).toEqual({ bucket: day("03-10"), cvs: 1, fpt: 1, kairos: null });
  });

  it("re-buckets by the viewer's time zone", async () => {
    const tokyo = await getOutcomeRates(filters({ tz: "Asia/Tokyo" }));
    // V1 is 11 Mar 07:30 and V2 11 Mar 10:15 in Tokyo; V3 13 Mar 21:00.
    expect(tokyo.buckets.map((b) => [b.bucket, b.answers])).toEqual([
      [day("03-10"), 0],
      [day("03-11"), 3],
      [day("03-12"), 0],
      [day("03-13"), 1],
    ]);
    const newYork = await getOutcomeRates(filters({ tz: "America/New_York" }));
    // Both V1 (17:30) and V2 (20:15) fall on 10 Mar in New York (UTC−5 in early March).
    expect(newYork.buckets.map((b) => [b.bucket, b.answers, b.verifications])).toEqual([
      [day("03-10"), 3, 2],
      [day("03-11"), 0, 0],
      [day("03-12"), 0, 0],
      [day("03-13"), 1, 1],
    ]);
  });

  it("buckets by week and month, and applies vendor, check type and source filters", async () => {
    const weekly = await getOutcomeRates(filters({ bucket: "week" }));
    expect(weekly.buckets.map((b) => b.answers).reduce((a, b) => a + b, 0)).toBe(4);
    expect(weekly.buckets.every((b) => new Date(`${b.bucket}T00:00:00Z`).getUTCDay() === 1)).toBe(true);
    const monthly = await getOutcomeRates(filters({ bucket: "month" }));
    expect(monthly.buckets.map((b) => [b.bucket, b.answers])).toEqual([[day("03-01"), 4]]);
    const cvs = await getOutcomeRates(filters({ vendor: "cvs" }));
    expect(cvs.totals).toMatchObject({ answers: 2, pass: 1, review: 1 });
    const upload = await getOutcomeRates(filters({ source: "upload" }));
    expect(upload.totals).toMatchObject({ answers: 1, fail: 1, verifications: 1 });
    const selfie = await getOutcomeRates(filters({ checkType: "liveness_selfie", source: "api" }));
    expect(selfie.totals).toMatchObject({ answers: 0, verifications: 0 });
  });
});

describe("vendor health", () => {
  it("counts every run, its timeouts, retries and error codes, with latency percentiles from the bins", async () => {
    const report = await getVendorHealth(filters({ tz: "UTC" }));
    const cvs = report.byVendor.find((v) => v.vendor === "cvs");
    expect(cvs).toMatchObject({ runs: 3, finished: 3, errors: 1, timeouts: 2, retries: 1 });
    expect(cvs?.errorRate).toBeCloseTo(1 / 3);
    expect(cvs?.meanMs).toBeCloseTo((30_000 + 100 + 800) / 3);
    // Median of 100, 800, 30000 is 800: bin 19 = [2^9.5, 2^10).
    expect(cvs?.p50Ms).toBeGreaterThanOrEqual(binLowerEdge(19));
    expect(cvs?.p50Ms).toBeLessThan(binUpperEdge(19));
    expect(report.errorCodes).toEqual([{ vendor: "cvs", code: "timeout", count: 1, rate: 1 / 3 }]);
    expect(report.buckets.map((b) => [b.bucket, b.runs])).toEqual([
      [day("03-10"), 2],
      [day("03-11"), 2],
      [day("03-12"), 0],
      [day("03-13"), 1],
    ]);
    expect(report.buckets[2]?.p95Ms).toBeNull();
  });
});

describe("review queue health", () => {
  it("gives time to decision, late decisions and reviewer throughput with the override rate", async () => {
    const report = await getQueueHealth(filters({ tz: "UTC" }));
    expect(report.flow.map((f) => [f.bucket, f.opened, f.decided, f.breached])).toEqual([
      [day("03-10"), 0, 0, 0],
      [day("03-11"), 1, 1, 1],
      [day("03-12"), 0, 0, 0],
      [day("03-13"), 1, 1, 0],
    ]);
    // 360 and 30 minutes: their mean is exact, the median lies in the bin of one of them.
    expect(report.flowTotals.ttdMeanMinutes).toBeCloseTo(195);
    expect(report.flow[1]?.ttdP50Minutes).toBeGreaterThanOrEqual(binLowerEdge(16)); // 360 min: bin 16 = [256, 362)
    expect(report.flow[1]?.ttdP50Minutes).toBeLessThan(binUpperEdge(16));
    const mine = report.reviewers.find((r) => r.reviewerId === reviewerId);
    expect(mine).toMatchObject({ reviewer: `Dash ${tag} (dash-${tag}@verdict.test)`, decisions: 2, approve: 1, reject: 1, escalate: 0, overrides: 1, overrideRate: 0.5 });
  });

  it("counts open cases by rule and age, and those past their SLA now", async () => {
    const now = new Date();
    const before = await getQueueHealth(filters({ source: "ingest", checkType: "liveness_3angle" }), now);
    const v = await db.verification.create({ data: { checkType: "liveness_3angle", source: "ingest" } });
    const hoursAgo = (h: number) => new Date(now.getTime() - h * 3600_000);
    await db.reviewCase.createMany({
      data: [
        { verificationId: v.id, rules: ["vendor_disagreement", "vendor_error_triage"], checkType: "liveness_3angle", openedAt: hoursAgo(50), slaDueAt: hoursAgo(26), status: "escalated" },
      ],
    });
    const v2 = await db.verification.create({ data: { checkType: "liveness_3angle", source: "ingest" } });
    await db.reviewCase.create({ data: { verificationId: v2.id, rules: ["vendor_disagreement"], checkType: "liveness_3angle", openedAt: hoursAgo(200), slaDueAt: new Date(now.getTime() - 1000) } });
    const after = await getQueueHealth(filters({ source: "ingest", checkType: "liveness_3angle" }), now);
    expect(after.open.total - before.open.total).toBe(2);
    expect(after.open.breachedNow - before.open.breachedNow).toBe(2);
    const rule = (r: typeof after, name: string) => r.open.byRule.find((x) => x.rule === name) ?? { lt3d: 0, older: 0, total: 0 };
    expect(rule(after, "vendor_disagreement").lt3d - rule(before, "vendor_disagreement").lt3d).toBe(1);
    expect(rule(after, "vendor_disagreement").older - rule(before, "vendor_disagreement").older).toBe(1);
    expect(rule(after, "vendor_error_triage").total - rule(before, "vendor_error_triage").total).toBe(1);
  });
});

describe("CSV export", () => {
  it("writes the table a dashboard shows", async () => {
    const f = filters({ tz: "UTC" });
    const { csv, filename } = dashboardCsv("rates", { rates: await getOutcomeRates(f) }, f);
    expect(filename).toBe(`verdict-rates-${day("03-10")}-to-${day("03-13")}.csv`);
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe("bucket,time_zone,verifications,answers,pass,fail,review,error,pending,pass_rate,fail_rate,review_rate,error_rate");
    expect(lines[1]).toBe(`${day("03-10")},UTC,1,2,2,0,0,0,0,1,0,0,0`);
    expect(lines[3]).toBe(`${day("03-12")},UTC,0,0,0,0,0,0,0,,,,`);
  });
});
