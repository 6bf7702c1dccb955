import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/passwords";
import { db, disconnectDb } from "@/lib/db";
import { ConflictError, ValidationError } from "@/lib/errors";
import { changeUserRole, createUser, resetUserPassword, setUserDisabled } from "@/lib/users/manage-users";

afterAll(() => disconnectDb());

const actor = { kind: "cli", label: "test" } as const;
const email = (name: string) => `${name}-${randomUUID().slice(0, 8)}@verdict.test`;

describe("user administration", () => {
  it("creates a user with a hashed generated password and an audit event", async () => {
    const { user, password } = await createUser(actor, { email: email("create"), role: "operator" });
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id }, omit: { passwordHash: false } });
    expect(stored.passwordHash).not.toContain(password);
    expect(await verifyPassword(stored.passwordHash!, password)).toBe(true);
    const events = await db.auditEvent.findMany({ where: { targetId: user.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "user.created", actorLabel: "cli:test", after: { email: user.email, role: "operator" } });
    expect(JSON.stringify([events[0]?.before, events[0]?.after])).not.toContain(password);
  });

  it("refuses a duplicate email with a field error and writes nothing", async () => {
    const address = email("dup");
    await createUser(actor, { email: address, role: "viewer" });
    const before = await db.auditEvent.count();
    const error = await createUser(actor, { email: address, role: "admin" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors).toEqual({ email: ["A user with this email already exists."] });
    expect(await db.auditEvent.count()).toBe(before);
  });

  it("records a role change with before and after, and revokes the user's sessions", async () => {
    const { user } = await createUser(actor, { email: email("role"), role: "viewer" });
    await changeUserRole(actor, user.id, "reviewer");
    const updated = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(updated.role).toBe("reviewer");
    expect(updated.sessionVersion).toBe(1);
    const event = await db.auditEvent.findFirstOrThrow({ where: { targetId: user.id, action: "user.role_changed" } });
    expect(event.before).toEqual({ email: user.email, role: "viewer" });
    expect(event.after).toEqual({ email: user.email, role: "reviewer" });
  });

  it("never leaves Verdict without an active admin, even under concurrent demotions", async () => {
    // Disable every other admin so the two below are the only active ones.
    const others = await db.user.findMany({ where: { role: "admin", disabledAt: null } });
    await db.user.updateMany({ where: { id: { in: others.map((o) => o.id) } }, data: { disabledAt: new Date() } });
    try {
      const a = (await createUser(actor, { email: email("admin-a"), role: "admin" })).user;
      const b = (await createUser(actor, { email: email("admin-b"), role: "admin" })).user;
      const results = await Promise.allSettled([changeUserRole(actor, a.id, "viewer"), setUserDisabled(actor, b.id, true)]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const rejected = results.find((r) => r.status === "rejected");
      expect(rejected?.status === "rejected" && rejected.reason).toBeInstanceOf(ConflictError);
      expect(await db.user.count({ where: { role: "admin", disabledAt: null } })).toBe(1);
      // Cleanup: leave these two out of later tests' way.
      await db.user.updateMany({ where: { id: { in: [a.id, b.id] } }, data: { disabledAt: new Date() } });
    } finally {
      await db.user.updateMany({ where: { id: { in: others.map((o) => o.id) } }, data: { disabledAt: null } });
    }
  });

  it("resets a password: the old one stops working, sessions are revoked, the new one is not logged", async () => {
    const { user, password: old } = await createUser(actor, { email: email("reset"), role: "viewer" });
    const { password } = await resetUserPassword(actor, user.id);
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id }, omit: { passwordHash: false } });
    expect(await verifyPassword(stored.passwordHash!, old)).toBe(false);
    expect(await verifyPassword(stored.passwordHash!, password)).toBe(true);
    expect(stored.sessionVersion).toBe(1);
    const events = await db.auditEvent.findMany({ where: { targetId: user.id, action: "user.password_reset" } });
    expect(events).toHaveLength(1);
    expect(JSON.stringify(events.map((e) => [e.before, e.after]))).not.toContain(password);
  });
});
