import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/audit/record-audit-event";
import { db, disconnectDb } from "@/lib/db";
import { ConflictError, ForbiddenError, ValidationError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { stopBoss } from "@/lib/jobs/boss";
import { assignCases, claimNextCase } from "@/lib/review/assign-cases";
import { addCaseComment } from "@/lib/review/case-comments";
import { confirmDecision, decideCase, reopenCase, type Reviewer } from "@/lib/review/decide-case";
import { findCases } from "@/lib/review/find-cases";
import { requestManualReview } from "@/lib/review/request-manual-review";
import { onVerificationFinished } from "@/lib/verifications/on-verification-finished";
import type { CheckType, NormalizedResult, Outcome, VendorId } from "@/lib/vendors/types";

// The review workflow against PostgreSQL: flagging from the verification hook, claim-next under
// concurrency, optimistic concurrency of decisions, four eyes. Rows are this file's own (tag).
afterAll(async () => {
  await stopBoss();
  await disconnectDb();
});

const tag = `rc-${randomUUID().slice(0, 8)}`;
const json = (v: unknown) => JSON.parse(JSON.stringify(v)) as Prisma.InputJsonValue;

async function newUser(role: Role, name: string): Promise<Reviewer & { actor: Actor }> {
  const u = await db.user.create({ data: { email: `${tag}-${name}@verdict.test`, role } });
  return { id: u.id, email: u.email, role: u.role, actor: { kind: "user", id: u.id, email: u.email } };
}

interface SeedRun {
  vendor: VendorId;
  outcome: Outcome;
  attempt?: number;
  normalized?: Partial<NormalizedResult>;
  finishedAt?: Date;
}

function normalized(vendor: VendorId, checkType: CheckType, outcome: Outcome, extra: Partial<NormalizedResult> = {}): NormalizedResult {
  return { vendor, checkType, outcome, vendorVerdict: {}, reasons: [], warnings: [], latencyMs: 5, httpStatus: 200, attempts: [], raw: {}, policyVersion: "builtin-1", ...extra };
}

const borderlineCvs: SeedRun = {
  vendor: "cvs",
  outcome: "review",
  normalized: {
    vendorVerdict: { match: 0, matching: "70.2" },
    faceMatch: { similarity: 0.702, isMatch: false, band: "borderline" },
    reasons: [{ code: "face_match_borderline", message: "The face similarity is in the borderline band", vendorCode: null, severity: "warning", category: "fraud" }],
  },
};

async function addRun(verificationId: string, run: SeedRun, checkType: CheckType = "face_match") {
  const n = normalized(run.vendor, checkType, run.outcome, run.normalized);
  await db.vendorRun.create({
    data: {
      verificationId, vendor: run.vendor, checkType, attempt: run.attempt ?? 1, status: run.outcome === "error" ? "failed" : "completed", outcome: run.outcome,
      matchSimilarity: n.faceMatch?.similarity ?? null, normalized: json(n), raw: {}, finishedAt: run.finishedAt ?? new Date(),
    },
  });
}

async function seedVerification(runs: SeedRun[], name = randomUUID().slice(0, 6)) {
  const v = await db.verification.create({ data: { checkType: "face_match", source: "api", status: "completed", reference: `${tag}-${name}`, completedAt: new Date() } });
  for (const run of runs) await addRun(v.id, run);
  return v;
}

let alice: Awaited<ReturnType<typeof newUser>>;
let bob: Awaited<ReturnType<typeof newUser>>;
let admin: Awaited<ReturnType<typeof newUser>>;

beforeAll(async () => {
  alice = await newUser("reviewer", "alice");
  bob = await newUser("reviewer", "bob");
  admin = await newUser("admin", "admin");
});

describe("flagging a finished verification", () => {
  it("opens one case with every rule that fired, and a retried hook opens nothing more", async () => {
    const v = await seedVerification([borderlineCvs]);
    await onVerificationFinished(v.id);
    await onVerificationFinished(v.id);
    const cases = await db.reviewCase.findMany({ where: { verificationId: v.id } });
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({ status: "open", rules: ["vendor_review", "score_in_band"], checkType: "face_match", reference: v.reference, priority: 50 });
    expect(cases[0].slaDueAt!.getTime() - cases[0].openedAt.getTime()).toBe(24 * 60 * 60_000);
    expect(JSON.stringify(cases[0].ruleDetails)).toContain("match = 0");
    expect(await db.auditEvent.count({ where: { action: "case.opened", targetId: cases[0].id } })).toBe(1);
  });

  it("a vendor that finishes later updates the undecided case; after a decision, newer answers open a new case", async () => {
    const v = await seedVerification([borderlineCvs]);
    await onVerificationFinished(v.id);
    const first = await db.reviewCase.findFirstOrThrow({ where: { verificationId: v.id } });
    await addRun(v.id, { vendor: "fpt", outcome: "pass", normalized: { faceMatch: { similarity: 0.95, isMatch: true, band: "match" } } });
    await onVerificationFinished(v.id);
    const updated = await db.reviewCase.findUniqueOrThrow({ where: { id: first.id } });
    expect(updated.rules).toEqual(["vendor_review", "score_in_band"]);

    await decideCase(alice.actor, alice, { caseId: first.id, version: updated.version, kind: "approve", reasonCode: "borderline_acceptable", comment: null });
    await onVerificationFinished(v.id); // the same answers again: nothing new
    expect(await db.reviewCase.count({ where: { verificationId: v.id } })).toBe(1);

    await addRun(v.id, { vendor: "fpt", attempt: 2, outcome: "fail", finishedAt: new Date(Date.now() + 1000), normalized: { reasons: [{ code: "face_mismatch", message: "no", vendorCode: null, severity: "error", category: "fraud" }] } });
    await onVerificationFinished(v.id);
    const all = await db.reviewCase.findMany({ where: { verificationId: v.id }, orderBy: { openedAt: "asc" } });
    expect(all).toHaveLength(2);
    expect(all[1]).toMatchObject({ status: "open" });
    // CVS still says match = 0; the new FPT answer changes the vendors' verdict to fail.
    expect(all[1].rules).toEqual(["vendor_review", "score_in_band"]);
  });

  it("a clean pass opens nothing; a manual review request opens a case with the note", async () => {
    const v = await seedVerification([{ vendor: "cvs", outcome: "pass", normalized: { vendorVerdict: { match: 1 }, faceMatch: { similarity: 0.93, isMatch: true, band: "match" } } }]);
    await onVerificationFinished(v.id);
    expect(await db.reviewCase.count({ where: { verificationId: v.id } })).toBe(0);
    const result = await requestManualReview(alice.actor, { verificationId: v.id, note: "Customer disputes the photo" });
    expect(result?.action).toBe("opened");
    const c = await db.reviewCase.findFirstOrThrow({ where: { verificationId: v.id } });
    expect(c.rules).toEqual(["manual_review"]);
    expect(JSON.stringify(c.ruleDetails)).toContain("Customer disputes the photo");
  });
});

async function openCase(runs: SeedRun[] = [borderlineCvs], priority?: number) {
  const v = await seedVerification(runs);
  await onVerificationFinished(v.id);
  const c = await db.reviewCase.findFirstOrThrow({ where: { verificationId: v.id } });
  if (priority === undefined) return c;
  return db.reviewCase.update({ where: { id: c.id }, data: { priority } });
}

describe("claim next", () => {
  it("reviewers claiming at the same moment get different cases, highest priority first", async () => {
    const seeded = [];
    for (let i = 0; i < 6; i++) seeded.push(await openCase([borderlineCvs], 1_000_000 + i));
    const reviewers = await Promise.all(Array.from({ length: 6 }, (_, i) => newUser("reviewer", `claimer${i}`)));
    const claimed = await Promise.all(reviewers.map((r) => claimNextCase(r.actor, r.id)));
    const ids = claimed.map((c) => c?.id);
    expect(new Set(ids).size).toBe(6);
    expect(new Set(ids)).toEqual(new Set(seeded.map((c) => c.id)));
    const rows = await db.reviewCase.findMany({ where: { id: { in: seeded.map((c) => c.id) } } });
    expect(new Set(rows.map((r) => r.assigneeId))).toEqual(new Set(reviewers.map((r) => r.id)));
    expect(await db.auditEvent.count({ where: { action: "case.claimed", targetId: { in: seeded.map((c) => c.id) } } })).toBe(6);
    // The queue finds them as each reviewer's own.
    const mine = await findCases({ assignee: "mine", reference: tag, status: "open" }, reviewers[0].id);
    expect(mine.rows.map((r) => r.assignee?.id)).toEqual([reviewers[0].id]);
  });
});

describe("deciding", () => {
  it("a stale decision gets 'already decided by X at T' and changes nothing", async () => {
    const c = await openCase();
    await decideCase(alice.actor, alice, { caseId: c.id, version: c.version, kind: "approve", reasonCode: "borderline_acceptable", comment: null });
    const error = await decideCase(bob.actor, bob, { caseId: c.id, version: c.version, kind: "reject", reasonCode: "different_person", comment: "no" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as Error).message).toMatch(new RegExp(`already decided \\(approve\\) by ${alice.email} at \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} UTC`));
    const after = await db.reviewCase.findUniqueOrThrow({ where: { id: c.id }, include: { decisions: true } });
    expect(after).toMatchObject({ status: "decided", decision: "approve", version: c.version + 1 });
    expect(after.decisions).toHaveLength(1);
  });

  it("two reviewers deciding at once: exactly one wins", async () => {
    const c = await openCase();
    const results = await Promise.allSettled([
      decideCase(alice.actor, alice, { caseId: c.id, version: c.version, kind: "approve", reasonCode: "borderline_acceptable", comment: null }),
      decideCase(bob.actor, bob, { caseId: c.id, version: c.version, kind: "reject", reasonCode: "different_person", comment: null }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected").map((r) => (r).reason)).toEqual([expect.any(ConflictError)]);
    expect(await db.decision.count({ where: { caseId: c.id } })).toBe(1);
  });

  it("overriding the vendors needs a comment; nothing is written without one", async () => {
    const c = await openCase([{ vendor: "cvs", outcome: "fail", normalized: { reasons: [{ code: "face_not_found_portrait", message: "no face", vendorCode: "invalidCode:5", severity: "error", category: "quality" }] } }]);
    await expect(decideCase(alice.actor, alice, { caseId: c.id, version: c.version, kind: "approve", reasonCode: "same_person_confirmed", comment: null })).rejects.toBeInstanceOf(ValidationError);
    await expect(decideCase(alice.actor, alice, { caseId: c.id, version: c.version, kind: "approve", reasonCode: "different_person", comment: "x" })).rejects.toThrow(/reason/);
    expect(await db.reviewCase.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ status: "open", version: c.version });
    expect(await db.decision.count({ where: { caseId: c.id } })).toBe(0);
  });

  it("four eyes: approving over a vendor fail waits for a second reviewer; the first cannot confirm", async () => {
    const c = await openCase([{ vendor: "cvs", outcome: "fail", normalized: { reasons: [{ code: "face_not_found_portrait", message: "no face", vendorCode: "invalidCode:5", severity: "error", category: "quality" }] } }]);
    const first = await decideCase(alice.actor, alice, { caseId: c.id, version: c.version, kind: "approve", reasonCode: "same_person_confirmed", comment: "The face is there, the vendor missed it." });
    expect(first.case.status).toBe("awaiting_confirmation");
    expect(first.decision.overridesVendor).toBe(true);
    await expect(confirmDecision(alice.actor, alice, { caseId: c.id, version: first.case.version })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db.reviewCase.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ status: "awaiting_confirmation", version: first.case.version, decision: null });
    const confirmed = await confirmDecision(bob.actor, bob, { caseId: c.id, version: first.case.version });
    expect(confirmed).toMatchObject({ status: "decided", decision: "approve" });
    expect(await db.decision.findUniqueOrThrow({ where: { id: first.decision.id } })).toMatchObject({ confirmedById: bob.id });
  });

  it("a decided case is read-only; only an admin reopens it, with a reason", async () => {
    const c = await openCase();
    const decided = await decideCase(alice.actor, alice, { caseId: c.id, version: c.version, kind: "reject", reasonCode: "different_person", comment: null });
    await expect(addCaseComment(alice.actor, alice.id, { caseId: c.id, body: "late" })).rejects.toBeInstanceOf(ConflictError);
    await expect(reopenCase(alice.actor, alice, { caseId: c.id, version: decided.case.version, reason: "wrong" })).rejects.toBeInstanceOf(ForbiddenError);
    const reopened = await reopenCase(admin.actor, admin, { caseId: c.id, version: decided.case.version, reason: "Customer sent a new photo" });
    expect(reopened).toMatchObject({ status: "open", decision: null });
    expect(await db.auditEvent.count({ where: { action: "case.reopened", targetId: c.id } })).toBe(1);
  });

  it("a case assigned to someone else is theirs; admins assign in bulk; mentions must name users", async () => {
    const a = await openCase();
    const b = await openCase();
    await assignCases(admin.actor, [a.id, b.id], bob.id);
    const fresh = await db.reviewCase.findUniqueOrThrow({ where: { id: a.id } });
    expect(fresh.assigneeId).toBe(bob.id);
    await expect(decideCase(alice.actor, alice, { caseId: a.id, version: fresh.version, kind: "reject", reasonCode: "different_person", comment: null })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(addCaseComment(alice.actor, alice.id, { caseId: a.id, body: "ask @nobody-here@verdict.test" })).rejects.toBeInstanceOf(ValidationError);
    const comment = await addCaseComment(alice.actor, alice.id, { caseId: a.id, body: `@${bob.email} please look` });
    expect(comment.mentions).toEqual([bob.id]);
  });
});

describe("paging the queue", () => {
  it("Previous page walks back through the same pages as Next page, for every sort", async () => {
    const pageTag = `${tag}-page`;
    for (let i = 0; i < 7; i++) {
      const v = await seedVerification([borderlineCvs], `page-${i}`);
      await onVerificationFinished(v.id);
    }
    for (const sort of ["priority", "oldest", "newest", "sla"] as const) {
      const forward: Array<{ ids: string[]; prevCursor: string | null }> = [];
      let cursor: string | undefined;
      for (;;) {
        const page = await findCases({ reference: pageTag, status: "all", sort, limit: 3, cursor }, null);
        forward.push({ ids: page.rows.map((r) => r.id), prevCursor: page.prevCursor });
        if (!page.nextCursor) break;
        cursor = page.nextCursor;
      }
      expect(forward.map((p) => p.ids.length)).toEqual([3, 3, 1]);
      expect(new Set(forward.flatMap((p) => p.ids)).size).toBe(7);
      expect(forward[0].prevCursor).toBeNull();
      let before = forward[2].prevCursor;
      for (const expected of [forward[1], forward[0]]) {
        const page = await findCases({ reference: pageTag, status: "all", sort, limit: 3, before: before! }, null);
        expect(page.rows.map((r) => r.id)).toEqual(expected.ids);
        before = page.prevCursor;
      }
      expect(before).toBeNull();
    }
  });
});

describe("a row of the queue", () => {
  it("carries each vendor's latest answer, the thumbnail's media, the assignee and the case's fields", async () => {
    const v = await seedVerification(
      [{ vendor: "cvs", outcome: "fail" }, { vendor: "cvs", outcome: "review", attempt: 2 }, { vendor: "fpt", outcome: "pass" }],
      "row",
    );
    await db.vendorRun.updateMany({ where: { verificationId: v.id, vendor: "fpt" }, data: { sandbox: true } });
    await db.media.createMany({ data: (["id_image", "selfie"] as const).map((role) => ({ verificationId: v.id, role, mime: "image/jpeg", size: 1 })) });
    const selfie = await db.media.findFirstOrThrow({ where: { verificationId: v.id, role: "selfie" } });
    const opened = await db.reviewCase.create({
      data: { verificationId: v.id, rules: ["vendor_review"], priority: 2, checkType: "face_match", reference: `${tag}-row-case`, assigneeId: alice.id, assignedAt: new Date() },
    });
    const page = await findCases({ reference: `${tag}-row-case` }, null);
    expect(page.rows).toHaveLength(1);
    expect(page.rows[0]).toMatchObject({
      id: opened.id, verificationId: v.id, status: "open", priority: 2, rules: ["vendor_review"], checkType: "face_match", reference: `${tag}-row-case`,
      assignee: { id: alice.id, email: alice.email }, openedAt: opened.openedAt, slaDueAt: null, decision: null, decidedAt: null, version: 0,
      vendors: [{ vendor: "cvs", outcome: "review", sandbox: false }, { vendor: "fpt", outcome: "pass", sandbox: true }],
      thumbnail: { mediaId: selfie.id, role: "selfie", kind: "thumb" },
    });
  });
});

describe("counting the queue's statuses", () => {
  it("counts undecided statuses exactly and decided cases up to the cap, under the other filters", async () => {
    const countTag = `${tag}-count`;
    const statuses = ["open", "open", "awaiting_confirmation", "escalated", "decided", "decided", "decided", "decided", "decided"] as const;
    for (const [i, status] of statuses.entries()) {
      const v = await seedVerification([], `count-${i}`);
      await db.reviewCase.create({
        data: {
          verificationId: v.id, status, rules: [i % 2 ? "vendor_review" : "manual_review"], checkType: i < 6 ? "face_match" : "liveness_selfie", reference: `${countTag}-${i}`,
          slaDueAt: new Date(Date.now() - 60_000), decision: status === "decided" ? "approve" : null, decidedAt: status === "decided" ? new Date() : null,
        },
      });
    }
    const count = async (filters: Record<string, string>, decidedCountCap?: number) => {
      const page = await findCases({ reference: countTag, status: "all", ...filters }, null, { decidedCountCap });
      return { ...page.counts, capped: page.decidedCapped };
    };
    expect(await count({})).toEqual({ open: 2, awaiting_confirmation: 1, escalated: 1, decided: 5, capped: false });
    expect(await count({}, 5)).toEqual({ open: 2, awaiting_confirmation: 1, escalated: 1, decided: 5, capped: false });
    // One decided case more than the cap: the cap and "capped"; the undecided statuses stay exact.
    expect(await count({}, 4)).toEqual({ open: 2, awaiting_confirmation: 1, escalated: 1, decided: 4, capped: true });
    expect(await count({}, 2)).toEqual({ open: 2, awaiting_confirmation: 1, escalated: 1, decided: 2, capped: true });
    // The other filters apply to the capped count too: 2 decided face matches (cases 4 and 5), 1 of them (5) vendor_review.
    expect(await count({ checkType: "face_match" }, 2)).toEqual({ open: 2, awaiting_confirmation: 1, escalated: 1, decided: 2, capped: false });
    expect(await count({ checkType: "face_match", rule: "vendor_review" }, 2)).toEqual({ open: 1, awaiting_confirmation: 0, escalated: 1, decided: 1, capped: false });
    expect(await count({ checkType: "liveness_selfie" }, 2)).toEqual({ open: 0, awaiting_confirmation: 0, escalated: 0, decided: 2, capped: true });
    // An SLA past due is a state of undecided cases only; "none" takes the decided ones.
    expect(await count({ sla: "breached" }, 2)).toEqual({ open: 2, awaiting_confirmation: 1, escalated: 1, decided: 0, capped: false });
    expect(await count({ sla: "none" }, 2)).toEqual({ open: 0, awaiting_confirmation: 0, escalated: 0, decided: 2, capped: true });
    // The page itself is not capped: every decided case is listed.
    const decided = await findCases({ reference: countTag, status: "decided", limit: 100 }, null, { decidedCountCap: 2 });
    expect(decided.rows).toHaveLength(5);
  });
});
