import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/audit/record-audit-event";
import { getQualitySamples } from "@/lib/dashboards/get-quality-samples";
import { todayIn } from "@/lib/dashboards/time-buckets";
import { db, disconnectDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { stopBoss } from "@/lib/jobs/boss";
import { decideCase } from "@/lib/review/decide-case";
import { flagVerification } from "@/lib/review/flag-verification";
import { isQualitySampled } from "@/lib/review/quality-sample";
import { getActiveRuleSet, saveRuleSet } from "@/lib/review/review-rule-sets";
import type { ReviewRuleSettings } from "@/lib/review/review-rule-settings";
import type { NormalizedResult, VendorId } from "@/lib/vendors/types";

// QA sampling of automatic passes against PostgreSQL: a configured share of Kairos selfie passes
// opens "quality sample" cases through the same flagging as every finished verification, the same id
// always gets the same answer, and the dashboards count the samples a reviewer overturned.
// Rule sets are global: the file restores the settings it found.

const tag = `qs-${randomUUID().slice(0, 8)}`;
const actor: Actor = { kind: "system", label: tag };
let before: ReviewRuleSettings;
let reviewer: { id: string; email: string; role: "reviewer"; actor: Actor };

beforeAll(async () => {
  before = (await getActiveRuleSet()).settings;
  const u = await db.user.create({ data: { email: `${tag}-rev@verdict.test`, role: "reviewer" } });
  reviewer = { id: u.id, email: u.email, role: "reviewer", actor: { kind: "user", id: u.id, email: u.email } };
});

afterAll(async () => {
  await saveRuleSet(actor, before);
  await stopBoss();
  await disconnectDb();
});

async function useShare(share: number, vendor: VendorId = "kairos") {
  await saveRuleSet(actor, { ...before, quality_sample: { enabled: true, priority: 5, slaMinutes: 7 * 24 * 60, shares: [{ checkType: "liveness_selfie", vendor, share }] } });
}

async function selfiePass(vendor: VendorId = "kairos") {
  const v = await db.verification.create({ data: { checkType: "liveness_selfie", source: "api", status: "completed", reference: `${tag}-${randomUUID().slice(0, 6)}`, completedAt: new Date() } });
  const normalized: NormalizedResult = {
    vendor, checkType: "liveness_selfie", outcome: "pass", vendorVerdict: {}, reasons: [], warnings: [], latencyMs: 5, httpStatus: 200, attempts: [], raw: {}, policyVersion: "builtin-1",
    liveness: { isLive: true, score: 0.99 },
  };
  await db.vendorRun.create({
    data: { verificationId: v.id, vendor, checkType: "liveness_selfie", attempt: 1, status: "completed", outcome: "pass", livenessScore: 0.99, normalized: normalized as unknown as Prisma.InputJsonValue, raw: {}, finishedAt: new Date() },
  });
  return v;
}

describe("QA sampling of automatic passes", () => {
  it("share 1 opens one low-priority quality-sample case for every automatic pass, once", async () => {
    await useShare(1);
    const passes = await Promise.all(Array.from({ length: 5 }, () => selfiePass()));
    for (const v of passes) await flagVerification(v.id);
    for (const v of passes) await flagVerification(v.id); // a retried hook opens nothing more
    const cases = await db.reviewCase.findMany({ where: { verificationId: { in: passes.map((v) => v.id) } } });
    expect(cases).toHaveLength(5);
    for (const c of cases) {
      expect(c).toMatchObject({ rules: ["quality_sample"], priority: 5, status: "open" });
      expect(c.slaDueAt!.getTime() - c.openedAt.getTime()).toBe(7 * 24 * 60 * 60_000);
    }
    expect(await db.auditEvent.count({ where: { action: "case.opened", targetId: { in: cases.map((c) => c.id) } } })).toBe(5);
  });

  it("share 0, or another vendor's share, opens none", async () => {
    await useShare(0);
    const a = await Promise.all(Array.from({ length: 5 }, () => selfiePass()));
    for (const v of a) expect((await flagVerification(v.id)).action).toBe("none");
    await useShare(1, "biometric_kz");
    const b = await selfiePass("kairos");
    expect((await flagVerification(b.id)).action).toBe("none");
    expect(await db.reviewCase.count({ where: { verificationId: { in: [...a, b].map((v) => v.id) } } })).toBe(0);
  });

  it("a share between: the same verification id always gets the same answer, the one the hash gives", async () => {
    await useShare(0.5);
    const passes = await Promise.all(Array.from({ length: 12 }, () => selfiePass()));
    const first = [];
    for (const v of passes) first.push((await flagVerification(v.id)).action === "opened");
    expect(first).toEqual(passes.map((v) => isQualitySampled(v.id, 0.5)));
    // Evaluated again from scratch (the cases removed), each id gets the same answer.
    await db.reviewCase.deleteMany({ where: { verificationId: { in: passes.map((v) => v.id) } } });
    const second = [];
    for (const v of passes) second.push((await flagVerification(v.id)).action === "opened");
    expect(second).toEqual(first);
  });

  it("the dashboards count samples and the ones a reviewer overturned", async () => {
    const today = todayIn("UTC");
    const filters = { from: today, to: today, bucket: "day" as const, tz: "UTC", vendor: "kairos" as const, checkType: "liveness_selfie" as const, includeSandbox: false };
    const baseline = (await getQualitySamples(filters))[0] ?? { sampled: 0, decided: 0, overturned: 0 };
    await useShare(1);
    const passes = await Promise.all(Array.from({ length: 3 }, () => selfiePass()));
    for (const v of passes) await flagVerification(v.id);
    const cases = await db.reviewCase.findMany({ where: { verificationId: { in: passes.map((v) => v.id) } }, orderBy: { id: "asc" } });
    // One overturned (the vendor passed a spoof), one confirmed, one still open.
    await decideCase(reviewer.actor, reviewer, { caseId: cases[0].id, version: cases[0].version, kind: "reject", reasonCode: "spoof_suspected", comment: "A printed photo; the vendor passed it." });
    await decideCase(reviewer.actor, reviewer, { caseId: cases[1].id, version: cases[1].version, kind: "approve", reasonCode: "live_person_confirmed", comment: null });
    const [row] = await getQualitySamples(filters);
    expect(row).toMatchObject({ checkType: "liveness_selfie", vendor: "kairos", sampled: baseline.sampled + 3, decided: baseline.decided + 2, overturned: baseline.overturned + 1 });
    expect(row.missRate.rate).toBeCloseTo((baseline.overturned + 1) / (baseline.decided + 2));
    expect(await getQualitySamples({ ...filters, vendor: "biometric_kz" })).toEqual([]);
  });
});
