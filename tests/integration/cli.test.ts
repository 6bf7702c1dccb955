import { spawnSync } from "node:child_process";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/passwords";
import { db, disconnectDb } from "@/lib/db";

afterAll(() => disconnectDb());

function cli(...args: string[]) {
  const result = spawnSync(path.resolve("node_modules/.bin/tsx"), ["scripts/cli.ts", ...args], { encoding: "utf8", env: process.env });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

// Each call starts a tsx process (seconds each on a busy 2-core machine).
describe("npm run cli -- user …", { timeout: 120_000 }, () => {
  it("creates a user, prints the password once, and audits it as the CLI", async () => {
    const email = `cli-${randomUUID().slice(0, 8)}@verdict.test`;
    const run = cli("user", "create", "--email", email.toUpperCase(), "--role", "reviewer");
    expect(run.code).toBe(0);
    const password = /password: (\S+)/.exec(run.stdout)?.[1];
    expect(password).toBeDefined();
    const user = await db.user.findUniqueOrThrow({ where: { email }, omit: { passwordHash: false } });
    expect(user.role).toBe("reviewer");
    expect(await verifyPassword(user.passwordHash!, password!)).toBe(true);
    const event = await db.auditEvent.findFirstOrThrow({ where: { targetId: user.id, action: "user.created" } });
    expect(event.actorLabel).toMatch(/^cli/);
  });

  it("rejects a role that does not exist and a malformed email, writing nothing", async () => {
    const before = await db.user.count();
    const badRole = cli("user", "create", "--email", "someone@verdict.test", "--role", "superuser");
    expect(badRole.code).toBe(1);
    expect(badRole.stderr).toContain("--role: Role must be one of: admin, reviewer, operator, viewer.");
    const badEmail = cli("user", "create", "--email", "not-an-email", "--role", "viewer");
    expect(badEmail.code).toBe(1);
    expect(badEmail.stderr).toContain("--email: Enter a valid email address");
    expect(await db.user.count()).toBe(before);
  });

  it("resets a password and disables a user", async () => {
    const email = `cli-${randomUUID().slice(0, 8)}@verdict.test`;
    expect(cli("user", "create", "--email", email, "--role", "viewer").code).toBe(0);
    const reset = cli("user", "reset-password", "--email", email);
    expect(reset.code).toBe(0);
    const password = /new password for \S+: (\S+)/.exec(reset.stdout)?.[1];
    const stored = await db.user.findUniqueOrThrow({ where: { email }, omit: { passwordHash: false } });
    expect(await verifyPassword(stored.passwordHash!, password!)).toBe(true);

    expect(cli("user", "disable", "--email", email).code).toBe(0);
    expect((await db.user.findUniqueOrThrow({ where: { email } })).disabledAt).not.toBeNull();
    const unknown = cli("user", "disable", "--email", "nobody-here@verdict.test");
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("No user has the email nobody-here@verdict.test.");
  });
});
