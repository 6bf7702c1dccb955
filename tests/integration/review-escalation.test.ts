import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/audit/record-audit-event";
import { db, disconnectDb } from "@/lib/db";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { stopBoss } from "@/lib/jobs/boss";
import { assignCases, claimNextCase } from "@/lib/review/assign-cases";
import { decideCase, type Reviewer } from "@/lib/review/decide-case";
import { createDecisionReason, updateDecisionReason } from "@/lib/review/decision-reasons";
import { getReviewerSettings, setJumpToNextCase, setSeniorReviewer } from "@/lib/users/manage-users";
import type { CheckType } from "@/lib/vendors/types";

// Escalation goes to senior reviewers, decision reasons per check type, and the reviewer's own
// "next case" setting, against PostgreSQL. Rows are this file's own (tag).
afterAll(async () => {
  await stopBoss();
  await disconnectDb();
});

const tag = `esc-${randomUUID().slice(0, 8)}`;

async function newUser(role: Role, name: string): Promise<Reviewer & { actor: Actor }> {
  const u = await db.user.create({ data: { email: `${tag}-${name}@verdict.test`, role } });
  return { id: u.id, email: u.email, role: u.role, actor: { kind: "user", id: u.id, email: u.email } };
}

async function openCase(checkType: CheckType = "face_match", priority = 0) {
  const v = await db.verification.create({ data: { checkType, source: "api", status: "completed", reference: `${tag}-${randomUUID().slice(0, 6)}`, completedAt: new Date() } });
  const ruleDetails: Prisma.InputJsonValue = [{ code: "manual_review", details: ["test"], vendors: [] }];
  return db.reviewCase.create({ data: { verificationId: v.id, checkType, rules: ["manual_review"], ruleDetails, priority, reference: v.reference } });
}

let alice: Awaited<ReturnType<typeof newUser>>;
let senior: Awaited<ReturnType<typeof newUser>>;
let admin: Awaited<ReturnType<typeof newUser>>;
let operator: Awaited<ReturnType<typeof newUser>>;

beforeAll(async () => {
  alice = await newUser("reviewer", "alice");
  senior = await newUser("reviewer", "senior");
  admin = await newUser("admin", "admin");
  operator = await newUser("operator", "operator");
  await setSeniorReviewer(admin.actor, senior.id, true);
});

describe("escalation", () => {
  it("the escalating reviewer and other non-senior reviewers may not decide; a senior reviewer does", async () => {
    const c = await openCase();
    const escalated = await decideCase(alice.actor, alice, { caseId: c.id, version: c.version, kind: "escalate", reasonCode: "needs_senior_review", comment: null });
    expect(escalated.case).toMatchObject({ status: "escalated", escalatedById: alice.id, assigneeId: null });

    const own = await decideCase(alice.actor, alice, { caseId: c.id, version: escalated.case.version, kind: "approve", reasonCode: "other", comment: null }).catch((e: unknown) => e);
    expect(own).toBeInstanceOf(ForbiddenError);
    expect((own as Error).message).toBe("You escalated this case, so someone else decides it: a senior reviewer or an admin.");

    const bob = await newUser("reviewer", "bob");
    const other = await decideCase(bob.actor, bob, { caseId: c.id, version: escalated.case.version, kind: "reject", reasonCode: "other", comment: null }).catch((e: unknown) => e);
    expect(other).toBeInstanceOf(ForbiddenError);
    expect((other as Error).message).toContain("only senior reviewers and admins decide escalated cases");
    expect(await db.decision.count({ where: { caseId: c.id } })).toBe(1);

    const decided = await decideCase(senior.actor, senior, { caseId: c.id, version: escalated.case.version, kind: "approve", reasonCode: "other", comment: null });
    expect(decided.case).toMatchObject({ status: "decided", decision: "approve" });
  });

  it("an admin who escalated may not decide it either; another admin may", async () => {
    const c = await openCase();
    const escalated = await decideCase(admin.actor, admin, { caseId: c.id, version: c.version, kind: "escalate", reasonCode: "refer_to_fraud_team", comment: null });
    await expect(decideCase(admin.actor, admin, { caseId: c.id, version: escalated.case.version, kind: "reject", reasonCode: "other", comment: null })).rejects.toBeInstanceOf(ForbiddenError);
    const admin2 = await newUser("admin", "admin2");
    const decided = await decideCase(admin2.actor, admin2, { caseId: c.id, version: escalated.case.version, kind: "reject", reasonCode: "other", comment: null });
    expect(decided.case.status).toBe("decided");
  });

  it("claim next escalated is for senior reviewers and never returns a case they escalated themselves", async () => {
    const mine = await openCase("face_match", 2_000_000);
    const theirs = await openCase("face_match", 1_999_999);
    const e1 = await decideCase(senior.actor, senior, { caseId: mine.id, version: mine.version, kind: "escalate", reasonCode: "needs_senior_review", comment: null });
    await decideCase(alice.actor, alice, { caseId: theirs.id, version: theirs.version, kind: "escalate", reasonCode: "needs_senior_review", comment: null });
    expect(e1.case.status).toBe("escalated");

    await expect(claimNextCase(alice.actor, alice.id, { escalated: true })).rejects.toBeInstanceOf(ForbiddenError);
    const claimed = await claimNextCase(senior.actor, senior.id, { escalated: true });
    expect(claimed?.id).toBe(theirs.id);
    // Claim next of open cases never hands out escalated ones.
    const open = await claimNextCase(alice.actor, alice.id);
    expect(open?.id).not.toBe(mine.id);
    // An admin cannot assign an escalated case to a reviewer who may not decide it.
    await expect(assignCases(admin.actor, [mine.id], alice.id)).rejects.toThrow(/not a senior reviewer/);
  });

  it("the senior reviewer permission is granted by an admin, audited, and only for reviewers", async () => {
    const carol = await newUser("reviewer", "carol");
    expect((await getReviewerSettings(carol.id)).senior).toBe(false);
    await setSeniorReviewer(admin.actor, carol.id, true);
    expect((await getReviewerSettings(carol.id)).senior).toBe(true);
    expect(await db.auditEvent.count({ where: { action: "user.senior_reviewer_granted", targetId: carol.id, actorId: admin.id } })).toBe(1);
    await setSeniorReviewer(admin.actor, carol.id, false);
    expect(await db.auditEvent.count({ where: { action: "user.senior_reviewer_revoked", targetId: carol.id } })).toBe(1);
    await expect(setSeniorReviewer(admin.actor, operator.id, true)).rejects.toBeInstanceOf(ValidationError);
    expect((await getReviewerSettings(admin.id)).senior).toBe(true);
  });
});

describe("decision reasons per check type", () => {
  it("a reason that does not apply to the case's check type is refused with a clear error; nothing is written", async () => {
    const c = await openCase("liveness_video");
    const error = await decideCase(alice.actor, alice, { caseId: c.id, version: c.version, kind: "reject", reasonCode: "different_person", comment: "x" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    const selfie = await openCase("liveness_selfie");
    const refused = await decideCase(alice.actor, alice, { caseId: selfie.id, version: selfie.version, kind: "reject", reasonCode: "different_person", comment: "x" }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).fieldErrors?.reasonCode?.[0]).toContain("“Different person” does not apply to Liveness — selfie checks");
    expect(await db.decision.count({ where: { caseId: selfie.id } })).toBe(0);
    const ok = await decideCase(alice.actor, alice, { caseId: selfie.id, version: selfie.version, kind: "reject", reasonCode: "spoof_suspected", comment: null });
    expect(ok.case.status).toBe("decided");
  });

  it("admins set the check types of a reason (audited); a reason needs at least one", async () => {
    const code = `${tag.replace(/-/g, "_")}_reason`;
    await expect(createDecisionReason(admin.actor, { code, label: "Glasses hide the eyes", kinds: ["reject"], checkTypes: [] })).rejects.toBeInstanceOf(ValidationError);
    const created = await createDecisionReason(admin.actor, { code, label: "Glasses hide the eyes", kinds: ["reject"], checkTypes: ["liveness_selfie"] });
    expect(created.checkTypes).toEqual(["liveness_selfie"]);
    const updated = await updateDecisionReason(admin.actor, { code, label: "Glasses hide the eyes", kinds: ["reject"], checkTypes: ["liveness_selfie", "face_match"], active: true });
    expect(updated.checkTypes).toEqual(["liveness_selfie", "face_match"]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "decision_reason.updated", targetId: code } });
    expect(audit.after).toMatchObject({ checkTypes: ["liveness_selfie", "face_match"] });
  });
});

describe("the reviewer's next-case setting", () => {
  it("is stored on the user and audited", async () => {
    const dave = await newUser("reviewer", "dave");
    await setJumpToNextCase(dave.actor, dave.id, true);
    expect((await getReviewerSettings(dave.id)).jumpToNextCase).toBe(true);
    await setJumpToNextCase(dave.actor, dave.id, true); // unchanged: no second event
    expect(await db.auditEvent.count({ where: { action: "user.setting_changed", targetId: dave.id } })).toBe(1);
  });
});
