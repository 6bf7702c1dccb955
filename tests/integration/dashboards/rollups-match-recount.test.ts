import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import { compactRollups, findRollupDifferences, recomputeRollups } from "@/lib/dashboards/rollups";

// The trigger-maintained rollups must equal a raw recount whatever writes the tables: inserts,
// reruns (a later attempt replaces the earlier answer), status changes, cases opened and decided,
// decisions, moves and deletes. dash_rollup_differences() compares every rollup with its recount.

const tag = randomUUID().slice(0, 8);
let reviewerId: string;

async function expectExact() {
  const differences = await findRollupDifferences();
  expect(differences.filter((d) => d.differingKeys !== 0)).toEqual([]);
  // 8 rollups; the 6 time series also kept per UTC day and per 3-hour block.
  expect(differences.length).toBe(20);
}

beforeAll(async () => {
  const reviewer = await db.user.create({ data: { email: `rollup-reviewer-${tag}@verdict.test`, role: "reviewer" } });
  reviewerId = reviewer.id;
});
afterAll(() => disconnectDb());

describe("dashboard rollups stay equal to a raw recount", () => {
  it("after verifications and vendor runs are inserted and finished", async () => {
    const v = await db.verification.create({ data: { checkType: "face_match", source: "api", reference: `rollup-${tag}` } });
    await db.vendorRun.createMany({
      data: [
        { verificationId: v.id, vendor: "cvs", checkType: "face_match" },
        { verificationId: v.id, vendor: "fpt", checkType: "face_match" },
      ],
    });
    await expectExact();
    await db.vendorRun.updateMany({ where: { verificationId: v.id }, data: { status: "running", startedAt: new Date() } });
    await db.vendorRun.updateMany({
      where: { verificationId: v.id, vendor: "cvs" },
      data: {
        status: "failed", outcome: "error", latencyMs: 30_000, finishedAt: new Date(),
        attempts: [{ attempt: 1, networkError: "timeout" }, { attempt: 2, networkError: "timeout" }],
        normalized: { outcome: "error", reasons: [{ code: "timeout" }, { code: "vendor_unavailable" }, { code: "timeout" }] },
      },
    });
    await db.vendorRun.updateMany({ where: { verificationId: v.id, vendor: "fpt" }, data: { status: "completed", outcome: "pass", latencyMs: 420, finishedAt: new Date(), attempts: [{ attempt: 1, networkError: null }] } });
    await expectExact();
    await compactRollups();
    await expectExact();
  });

  it("after reruns, including concurrent ones of the same vendor", async () => {
    const v = await db.verification.create({ data: { checkType: "liveness_selfie", source: "upload" } });
    await db.vendorRun.create({ data: { verificationId: v.id, vendor: "kairos", checkType: "liveness_selfie", status: "completed", outcome: "fail", latencyMs: 80 } });
    await db.vendorRun.create({ data: { verificationId: v.id, vendor: "kairos", checkType: "liveness_selfie", attempt: 2, rerunReason: "test" } });
    await expectExact();
    await db.vendorRun.updateMany({ where: { verificationId: v.id, attempt: 2 }, data: { status: "completed", outcome: "pass", latencyMs: 95 } });
    await expectExact();
    // Several reruns of the same (verification, vendor) committed at once from separate transactions.
    await Promise.all(
      [3, 4, 5, 6].map((attempt) =>
        db.$transaction(async (tx) => {
          await tx.vendorRun.create({ data: { verificationId: v.id, vendor: "kairos", checkType: "liveness_selfie", attempt, status: "completed", outcome: attempt % 2 ? "review" : "pass", latencyMs: attempt * 10 } });
        }),
      ),
    );
    await expectExact();
    // An older attempt inserted late changes nothing about the latest answer; deleting the latest does.
    await db.vendorRun.create({ data: { verificationId: v.id, vendor: "biometric_kz", checkType: "liveness_selfie", attempt: 2, status: "completed", outcome: "pass", latencyMs: 10 } });
    await db.vendorRun.create({ data: { verificationId: v.id, vendor: "biometric_kz", checkType: "liveness_selfie", attempt: 1, status: "completed", outcome: "error", latencyMs: 10 } });
    await expectExact();
    await db.vendorRun.deleteMany({ where: { verificationId: v.id, vendor: "kairos", attempt: 6 } });
    await expectExact();
  });

  it("after cases are opened, claimed, decided, re-opened and their decisions recorded", async () => {
    const v = await db.verification.create({ data: { checkType: "face_match", source: "ingest" } });
    await db.vendorRun.create({ data: { verificationId: v.id, vendor: "cvs", checkType: "face_match", status: "completed", outcome: "review", latencyMs: 300 } });
    const opened = new Date(Date.now() - 5 * 3600_000);
    const c = await db.reviewCase.create({
      data: { verificationId: v.id, rules: ["vendor_review", "score_in_band"], checkType: "face_match", openedAt: opened, slaDueAt: new Date(opened.getTime() + 3600_000) },
    });
    await expectExact();
    await db.reviewCase.update({ where: { id: c.id }, data: { assigneeId: reviewerId, assignedAt: new Date(), version: { increment: 1 } } });
    await db.decision.create({ data: { caseId: c.id, kind: "approve", reasonCode: "other", decidedById: reviewerId, overridesVendor: true } });
    await db.reviewCase.update({ where: { id: c.id }, data: { status: "decided", decision: "approve", decidedAt: new Date(), version: { increment: 1 } } });
    await expectExact();
    await db.reviewCase.update({ where: { id: c.id }, data: { status: "escalated", decision: null, decidedAt: null, rules: ["vendor_review"] } });
    await db.decision.create({ data: { caseId: c.id, kind: "escalate", reasonCode: "other", decidedById: reviewerId } });
    await db.decision.updateMany({ where: { caseId: c.id, kind: "escalate" }, data: { overridesVendor: true } });
    await expectExact();
    // A case moved to another check type takes its decisions along.
    await db.reviewCase.update({ where: { id: c.id }, data: { checkType: "liveness_selfie" } });
    await expectExact();
    await compactRollups();
    await db.decision.deleteMany({ where: { caseId: c.id, kind: "escalate" } });
    await expectExact();
    await db.reviewCase.delete({ where: { id: c.id } });
    await expectExact();
  });

  it("after a verification moves or is deleted with its whole tree", async () => {
    const v = await db.verification.create({ data: { checkType: "liveness_video", source: "api" } });
    await db.vendorRun.create({ data: { verificationId: v.id, vendor: "fpt", checkType: "liveness_video", status: "completed", outcome: "pass", latencyMs: 1200 } });
    const c = await db.reviewCase.create({ data: { verificationId: v.id, rules: ["manual_review"], checkType: "liveness_video", slaDueAt: new Date(Date.now() + 3600_000) } });
    await db.decision.create({ data: { caseId: c.id, kind: "reject", reasonCode: "other", decidedById: reviewerId } });
    await expectExact();
    await db.verification.update({ where: { id: v.id }, data: { source: "upload", createdAt: new Date(Date.now() - 40 * 86_400_000) } });
    await expectExact();
    await db.verification.update({ where: { id: v.id }, data: { status: "completed", completedAt: new Date() } });
    await expectExact();
    await db.verification.delete({ where: { id: v.id } });
    await expectExact();
  });

  it("recomputeRollups rebuilds the same figures", async () => {
    await compactRollups();
    const before = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "dash_vendor_runs" WHERE "runs" <> 0`;
    await recomputeRollups();
    await expectExact();
    const after = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "dash_vendor_runs"`;
    expect(after[0]?.n).toBe(before[0]?.n);
  });
});

// Every rollup trigger calls these about 100 times per verification: they must give the UTC hour and
// the number of timed-out attempts, and stay inlinable (a body that is not one expression as immutable
// as the function runs as a query of its own at each call).
describe("the rollups' helper functions", () => {
  it("dash_hour is the UTC hour, dash_timeouts counts attempt objects that timed out", async () => {
    const hours = await db.$queryRaw<{ differing: bigint }[]>`
      SELECT count(*) AS differing FROM generate_series(TIMESTAMPTZ '1999-12-31 22:59:59.999+05:30', TIMESTAMPTZ '2031-03-30 03:00:00+02', INTERVAL '7 hours 13 minutes 0.7 seconds') AS t
      WHERE dash_hour(t) <> date_trunc('hour', t, 'UTC')`;
    expect(hours[0]?.differing).toBe(0n);
    const cases: [string, number][] = [
      ["[]", 0],
      ["null", 0],
      ['{"networkError": "timeout"}', 0],
      ['[{"networkError": "timeout"}, {"networkError": "reset"}, {}, {"networkError": "timeout"}]', 2],
      ['[[{"networkError": "timeout"}], "timeout", 1, null, {"networkError": ["timeout"]}, {"networkError": "Timeout"}, {"x": {"networkError": "timeout"}}]', 0],
    ];
    for (const [attempts, timeouts] of cases) {
      const rows = await db.$queryRaw<{ n: number }[]>`SELECT dash_timeouts(${attempts}::jsonb) AS n`;
      expect({ attempts, n: rows[0]?.n }).toEqual({ attempts, n: timeouts });
    }
  });

  it("are inlined into the trigger's query", async () => {
    const plan = await db.$queryRaw<{ "QUERY PLAN": string }[]>`
      EXPLAIN VERBOSE SELECT dash_hour(r."requestedAt"), dash_timeouts(r."attempts") FROM "VendorRun" r`;
    const text = plan.map((row) => row["QUERY PLAN"]).join("\n");
    expect(text).toContain("date_bin");
    expect(text).toContain("jsonb_path_query_array");
    expect(text).not.toContain("dash_hour");
    expect(text).not.toContain("dash_timeouts");
  });
});
