import { randomUUID } from "node:crypto";
import { Command } from "commander";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { createApiKey, listApiKeys, revokeApiKey } from "@/lib/api-keys/manage-api-keys";
import { hashApiKey, verifyApiKey } from "@/lib/api-keys/verify-api-key";
import { registerApiKeyCommands } from "@/lib/cli/api-key-commands";
import { db, disconnectDb } from "@/lib/db";
import { NotFoundError, ValidationError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";

afterAll(() => disconnectDb());
afterEach(() => vi.restoreAllMocks());

const actor = { kind: "cli", label: "test" } as const;
const keyName = (tag: string) => `${tag}-${randomUUID().slice(0, 8)}`;

describe("API keys", () => {
  it("creates a key that authenticates, storing only its hash and a display prefix", async () => {
    const { apiKey, key } = await createApiKey(actor, { name: keyName("backend"), role: "operator" });
    expect(key).toMatch(/^vdk_[A-Za-z0-9_-]{32}$/);
    const stored = await db.apiKey.findUniqueOrThrow({ where: { id: apiKey.id } });
    expect(stored.hash).toBe(hashApiKey(key));
    expect(stored.prefix).toBe(key.slice(0, 12));
    expect(JSON.stringify(stored)).not.toContain(key);
    expect(await verifyApiKey(key)).toEqual({ id: apiKey.id, name: apiKey.name, role: "operator" });
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: apiKey.id } })).lastUsedAt).not.toBeNull();

    const events = await db.auditEvent.findMany({ where: { targetId: apiKey.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "api_key.created", targetType: "api_key", actorLabel: "cli:test", after: { name: apiKey.name, role: "operator", prefix: stored.prefix } });
    expect(JSON.stringify(events.map((e) => [e.before, e.after]))).not.toContain(key);
  });

  it("records the admin who created a key", async () => {
    const admin = await db.user.create({ data: { email: `keys-${randomUUID().slice(0, 8)}@verdict.test`, role: "admin" } });
    const { apiKey } = await createApiKey({ kind: "user", id: admin.id, email: admin.email }, { name: keyName("by-admin"), role: "viewer" });
    const listed = (await listApiKeys()).find((k) => k.id === apiKey.id);
    expect(listed).toMatchObject({ createdBy: { email: admin.email }, revokedAt: null, lastUsedAt: null });
  });

  it("revokes a key: it stops authenticating, and a second revoke records nothing", async () => {
    const { apiKey, key } = await createApiKey(actor, { name: keyName("revoke"), role: "viewer" });
    const revoked = await revokeApiKey(actor, apiKey.id);
    expect(revoked.revokedAt).toBeInstanceOf(Date);
    expect(await verifyApiKey(key)).toBeNull();
    await revokeApiKey(actor, apiKey.id);
    const events = await db.auditEvent.findMany({ where: { targetId: apiKey.id, action: "api_key.revoked" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ before: { revoked: false }, after: { revoked: true, name: apiKey.name } });
    await expect(revokeApiKey(actor, randomUUID())).rejects.toThrow(NotFoundError);
  });

  it("a key revoked here stops authenticating at once, even right after it was used", async () => {
    const { apiKey, key } = await createApiKey(actor, { name: keyName("used-then-revoked"), role: "operator" });
    expect(await verifyApiKey(key)).toMatchObject({ id: apiKey.id });
    await revokeApiKey(actor, apiKey.id);
    expect(await verifyApiKey(key)).toBeNull();
  });

  it("a key revoked by another process stops authenticating within 5 seconds; last use is written at most once a minute", async () => {
    const { apiKey, key } = await createApiKey(actor, { name: keyName("remembered"), role: "operator" });
    const started = Date.now();
    // Only the clock is faked; the database and its queries are real.
    vi.useFakeTimers({ toFake: ["Date"], now: started });
    try {
      expect(await verifyApiKey(key)).toMatchObject({ id: apiKey.id });
      const firstUse = (await db.apiKey.findUniqueOrThrow({ where: { id: apiKey.id } })).lastUsedAt;
      expect(firstUse).not.toBeNull();

      // What `npm run cli -- api-key revoke` in another process does to the row.
      await db.apiKey.update({ where: { id: apiKey.id }, data: { revokedAt: new Date() } });
      vi.setSystemTime(started + 4_000);
      expect(await verifyApiKey(key)).toMatchObject({ id: apiKey.id });
      expect((await db.apiKey.findUniqueOrThrow({ where: { id: apiKey.id } })).lastUsedAt).toEqual(firstUse);
      vi.setSystemTime(started + 5_001);
      expect(await verifyApiKey(key)).toBeNull();

      // An active key: its last use is written again once a minute has passed.
      const longAgo = new Date("2020-01-01T00:00:00Z");
      await db.apiKey.update({ where: { id: apiKey.id }, data: { revokedAt: null, lastUsedAt: longAgo } });
      vi.setSystemTime(started + 30_000);
      expect(await verifyApiKey(key)).toMatchObject({ id: apiKey.id });
      expect((await db.apiKey.findUniqueOrThrow({ where: { id: apiKey.id } })).lastUsedAt).toEqual(longAgo);
      vi.setSystemTime(started + 61_000);
      expect(await verifyApiKey(key)).toMatchObject({ id: apiKey.id });
      expect((await db.apiKey.findUniqueOrThrow({ where: { id: apiKey.id } })).lastUsedAt).not.toEqual(longAgo);
    } finally {
      vi.useRealTimers();
    }
  });

  it("refuses a bad name or role with field errors and writes nothing", async () => {
    const cases: Array<[{ name: string; role: string }, Record<string, string[]>]> = [
      [{ name: "   ", role: "operator" }, { name: ["Name is required."] }],
      [{ name: "x".repeat(101), role: "operator" }, { name: ["Name must be at most 100 characters."] }],
      [{ name: keyName("bad-role"), role: "superuser" }, { role: ["Role must be one of: admin, reviewer, operator, viewer."] }],
    ];
    for (const [input, fieldErrors] of cases) {
      // The role comes from outside the type system (a form, a flag): check what the function does with it.
      const error = await createApiKey(actor, { name: input.name, role: input.role as Role }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).fieldErrors).toEqual(fieldErrors);
      // Other test files write keys and audit rows at the same time: look only for this input's traces.
      for (const name of [input.name, input.name.trim()]) {
        expect(await db.apiKey.count({ where: { name } })).toBe(0);
        expect(await db.auditEvent.count({ where: { action: "api_key.created", after: { path: ["name"], equals: name } } })).toBe(0);
      }
    }
  });

  it("refuses a second active key with the same name, even when created at once", async () => {
    const name = keyName("twin");
    const results = await Promise.allSettled([createApiKey(actor, { name, role: "viewer" }), createApiKey(actor, { name, role: "viewer" })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected");
    expect(rejected?.status === "rejected" && (rejected.reason as ValidationError).fieldErrors).toEqual({ name: ["An active API key already has this name."] });
    expect(await db.apiKey.count({ where: { name } })).toBe(1);
  });
});

async function runCli(...args: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  vi.spyOn(console, "log").mockImplementation((...parts: unknown[]) => void stdout.push(parts.join(" ")));
  vi.spyOn(console, "error").mockImplementation((...parts: unknown[]) => void stderr.push(parts.join(" ")));
  vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => (stdout.push(String(chunk)), true));
  const program = new Command("verdict").exitOverride();
  registerApiKeyCommands(program);
  try {
    await program.parseAsync(["node", "verdict", ...args]);
    return { stdout, stderr, error: null };
  } catch (error) {
    return { stdout, stderr, error };
  } finally {
    vi.restoreAllMocks();
  }
}

describe("npm run cli -- api-key …", () => {
  it("create prints the key alone on stdout, notes on stderr", async () => {
    const name = keyName("cli");
    const run = await runCli("api-key", "create", "--name", name, "--role", "operator");
    expect(run.error).toBeNull();
    expect(run.stdout).toHaveLength(1);
    const key = run.stdout[0];
    expect(key).toMatch(/^vdk_[A-Za-z0-9_-]{32}$/);
    expect(run.stderr.join("\n")).toContain(`created API key "${name}" (operator)`);
    expect(run.stderr.join("\n")).not.toContain(key);
    const principal = await verifyApiKey(key);
    expect(principal).toMatchObject({ name, role: "operator" });
    const event = await db.auditEvent.findFirstOrThrow({ where: { targetId: principal!.id, action: "api_key.created" } });
    expect(event.actorLabel).toMatch(/^cli/);
  });

  it("create refuses a bad role with a clear message and writes nothing", async () => {
    const name = keyName("bad");
    const run = await runCli("api-key", "create", "--name", name, "--role", "superuser");
    expect(run.error).toBeInstanceOf(ValidationError);
    expect((run.error as ValidationError).message).toBe("--role: Role must be one of: admin, reviewer, operator, viewer.");
    expect(run.stdout).toEqual([]);
    expect(await db.apiKey.count({ where: { name } })).toBe(0);
  });

  it("revokes by name or id, and lists keys without the keys", async () => {
    const name = keyName("cli-revoke");
    const key = (await runCli("api-key", "create", "--name", name, "--role", "viewer")).stdout[0];
    const revoke = await runCli("api-key", "revoke", "--name", name);
    expect(revoke.error).toBeNull();
    expect(revoke.stdout).toEqual([`revoked API key "${name}" (${key.slice(0, 12)}…)`]);
    expect(await verifyApiKey(key)).toBeNull();

    const other = await createApiKey(actor, { name: keyName("cli-id"), role: "viewer" });
    expect((await runCli("api-key", "revoke", "--id", other.apiKey.id)).error).toBeNull();
    expect(await verifyApiKey(other.key)).toBeNull();

    const neither = await runCli("api-key", "revoke");
    expect((neither.error as ValidationError).message).toBe("Give either --id or --name.");
    const unknown = await runCli("api-key", "revoke", "--name", "no-such-key-anywhere");
    expect((unknown.error as NotFoundError).message).toBe("No active API key is named no-such-key-anywhere.");

    const list = await runCli("api-key", "list");
    const line = list.stdout.find((l) => l.includes(name));
    expect(line).toContain(`${key.slice(0, 12)}…`);
    expect(line).toContain("revoked");
    expect(list.stdout.join("\n")).not.toContain(key);
  });
});
